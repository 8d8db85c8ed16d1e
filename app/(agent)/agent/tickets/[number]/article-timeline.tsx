import { useTranslations } from "next-intl";
import type { ZoomArticle } from "@/lib/tickets/find-ticket-for-zoom";
import { ArticleCard } from "./article-card";

/** The ticket's articles, oldest first, as the agent follows the conversation. */
export function ArticleTimeline({
  articles,
  number,
  after,
}: {
  articles: ZoomArticle[];
  number: string;
  /** What the zoom adds under an article (split, copy marks: collab/article-collab.tsx). */
  after?: (articleId: number) => React.ReactNode;
}) {
  const t = useTranslations("zoom");
  return (
    <section aria-labelledby="articles-heading" className="space-y-3">
      <h2 id="articles-heading" className="text-lg font-semibold">
        {t("articles")}
      </h2>
      {articles.map((article) => (
        <div key={article.id} className="space-y-1">
          <ArticleCard article={article} number={number} />
          {after?.(article.id)}
        </div>
      ))}
    </section>
  );
}
