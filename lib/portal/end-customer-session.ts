import { db } from "../db";
import { hashCustomerToken, isWellFormedToken } from "./tokens";

/** Signs a customer out: the session's token stops working everywhere at once. */
export async function endCustomerSession(options: { token: string | null | undefined }) {
  if (!isWellFormedToken(options.token)) return;
  await db.customerToken.deleteMany({
    where: { tokenHash: hashCustomerToken(options.token), kind: "session" },
  });
}
