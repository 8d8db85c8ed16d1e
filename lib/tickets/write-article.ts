import { createHash } from "node:crypto";
import type { Tx } from "../db";
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
}

export function sha256Hex(content: Uint8Array | string): string {
  return createHash("sha256").update(content).digest("hex");
}

/** Writes an article and its attachments (bytes kept in the database, sha256 recorded). */
export async function writeArticle(tx: Tx, ticketId: number, article: NewArticle) {
  const { attachments = [], ...fields } = article;
  return tx.article.create({
    data: {
      ...fields,
      ticketId,
      attachments: {
        create: attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType || "application/octet-stream",
          size: a.content.byteLength,
          sha256: sha256Hex(a.content),
          contentId: a.contentId ?? null,
          isInline: a.isInline ?? false,
          content: Buffer.from(a.content),
        })),
      },
    },
    select: { id: true, createdAt: true },
  });
}
