import { readableTickets, type Scope } from "../access/scope";
import { db } from "../db";
import { loadMail } from "../mail/inbound/process-inbound-message";
import { sanitizeMailHtml } from "../mail/inbound/sanitize-html";
import { lostRemoteImages, type InlineImage } from "./render-article-html";

/**
 * The stored HTML of an article of ticket `number`, with its inline parts
 * (cid: images), if the scope may read the ticket; null when the article is
 * not there, has no HTML or is out of scope (all alike: "not found").
 * With `showImages`, HTML stored before remote image addresses were kept is
 * re-derived from the raw message it came from (InboundMessage), sanitised
 * as today; nothing is written.
 */
export async function findArticleHtml(options: {
  scope: Scope;
  number: string;
  articleId: number;
  showImages: boolean;
}): Promise<{ html: string; inlineImages: InlineImage[] } | null> {
  if (!Number.isSafeInteger(options.articleId) || options.articleId <= 0) return null;
  const article = await db.article.findFirst({
    where: {
      id: options.articleId,
      ticket: { number: options.number, ...readableTickets(options.scope) },
    },
    select: {
      html: true,
      attachments: {
        where: { contentId: { not: null } },
        select: { contentId: true, contentType: true, content: true },
      },
    },
  });
  if (!article?.html) return null;
  const inlineImages = article.attachments.flatMap((a) =>
    a.contentId && a.content
      ? [{ contentId: a.contentId, contentType: a.contentType, content: a.content }]
      : [],
  );
  let html = article.html;
  if (options.showImages && lostRemoteImages(html))
    html = (await rederiveHtml(options.articleId)) ?? html;
  return { html, inlineImages };
}

/** The article's HTML sanitised afresh from the newest raw delivery it came from; null without one. */
async function rederiveHtml(articleId: number): Promise<string | null> {
  const inbound = await db.inboundMessage.findFirst({
    where: { articleId, OR: [{ raw: { not: null } }, { payload: { not: null } }] },
    orderBy: { id: "desc" },
    select: { raw: true, payload: true, provider: true },
  });
  if (!inbound) return null;
  try {
    const mail = await loadMail(inbound);
    return mail.html ? sanitizeMailHtml(mail.html) : null;
  } catch {
    return null; // unreadable today: the stored HTML stays what is shown
  }
}
