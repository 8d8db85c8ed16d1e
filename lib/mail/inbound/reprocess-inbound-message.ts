import { db } from "../../db";
import { NotFoundError, UserFacingError } from "../../errors";
import { fetchResendEmail } from "./fetch-resend-email";
import { processInboundMessage } from "./process-inbound-message";
import { redecodeInboundArticle } from "./redecode-inbound-article";

/**
 * An admin's second try at a delivery, e.g. after a fix. A failed (or
 * unfinished) one is processed again; a processed one is re-read and its
 * article (and the ticket title it set) updated in place, never a second
 * article. Duplicates and ignored ones are left alone (409), and so is a
 * failed one without its message (409 `rawNotKept`: a message too large to
 * fetch, kept with its header and reason only — processing it again would
 * only overwrite that reason).
 */
export async function reprocessInboundMessage(id: number) {
  const row = await db.inboundMessage.findUnique({ where: { id } });
  if (!row) throw new NotFoundError("Inbound message not found");
  if (row.status === "processed" && row.articleId) {
    if (!row.raw && !row.payload)
      throw new UserFacingError("The raw message is no longer kept (retention)", "conflict");
    return redecodeInboundArticle({ ...row, articleId: row.articleId });
  }
  if (row.status !== "failed" && row.status !== "received")
    throw new UserFacingError(`The message is already ${row.status}`, "conflict");
  if (!row.raw && !row.payload && row.provider !== "resend")
    throw new UserFacingError(
      "Only the message's header was kept: nothing to process",
      "conflict",
      undefined,
      "rawNotKept",
    );
  const fetched = row.raw || (row.payload && JSON.parse(row.payload).email);
  if (row.provider === "resend" && !fetched && row.providerId)
    await fetchResendEmail(row.id, row.providerId);
  return processInboundMessage(row.id);
}
