import { serveArticleHtml } from "@/lib/articles/serve-article-html";

export const dynamic = "force-dynamic";

/** The same article HTML with its remote images, after the agent's "Show images" for it. */
export async function GET(
  _req: Request,
  { params }: { params: Promise<{ number: string; id: string }> },
) {
  return serveArticleHtml({ params, showImages: true });
}
