import { useTranslations } from "next-intl";
import type { ZoomArticle } from "@/lib/tickets/find-ticket-for-zoom";
import { ArticleCard } from "./article-card";

/** The ticket's articles, oldest first, as the agent follows the conversation. */
export function ArticleTimeline({ articles, number }: { articles: ZoomArticle[]; number: string }) {
  const t = useTranslations("zoom");
  return (
    <section aria-labelledby="articles-heading" className="space-y-3">
      <h2 id="articles-heading" className="text-lg font-semibold">
        {t("articles")}
      </h2>
      {articles.map((article) => (
        <ArticleCard key={article.id} article={article} number={number} />
      ))}
    </section>
  );
}
