import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { canWrite } from "@/lib/access/scope";
import { MERGE_INTO_PARAM, SimilarTickets } from "@/components/tickets/similar-tickets";
import { requireAgentScope } from "@/lib/auth/session";
import { localeOr } from "@/lib/i18n/locales";
import { describeHistory } from "@/lib/tickets/describe-history";
import { findHistoryNames } from "@/lib/tickets/find-history-names";
import { findTicketForZoom } from "@/lib/tickets/find-ticket-for-zoom";
import { getTicketHistory } from "@/lib/tickets/get-ticket-history";
import { ArticleTimeline } from "./article-timeline";
import { TicketActionPanel } from "./ticket-actions/ticket-action-panel";
import { getCollabState } from "@/lib/tickets/get-collab-state";
import { ArticleCollab } from "./collab/article-collab";
import { CollabPanel } from "./collab/collab-panel";
import { TicketHeader } from "./ticket-header";
import { TicketHistory } from "./ticket-history";
import { TicketRecordLinks } from "./ticket-record-links";
import { getSettings } from "@/lib/settings/get-settings";

type Props = {
  params: Promise<{ number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("zoom.title", { number: (await params).number }) };
}

/**
 * The ticket zoom: header, lock/links/merge, article timeline, similar tickets,
 * history and — for agents who may write the ticket's queue — the actions. A
 * ticket outside the agent's queues is "not found", exactly as one that does not exist.
 */
export default async function TicketZoomPage({ params, searchParams }: Props) {
  const mergeInto = (await searchParams)[MERGE_INTO_PARAM];
  const { agent, scope } = await requireAgentScope();
  const ticket = await findTicketForZoom({ scope, number: (await params).number });
  if (!ticket) notFound();
  const entries = await getTicketHistory({ scope, ticketId: ticket.id });
  const lines = describeHistory({
    entries,
    names: await findHistoryNames({ entries }),
    locale: localeOr(await getLocale(), "en"),
    timeZone: (await getSettings()).timeZone,
    customerNames: { [ticket.customer.email]: ticket.customer.name },
  });
  const collab = await getCollabState({ scope, ticketId: ticket.id });
  const writable = canWrite(scope, ticket.queue.id);
  return (
    <div className="space-y-6">
      <TicketHeader ticket={ticket} now={new Date()} />
      <TicketRecordLinks number={ticket.number} />
      {collab && (
        <CollabPanel
          ticket={ticket}
          collab={collab}
          agentId={agent.id}
          mergeInto={typeof mergeInto === "string" ? mergeInto : undefined}
          canWrite={writable}
        />
      )}
      <ArticleTimeline
        articles={ticket.articles}
        number={ticket.number}
        after={(articleId) => (
          <ArticleCollab
            articleId={articleId}
            mark={collab?.marks[articleId]}
            ticket={ticket}
            canWrite={writable}
          />
        )}
      />
      <TicketActionPanel ticket={ticket} canWrite={writable} />
      {/* Similar earlier tickets (issue 17): keep this one line when the zoom changes. */}
      <SimilarTickets scope={scope} ticket={ticket} />
      <TicketHistory lines={lines} />
    </div>
  );
}
