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
  // One read for both questions: an outgoing article of ours with this Message-ID sorts
  // first ("out" after "in" as text on SQLite and in the enum's order on PostgreSQL), else
  // the earliest incoming one with the same content.
  const match = await db.article.findFirst({
    where: {
      messageId: input.messageId,
      OR: [
        ...(input.messageId ? [{ direction: "out" as const }] : []),
        { contentHash: input.contentHash, direction: "in" as const },
      ],
    },
    select: { id: true, ticketId: true, direction: true },
    orderBy: [{ direction: "desc" }, { id: "asc" }],
  });
  if (match?.direction === "out")
    return {
      kind: "ignored",
      reason: "our own outgoing mail",
      duplicateOfId: null,
      ticketId: match.ticketId,
      articleId: match.id,
    };
  if (!match) return { kind: "new" };
  const same = match;
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

/**
 * Earlier deliveries with the same provider id (webhook id, Resend e-mail id),
 * in one read: the verdict is "duplicate" of the first finished one, if any;
 * `unfinished` tells whether others never finished (received or failed), for
 * the delivery that finishes to settle them (processInboundMessage).
 */
export async function findRedelivery(input: {
  inboundId: number;
  provider: string;
  providerId: string | null;
}): Promise<{ verdict: Verdict; unfinished: boolean }> {
  if (!input.providerId) return { verdict: { kind: "new" }, unfinished: false };
  // Few rows: one per retry of this delivery (a provider retries a handful of times).
  const others = await db.inboundMessage.findMany({
    where: { provider: input.provider, providerId: input.providerId, id: { not: input.inboundId } },
    orderBy: { id: "asc" },
    select: { id: true, status: true, duplicateOfId: true, ticketId: true, articleId: true },
  });
  const unfinished = others.some((row) => row.status === "received" || row.status === "failed");
  const earlier = others.find((row) => row.status !== "received" && row.status !== "failed");
  if (!earlier) return { verdict: { kind: "new" }, unfinished };
  return {
    verdict: {
      kind: "duplicate",
      reason: "redelivery of the same provider id",
      duplicateOfId: earlier.duplicateOfId ?? earlier.id,
      ticketId: earlier.ticketId,
      articleId: earlier.articleId,
    },
    unfinished,
  };
}
