import { scopeForAgent } from "@/lib/access/scope";
import { findArticleHtml } from "@/lib/articles/find-article-html";
import { articleHtmlResponse, renderArticleHtml } from "@/lib/articles/render-article-html";
import { getCurrentAgent } from "@/lib/auth/session";
import { notFoundResponse } from "@/lib/http/attachment-response";

export const dynamic = "force-dynamic";

/**
 * An article's mail HTML for the zoom's sandboxed frame, with a policy of its
 * own; remote images only with `?images=1` (the agent's "Show images" for this
 * article). Signed out, no access, no such article or no HTML: 404.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ number: string; id: string }> },
) {
  const { number, id } = await params;
  const showImages = new URL(request.url).searchParams.get("images") === "1";
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
