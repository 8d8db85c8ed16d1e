import { useFormatter, useTranslations } from "next-intl";
import { splitQuoted } from "@/lib/mail/inbound/extract-quoted";
import { formatBytes } from "@/lib/portal/field-errors";

export interface ArticleViewData {
  id: number;
  channel: "email" | "web" | "phone" | "note";
  direction: "in" | "out" | "internal";
  visibleToCustomer: boolean;
  isForeignSender: boolean;
  isAutomatic: boolean;
  fromAddress: string;
  toAddress: string;
  subject: string;
  text: string;
  createdAt: Date;
  attachments: { id: number; filename: string; size: number; contentType: string }[];
}

/**
 * One article as plain text (mail HTML is not rendered here), its quoted
 * history folded away.
 */
export function ArticleView({ article }: { article: ArticleViewData }) {
  const t = useTranslations("zoom");
  const format = useFormatter();
  const { body, quoted } = splitQuoted(article.text);
  const internal = !article.visibleToCustomer;
  return (
    <article
      aria-labelledby={`article-${article.id}`}
      className={`rounded-lg border p-4 ${internal ? "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40" : "border-zinc-200 dark:border-zinc-800"}`}
    >
      <header className="mb-2 flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
        <h3 id={`article-${article.id}`} className="font-semibold">
          {article.subject || t("noSubject")}
        </h3>
        <span className="text-zinc-600 dark:text-zinc-400">
          {t(`channels.${article.channel}`)} · {t(`directions.${article.direction}`)} ·{" "}
          {format.dateTime(article.createdAt, "short")}
        </span>
        {internal && (
          <span className="rounded bg-amber-200 px-1.5 text-xs dark:bg-amber-800">
            {t("internal")}
          </span>
        )}
        {article.isForeignSender && (
          <span className="rounded bg-red-100 px-1.5 text-xs dark:bg-red-900">
            {t("foreignSender")}
          </span>
        )}
        {article.isAutomatic && (
          <span className="rounded bg-zinc-200 px-1.5 text-xs dark:bg-zinc-700">
            {t("automatic")}
          </span>
        )}
      </header>
      {(article.fromAddress || article.toAddress) && (
        <p className="mb-2 text-xs text-zinc-600 dark:text-zinc-400">
          {article.fromAddress && `${t("from")}: ${article.fromAddress}`}
          {article.fromAddress && article.toAddress && " · "}
          {article.toAddress && `${t("to")}: ${article.toAddress}`}
        </p>
      )}
      <div className="whitespace-pre-wrap break-words text-sm">{body}</div>
      {quoted && (
        <details className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          <summary className="cursor-pointer">{t("quoted")}</summary>
          <div className="mt-1 whitespace-pre-wrap break-words">{quoted}</div>
        </details>
      )}
      {article.attachments.length > 0 && (
        <ul className="mt-3 flex flex-wrap gap-2 text-xs" aria-label={t("attachments")}>
          {article.attachments.map((a) => (
            <li
              key={a.id}
              className="rounded border border-zinc-300 px-2 py-1 dark:border-zinc-700"
            >
              {a.filename} ({formatBytes(format, a.size)})
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
