import { serveArticleHtml } from "@/lib/articles/serve-article-html";

export const dynamic = "force-dynamic";

/** An article's mail HTML for the zoom's sandboxed frame, remote images blocked (see serveArticleHtml). */
export async function GET(
  _req: Request,
  { params }: { params: Promise<{ number: string; id: string }> },
) {
  return serveArticleHtml({ params, showImages: false });
}
