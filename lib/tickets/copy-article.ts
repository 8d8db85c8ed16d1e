import type { Tx } from "../db";
import { NotFoundError } from "../errors";
import { writeArticle, type NewArticle } from "./write-article";

/**
 * An article with its attachments' bytes, as a NewArticle that copies it (copiedFromId set):
 * for a split (the new ticket's first article) and a merge (copied onto the target). The copy
 * carries no content hash, so the duplicate check keeps matching the original only.
 */
export async function articleCopyOf(tx: Tx, articleId: number): Promise<NewArticle> {
  const article = await tx.article.findUnique({
    where: { id: articleId },
    include: { attachments: { orderBy: { id: "asc" } } },
  });
  if (!article) throw new NotFoundError("Article not found");
  return {
    channel: article.channel,
    direction: article.direction,
    visibleToCustomer: article.visibleToCustomer,
    text: article.text,
    html: article.html,
    subject: article.subject,
    fromAddress: article.fromAddress,
    toAddress: article.toAddress,
    cc: article.cc,
    messageId: article.messageId,
    inReplyTo: article.inReplyTo,
    references: article.references,
    isAutomatic: article.isAutomatic,
    isForeignSender: article.isForeignSender,
    authorAgentId: article.authorAgentId,
    authorCustomerId: article.authorCustomerId,
    copiedFromId: article.id,
    createdAt: article.createdAt,
    attachments: article.attachments
      .filter((a) => a.content)
      .map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: a.content!,
        contentId: a.contentId,
        isInline: a.isInline,
      })),
  };
}

/**
 * Copies articles (in the given order) onto another ticket, attachments included, each
 * keeping its time. `hideFromCustomer` makes every copy visible to agents only.
 */
export async function copyArticles(
  tx: Tx,
  options: { articleIds: number[]; ticketId: number; hideFromCustomer: boolean },
): Promise<number[]> {
  const ids: number[] = [];
  for (const articleId of options.articleIds) {
    const copy = await articleCopyOf(tx, articleId);
    if (options.hideFromCustomer) copy.visibleToCustomer = false;
    ids.push((await writeArticle(tx, options.ticketId, copy)).id);
  }
  return ids;
}
