import { readableTickets, type Scope } from "../access/scope";
import { db } from "../db";

/**
 * An attachment's bytes for an agent, only from an article of ticket `number`
 * that the scope may read (the permission is in the query); null otherwise,
 * exactly as for an attachment that does not exist.
 */
export async function findAgentAttachment(options: {
  scope: Scope;
  number: string;
  attachmentId: number;
}) {
  if (!Number.isSafeInteger(options.attachmentId) || options.attachmentId <= 0) return null;
  const attachment = await db.attachment.findFirst({
    where: {
      id: options.attachmentId,
      article: { ticket: { number: options.number, ...readableTickets(options.scope) } },
    },
    select: { filename: true, contentType: true, size: true, content: true },
  });
  if (!attachment?.content) return null;
  return { ...attachment, content: attachment.content };
}
