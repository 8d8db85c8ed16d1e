import { createHash } from "node:crypto";
import { insertRows, type Tx } from "../db";
import type { Channel, Direction } from "../generated/sqlite/enums";

export interface NewAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
  contentId?: string | null;
  isInline?: boolean;
}

export interface NewArticle {
  channel: Channel;
  direction: Direction;
  visibleToCustomer: boolean;
  text: string;
  html?: string | null;
  subject?: string;
  fromAddress?: string;
  toAddress?: string;
  cc?: string;
  messageId?: string | null;
  inReplyTo?: string | null;
  references?: string | null;
  contentHash?: string | null;
  isAutomatic?: boolean;
  isForeignSender?: boolean;
  authorAgentId?: number | null;
  authorCustomerId?: number | null;
  attachments?: NewAttachment[];
  /** The original this article copies (split, merge); see copy-article.ts. */
  copiedFromId?: number | null;
  /** Default now; a copy keeps its original's time so the target reads in time order. */
  createdAt?: Date;
}

export function sha256Hex(content: Uint8Array | string): string {
  return createHash("sha256").update(content).digest("hex");
}

/**
 * A filename safe to show and to send back: no control or bidi-override
 * characters (which disguise "exe" as "pdf"), no path, at most 255 characters.
 */
export function safeFilename(name: string): string {
  const cleaned = name
    .replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/^.*[\\/]/, "")
    .trim();
  return (cleaned || "attachment").slice(0, 255);
}

/** One line of text: line breaks and control characters become spaces (no header injection). */
export function singleLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
}

/**
 * Writes an article and its attachments (bytes kept in the database, sha256 recorded):
 * one INSERT … RETURNING for the article and one multi-row INSERT for all its
 * attachments, instead of a nested create (which re-reads the article and inserts
 * attachment by attachment). Returns the article row as stored.
 */
export async function writeArticle(tx: Tx, ticketId: number, article: NewArticle) {
  return (await writeArticles(tx, [{ ticketId, article }]))[0];
}

/**
 * `writeArticle` for several tickets' articles at once (the first articles of a batch of
 * new tickets): one INSERT … RETURNING for the articles and one for all their attachments.
 * At most one article per ticket (the rows come back matched by ticket). Returns the rows
 * in the order given.
 */
export async function writeArticles(tx: Tx, items: { ticketId: number; article: NewArticle }[]) {
  if (new Set(items.map((item) => item.ticketId)).size !== items.length)
    throw new Error("writeArticles: one article per ticket");
  const written = await insertRows(
    items.map(({ ticketId, article: { attachments: _attachments, ...fields } }) => ({
      ...fields,
      ticketId,
    })),
    {
      one: (data) => tx.article.create({ data }),
      many: (data) => tx.article.createManyAndReturn({ data }),
    },
  );
  const byTicket = new Map(written.map((row) => [row.ticketId, row]));
  const rows = items.map((item) => byTicket.get(item.ticketId)!);
  const attachments = items.flatMap(({ article }, i) =>
    (article.attachments ?? []).map((a) => ({
      articleId: rows[i].id,
      filename: safeFilename(a.filename),
      contentType: a.contentType || "application/octet-stream",
      size: a.content.byteLength,
      sha256: sha256Hex(a.content),
      contentId: a.contentId ?? null,
      isInline: a.isInline ?? false,
      content: Buffer.from(a.content),
    })),
  );
  await insertRows(attachments, {
    one: (data) => tx.attachment.create({ data, select: { id: true } }),
    many: (data) => tx.attachment.createManyAndReturn({ data, select: { id: true } }),
  });
  return rows;
}
