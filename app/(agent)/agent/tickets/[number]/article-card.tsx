import { useFormatter, useTranslations } from "next-intl";
import { plainTextOf } from "@/lib/articles/plain-text-of";
import { hasBlockedImages } from "@/lib/articles/render-article-html";
import { splitQuoted } from "@/lib/mail/inbound/extract-quoted";
import { formatBytes } from "@/lib/portal/field-errors";
import type { ZoomArticle } from "@/lib/tickets/find-ticket-for-zoom";
import { ArticleHtmlView } from "./article-html-view";

const badge = "rounded px-1.5 text-xs";

/** Who wrote an article, as a person: the agent, the customer, else the sender's address. */
function authorOf(article: ZoomArticle): string | null {
  if (article.authorAgent) return article.authorAgent.name;
  if (article.authorCustomer) return article.authorCustomer.name || article.authorCustomer.email;
  return article.fromAddress || null;
}

/** The article's text with its quoted history folded, and its inline images. */
function PlainBody({ article, base }: { article: ZoomArticle; base: string }) {
  const t = useTranslations("zoom");
  const { body, quoted } = splitQuoted(plainTextOf(article));
  const images = article.attachments.filter(
    (a) => a.isInline && /^image\/(png|jpe?g|gif|webp)$/i.test(a.contentType),
  );
  return (
    <div className="space-y-2 text-sm">
      <div className="whitespace-pre-wrap break-words">{body}</div>
      {quoted && (
        <details className="text-zinc-600 dark:text-zinc-400">
          <summary className="cursor-pointer">{t("quoted")}</summary>
          <div className="mt-1 whitespace-pre-wrap break-words">{quoted}</div>
        </details>
      )}
      {images.map((image) => (
        // eslint-disable-next-line @next/next/no-img-element -- a stored, access-checked attachment
        <img
          key={image.id}
          src={`${base}/attachments/${image.id}`}
          alt={image.filename}
          className="max-h-64 max-w-full rounded border border-zinc-200 dark:border-zinc-800"
        />
      ))}
    </div>
  );
}

/**
 * One article of the timeline: its kind in an agent's words ("E-mail in",
 * "Internal note", "Phone call (outbound)"), internal ones marked, automatic
 * and foreign-sender mail marked, the author as a person, the text (HTML
 * mail in its sandboxed frame, switchable to plain text) and the attachments
 * to download through the agent attachment route.
 */
export function ArticleCard({ article, number }: { article: ZoomArticle; number: string }) {
  const t = useTranslations("articles");
  const tz = useTranslations("zoom");
  const format = useFormatter();
  const base = `/agent/tickets/${number}`;
  const internal = !article.visibleToCustomer;
  const author = authorOf(article);
  return (
    <article
      aria-labelledby={`article-${article.id}`}
      className={`rounded-lg border p-4 ${internal ? "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40" : "border-zinc-200 dark:border-zinc-800"}`}
    >
      <header className="mb-2 space-y-1 text-sm">
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <h3 id={`article-${article.id}`} className="font-semibold">
            {article.subject || tz("noSubject")}
          </h3>
          <span className="text-zinc-700 dark:text-zinc-300">
            {t("kind", { channel: article.channel, direction: article.direction })}
          </span>
          <span className="text-zinc-600 dark:text-zinc-400">
            {t("author", { author: author ?? t("system") })} ·{" "}
            {format.dateTime(article.createdAt, "short")}
          </span>
          {internal && (
            <span className={`${badge} bg-amber-200 dark:bg-amber-800`}>{t("internal")}</span>
          )}
          {article.isForeignSender && (
            <span className={`${badge} bg-red-100 dark:bg-red-900`}>{t("foreignSender")}</span>
          )}
          {article.isAutomatic && (
            <span className={`${badge} bg-zinc-200 dark:bg-zinc-700`}>{t("automatic")}</span>
          )}
        </div>
        {(article.fromAddress || article.toAddress || article.cc) && (
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {[
              article.fromAddress && `${tz("from")}: ${article.fromAddress}`,
              article.toAddress && `${tz("to")}: ${article.toAddress}`,
              article.cc && `${t("cc")}: ${article.cc}`,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
        )}
      </header>
      {article.html ? (
        <ArticleHtmlView
          src={`${base}/articles/${article.id}/html`}
          subject={article.subject || tz("noSubject")}
          blockedImages={hasBlockedImages(article.html)}
        >
          <PlainBody article={article} base={base} />
        </ArticleHtmlView>
      ) : (
        <PlainBody article={article} base={base} />
      )}
      {article.attachments.length > 0 && (
        <ul className="mt-3 flex flex-wrap gap-2 text-xs" aria-label={tz("attachments")}>
          {article.attachments.map((a) => (
            <li key={a.id}>
              <a
                href={`${base}/attachments/${a.id}`}
                className="inline-block rounded border border-zinc-300 px-2 py-1 text-blue-700 hover:underline dark:border-zinc-700 dark:text-blue-400"
                aria-label={t("download", {
                  filename: a.filename,
                  size: formatBytes(format, a.size),
                })}
              >
                {a.filename} ({formatBytes(format, a.size)})
              </a>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
