import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/tickets/article-view";
import { canWrite } from "@/lib/access/scope";
import { MERGE_INTO_PARAM, SimilarTickets } from "@/components/tickets/similar-tickets";
import { requireAgentScope } from "@/lib/auth/session";
import { getFormatter, getTranslations } from "next-intl/server";
import { findTicketByNumber } from "@/lib/tickets/find-ticket";
import { getTicketHistory } from "@/lib/tickets/get-ticket-history";
import { isTicketState } from "@/lib/tickets/states";
import { TicketRecordLinks } from "./ticket-record-links";
import { TicketActionPanel } from "./ticket-actions/ticket-action-panel";
import { getCollabState } from "@/lib/tickets/get-collab-state";
import { ArticleCollab } from "./collab/article-collab";
import { CollabPanel } from "./collab/collab-panel";

type Props = {
  params: Promise<{ number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("zoom.title", { number: (await params).number }) };
}

/** Read-only ticket zoom: the agent workspace issue adds actions and replies. */
export default async function TicketZoomPage({ params, searchParams }: Props) {
  const mergeInto = (await searchParams)[MERGE_INTO_PARAM];
  const { agent, scope } = await requireAgentScope();
  const t = await getTranslations();
  const format = await getFormatter();
  const ticket = await findTicketByNumber({ scope, number: (await params).number });
  if (!ticket) notFound();
  const history = await getTicketHistory({ scope, ticketId: ticket.id });
  const collab = await getCollabState({ scope, ticketId: ticket.id });
  const facts: [string, string][] = [
    [t("dashboard.state"), t(`states.${ticket.state}`)],
    [t("dashboard.queue"), ticket.queue.name],
    [t("zoom.priority"), t(`zoom.priorities.${ticket.priority as 1 | 2 | 3 | 4 | 5}`)],
    [t("zoom.owner"), ticket.owner?.name ?? t("common.none")],
    [
      t("zoom.customer"),
      ticket.customer.name
        ? `${ticket.customer.name} <${ticket.customer.email}>`
        : ticket.customer.email,
    ],
    [t("zoom.created"), format.dateTime(ticket.createdAt, "short")],
    [t("dashboard.updated"), format.dateTime(ticket.updatedAt, "short")],
    ...(ticket.pendingUntil
      ? [
          [t("zoom.pendingUntil"), format.dateTime(ticket.pendingUntil, "short")] as [
            string,
            string,
          ],
        ]
      : []),
    ...(ticket.escalationDueAt
      ? [
          [t("dashboard.escalation"), format.dateTime(ticket.escalationDueAt, "short")] as [
            string,
            string,
          ],
        ]
      : []),
  ];
  /** A history value as the agent reads it: a state's name, a time in their format, else as stored. */
  const historyValue = (value: string) =>
    isTicketState(value)
      ? t(`states.${value}`)
      : /^\d{4}-\d\d-\d\dT/.test(value) && !Number.isNaN(Date.parse(value))
        ? format.dateTime(new Date(value), "short")
        : value;
  return (
    <div className="space-y-6">
      <div>
        <p className="font-mono text-sm text-zinc-600 dark:text-zinc-400">#{ticket.number}</p>
        <h1 className="text-2xl font-bold">{ticket.title}</h1>
      </div>
      <TicketRecordLinks number={ticket.number} />
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {collab && (
        <CollabPanel
          ticket={ticket}
          collab={collab}
          agentId={agent.id}
          mergeInto={typeof mergeInto === "string" ? mergeInto : undefined}
        />
      )}
      <section aria-labelledby="articles-heading" className="space-y-3">
        <h2 id="articles-heading" className="text-lg font-semibold">
          {t("zoom.articles")}
        </h2>
        {ticket.articles.map((article) => (
          <div key={article.id} className="space-y-1">
            <ArticleView article={article} />
            <ArticleCollab
              articleId={article.id}
              mark={collab?.marks[article.id]}
              ticket={ticket}
            />
          </div>
        ))}
      </section>
      <TicketActionPanel ticket={ticket} canWrite={canWrite(scope, ticket.queue.id)} />
      {/* Similar earlier tickets (issue 17, wt/search): keep this one line when the zoom changes. */}
      <SimilarTickets scope={scope} ticket={ticket} />
      <details>
        <summary className="cursor-pointer text-lg font-semibold">{t("zoom.history")}</summary>
        <ol className="mt-2 space-y-1 text-sm">
          {history.map((entry) => (
            <li key={entry.id}>
              <span className="text-zinc-600 dark:text-zinc-400">
                {format.dateTime(entry.createdAt, "short")}
              </span>{" "}
              <span className="font-medium">{t("zoom.historyType", { type: entry.type })}</span>{" "}
              {entry.oldValue !== null && `${historyValue(entry.oldValue)} → `}
              {entry.newValue !== null && historyValue(entry.newValue)}{" "}
              <span className="text-zinc-600 dark:text-zinc-400">
                ({entry.actorAgent?.name ?? entry.actor})
              </span>
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
