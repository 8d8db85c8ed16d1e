import { db } from "../../db";
import { NotFoundError, UserFacingError } from "../../errors";
import { fetchResendEmail } from "./fetch-resend-email";
import { processInboundMessage } from "./process-inbound-message";

/**
 * An admin's second try at a delivery that failed (or never finished), e.g.
 * after a fix. Finished ones (processed, duplicate, ignored) are left alone.
 */
export async function reprocessInboundMessage(id: number) {
  const row = await db.inboundMessage.findUnique({ where: { id } });
  if (!row) throw new NotFoundError("Inbound message not found");
  if (row.status !== "failed" && row.status !== "received")
    throw new UserFacingError(`The message is already ${row.status}`, "conflict");
  const fetched = row.raw || (row.payload && JSON.parse(row.payload).email);
  if (row.provider === "resend" && !fetched && row.providerId)
    await fetchResendEmail(row.id, row.providerId);
  return processInboundMessage(row.id);
}
