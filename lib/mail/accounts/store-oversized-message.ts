// A message in an IMAP folder larger than INBOUND_MAX_BYTES (issue 20): the
// webhooks refuse such bodies (413), the fetcher must not download it either.
// It is kept as a failed delivery with its reason and its header, so an admin
// sees it on the review page, and the mailbox is cleared of it as of any
// stored message (it does not block the folder).
import type { Tx } from "../../db";
import { sha256Hex } from "../../tickets/write-article";
import { parseHeaderBlock } from "../inbound/parse-headers";

/** At most this much of a too-large message's header is fetched and kept (BODY.PEEK[HEADER]<0.n>). */
export const OVERSIZED_HEADER_BYTES = 64 * 1024;

/** The stored reason of a too-large message: its size, the limit, and where it went on the server. */
export function oversizedReason(input: {
  size: number;
  maxBytes: number;
  account: { name: string; afterStore: string; moveTo: string | null };
}) {
  const where =
    input.account.afterStore === "delete"
      ? "deleted from the mail server"
      : `moved to the folder "${input.account.moveTo || "Processed"}" on the mail server`;
  return (
    `Message too large: ${input.size} bytes, over INBOUND_MAX_BYTES (${input.maxBytes} bytes). ` +
    `Not downloaded; only its header is kept. It was ${where} ` +
    `(mail account "${input.account.name}").`
  );
}

/**
 * Stores a too-large IMAP message as `failed` (never processed: there is no
 * body to process) inside the fetcher's transaction `tx`: provider "imap" and
 * its provider id (so a later pass only clears it), the size on the server
 * (RFC822.SIZE, bytes), the reason, and — when the header could be fetched —
 * its header lines (JSON, as processed mail keeps them) and Message-ID. No raw
 * bytes are kept, so a re-process refuses (review-inbound-message.ts).
 * The same message again under a new UIDVALIDITY (same header and size, from
 * this account) is stored as a `duplicate` of the first, so the admins review
 * it once — as a processed message seen again becomes a duplicate.
 */
export async function storeOversizedMessage(
  tx: Tx,
  input: {
    accountId: number;
    providerId: string;
    size: number;
    reason: string;
    header?: Uint8Array | null;
    queueHint?: string | null;
  },
) {
  const headerText = input.header ? Buffer.from(input.header).toString("utf8") : "";
  const headers = headerText ? parseHeaderBlock(headerText) : [];
  const messageId = headers.find(([name]) => name === "message-id")?.[1].slice(0, 998) || null;
  const rawSha256 = sha256Hex(input.header ?? new Uint8Array());
  const earlier =
    headers.length > 0
      ? await tx.inboundMessage.findFirst({
          where: {
            provider: "imap",
            providerId: { startsWith: `${input.accountId}:` },
            rawSha256,
            size: input.size,
            raw: null,
            status: { in: ["failed", "ignored", "duplicate"] },
          },
          orderBy: { id: "asc" },
          select: { id: true, duplicateOfId: true },
        })
      : null;
  return tx.inboundMessage.create({
    data: {
      provider: "imap",
      providerId: input.providerId,
      messageId,
      raw: null,
      payload: null,
      // Of what was kept (the header), as for every row: there are no other bytes here.
      rawSha256,
      headers: headers.length > 0 ? JSON.stringify(headers) : null,
      size: input.size,
      queueHint: input.queueHint?.slice(0, 200) || null,
      ...(earlier
        ? {
            status: "duplicate",
            duplicateOfId: earlier.duplicateOfId ?? earlier.id,
            error: `same too-large message as an earlier delivery (header and size). ${input.reason}`,
          }
        : { status: "failed", error: input.reason }),
      processedAt: new Date(),
    },
    select: { id: true },
  });
}
