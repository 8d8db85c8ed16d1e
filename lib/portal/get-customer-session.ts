import { db } from "../db";
import { hashCustomerToken, isWellFormedToken } from "./tokens";

export interface CustomerSession {
  sessionId: number;
  customerId: number;
  email: string;
  /** Set for a session opened by an access link: only this ticket is visible. */
  ticketId: number | null;
  expiresAt: Date;
}

/** The live customer session behind a cookie value, or null. */
export async function getCustomerSession(options: {
  token: string | null | undefined;
  now?: Date;
}): Promise<CustomerSession | null> {
  if (!isWellFormedToken(options.token)) return null;
  const session = await db.customerToken.findUnique({
    where: { tokenHash: hashCustomerToken(options.token) },
    include: { customer: { select: { email: true } } },
  });
  if (!session || session.kind !== "session" || session.expiresAt <= (options.now ?? new Date())) {
    return null;
  }
  return {
    sessionId: session.id,
    customerId: session.customerId,
    email: session.customer.email,
    ticketId: session.ticketId,
    expiresAt: session.expiresAt,
  };
}
