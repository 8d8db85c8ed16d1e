import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireAgentScope } from "@/lib/auth/session";
import { findTicketByNumber } from "@/lib/tickets/find-ticket";
import { getTicketHistory } from "@/lib/tickets/get-ticket-history";
import { describeHistory } from "@/lib/tickets/describe-history";
import { findHistoryNames } from "@/lib/tickets/find-history-names";
import { localeOr } from "@/lib/i18n/locales";
import { getSettings } from "@/lib/settings/get-settings";
import { PrintButton } from "./print-button";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("archive");
  return { title: t("printTitle", { number: (await params).number }) };
}

/**
 * The whole ticket on paper (issue 16, "keep the record"): every article in
 * full (nothing folded), attachments named, internal ones marked, the history.
 * Same scope as the zoom: no access is "not found".
 */
export default async function TicketPrintPage({ params }: Props) {
  const { scope } = await requireAgentScope();
  const ticket = await findTicketByNumber({ scope, number: (await params).number });
  if (!ticket) notFound();
  const [t, format, entries] = await Promise.all([
    getTranslations(),
    getFormatter(),
    getTicketHistory({ scope, ticketId: ticket.id }),
  ]);
  // The same sentences as the zoom's history: names and words, never stored codes.
  const history = describeHistory({
    entries,
    names: await findHistoryNames({ entries }),
    locale: localeOr(await getLocale(), "en"),
    timeZone: (await getSettings()).timeZone,
    customerNames: { [ticket.customer.email]: ticket.customer.name },
  });
  const label = (key: "queue" | "state" | "priority" | "customer" | "owner" | "created") =>
    t(`archive.labels.${key}`);
  return (
    <article className="space-y-6 print:text-black">
      <div className="flex items-start justify-between gap-4">
        <div>
          <p className="font-mono text-sm">#{ticket.number}</p>
          <h1 className="text-2xl font-bold">{ticket.title}</h1>
        </div>
        <PrintButton />
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
        <dt className="font-medium">{label("state")}</dt>
        <dd>{t(`states.${ticket.state}`)}</dd>
        <dt className="font-medium">{label("queue")}</dt>
        <dd>{ticket.queue.name}</dd>
        <dt className="font-medium">{label("priority")}</dt>
        <dd>{t(`zoom.priorities.${ticket.priority as 1 | 2 | 3 | 4 | 5}`)}</dd>
        <dt className="font-medium">{label("customer")}</dt>
        <dd>
          {ticket.customer.name
            ? `${ticket.customer.name} <${ticket.customer.email}>`
            : ticket.customer.email}
        </dd>
        <dt className="font-medium">{label("owner")}</dt>
        <dd>{ticket.owner?.name ?? t("common.none")}</dd>
        <dt className="font-medium">{label("created")}</dt>
        <dd>{format.dateTime(ticket.createdAt, "long")}</dd>
      </dl>
      {ticket.articles.map((article) => (
        <section
          key={article.id}
          className="break-inside-avoid-page border-t border-zinc-300 pt-3"
          data-testid="print-article"
        >
          <p className="text-sm font-medium">
            {format.dateTime(article.createdAt, "long")} ·{" "}
            {t("articles.kind", { channel: article.channel, direction: article.direction })}
            {!article.visibleToCustomer && ` · ${t("archive.labels.internalOnly")}`}
          </p>
          {article.fromAddress && (
            <p className="text-sm">
              {t("archive.labels.from")}: {article.fromAddress}
            </p>
          )}
          {article.subject && <p className="text-sm font-semibold">{article.subject}</p>}
          <pre className="mt-2 font-sans text-sm break-words whitespace-pre-wrap">
            {article.text}
          </pre>
          {article.attachments.length > 0 && (
            <p className="mt-1 text-sm">
              {t("archive.labels.attachments")}:{" "}
              {article.attachments.map((a) => a.filename).join(", ")}
            </p>
          )}
        </section>
      ))}
      <section className="border-t border-zinc-300 pt-3">
        <h2 className="text-lg font-semibold">{t("zoom.history")}</h2>
        <ol className="mt-2 space-y-1 text-sm">
          {history.map((line) => (
            <li key={line.id}>
              {format.dateTime(line.createdAt, "short")} — {line.text}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
