import type { Tx } from "../db";
import { NotFoundError, UserFacingError } from "../errors";
import type { AttachmentLimits } from "../portal/schemas";
import type { NewAttachment } from "./write-article";

/**
 * The attachments an agent's reply or forward sends along from an earlier article (OTRS and
 * Zammad attach the forwarded article's files by default), read by id inside the reply's
 * transaction: only attachments of `ticketId`'s own articles — the caller found that ticket
 * in its write scope, so an id of another ticket or of a foreign queue is "not found"
 * (NotFoundError), as every missing id. They count with the `uploads` new files against
 * the attachment limits (number of files, size of each: UserFacingError "tooManyFiles" /
 * "fileTooLarge" at the field). Returned as new attachments with the same bytes, name and
 * type; inline images (cid:) stay inline parts with their Content-ID. Attachments without
 * stored bytes cannot be sent and count as not found.
 */
export async function findOriginalAttachments(
  tx: Tx,
  options: { ticketId: number; ids: number[]; uploads: number; limits: AttachmentLimits },
): Promise<NewAttachment[]> {
  const ids = [...new Set(options.ids)];
  if (ids.length === 0) return [];
  const rows = await tx.attachment.findMany({
    where: { id: { in: ids }, article: { ticketId: options.ticketId }, content: { not: null } },
    orderBy: { id: "asc" },
  });
  if (rows.length !== ids.length) throw new NotFoundError("Attachment not found");
  if (rows.length + options.uploads > options.limits.maxCount) {
    throw new UserFacingError(
      "Too many files",
      "validation",
      { attachments: ["too many files"] },
      "tooManyFiles",
    );
  }
  if (rows.some((row) => row.size > options.limits.maxBytes)) {
    throw new UserFacingError(
      "An attachment is too large",
      "validation",
      { originalAttachments: ["too large"] },
      "fileTooLarge",
    );
  }
  return rows.map((row) => ({
    filename: row.filename,
    contentType: row.contentType,
    content: new Uint8Array(row.content!),
    contentId: row.isInline ? row.contentId : null,
    isInline: row.isInline,
  }));
}
