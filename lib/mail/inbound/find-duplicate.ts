import { db } from "../../db";

export type Verdict =
  | { kind: "new" }
  | {
      kind: "duplicate" | "ignored";
      reason: string;
      duplicateOfId: number | null;
      ticketId: number | null;
      articleId: number | null;
    };

/**
 * DESIGN "Duplicates": a mail whose Message-ID and content hash both match an article we stored is a
 * duplicate; mail without a Message-ID is judged by its content hash alone.
 * Our own outgoing mail coming back in (its Message-ID is ours) is ignored.
 */
export async function findDuplicate(input: {
  messageId: string | null;
  contentHash: string;
}): Promise<Verdict> {
  if (input.messageId) {
    const ours = await db.article.findFirst({
      where: { messageId: input.messageId, direction: "out" },
      select: { id: true, ticketId: true },
    });
    if (ours)
      return {
        kind: "ignored",
        reason: "our own outgoing mail",
        duplicateOfId: null,
        ticketId: ours.ticketId,
        articleId: ours.id,
      };
  }
  const same = await db.article.findFirst({
    where: { messageId: input.messageId, contentHash: input.contentHash, direction: "in" },
    select: { id: true, ticketId: true },
    orderBy: { id: "asc" },
  });
  if (!same) return { kind: "new" };
  const original = await db.inboundMessage.findFirst({
    where: { articleId: same.id, status: "processed" },
    select: { id: true },
  });
  return {
    kind: "duplicate",
    reason: input.messageId ? "same Message-ID and content" : "same content (no Message-ID)",
    duplicateOfId: original?.id ?? null,
    ticketId: same.ticketId,
    articleId: same.id,
  };
}

/** An earlier, finished delivery with the same provider id (webhook id, Resend e-mail id). */
export async function findRedelivery(input: {
  inboundId: number;
  provider: string;
  providerId: string | null;
}): Promise<Verdict> {
  if (input.providerId) {
    const earlier = await db.inboundMessage.findFirst({
      where: {
        provider: input.provider,
        providerId: input.providerId,
        id: { not: input.inboundId },
        status: { in: ["processed", "duplicate", "ignored"] },
      },
      orderBy: { id: "asc" },
    });
    if (earlier)
      return {
        kind: "duplicate",
        reason: "redelivery of the same provider id",
        duplicateOfId: earlier.duplicateOfId ?? earlier.id,
        ticketId: earlier.ticketId,
        articleId: earlier.articleId,
      };
  }
  return { kind: "new" };
}
