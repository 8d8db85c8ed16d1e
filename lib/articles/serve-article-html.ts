import { scopeForAgent } from "../access/scope";
import { getCurrentAgent } from "../auth/session";
import { notFoundResponse } from "../http/attachment-response";
import { findArticleHtml } from "./find-article-html";
import { articleHtmlResponse, renderArticleHtml } from "./render-article-html";

/**
 * The article HTML route (`…/articles/ID/html`, and `…/html/images` once the
 * agent clicked "Show images" for this article): the signed-in agent's scope
 * in the query; signed out, no access, no such article or no HTML: 404.
 */
export async function serveArticleHtml(options: {
  params: Promise<{ number: string; id: string }>;
  showImages: boolean;
}): Promise<Response> {
  const { number, id } = await options.params;
  const { showImages } = options;
  const agent = await getCurrentAgent();
  const found = agent
    ? await findArticleHtml({
        scope: await scopeForAgent(agent),
        number,
        articleId: Number(id),
        showImages,
      })
    : null;
  if (!found) return notFoundResponse();
  return articleHtmlResponse({ document: renderArticleHtml({ ...found, showImages }), showImages });
}
