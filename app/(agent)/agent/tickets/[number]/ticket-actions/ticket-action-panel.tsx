import { getFormatter, getTranslations } from "next-intl/server";
import { requireAgentScope } from "@/lib/auth/session";
import { getAttachmentLimits } from "@/lib/portal/limits";
import { loadTicketActions } from "@/lib/tickets/load-ticket-actions";
import { quoteText } from "@/lib/tickets/reply-recipients";
import { ChangeForms } from "./change-forms";
import { NoteForm } from "./note-form";
import { ReplyForm } from "./reply-form";

/**
 * The zoom's action forms — reply by e-mail, note or phone call, state / priority / queue /
 * owner / responsible — for an agent who may write the ticket; nothing for read-only access.
 */
export async function TicketActionPanel({
  ticket,
  canWrite,
}: {
  ticket: { number: string; version: number };
  canWrite: boolean;
}) {
  if (!canWrite) return null;
  const { agent, scope } = await requireAgentScope();
  const actions = await loadTicketActions({ scope, agent, number: ticket.number });
  if (!actions) return null;
  const t = await getTranslations("ticketActions");
  const format = await getFormatter();
  const quote = actions.lastMessage
    ? `\n\n${t("reply.quoteHeader", {
        date: format.dateTime(actions.lastMessage.createdAt, "short"),
        from: actions.lastMessage.from,
      })}\n${quoteText(actions.lastMessage.text)}\n`
    : "";
  return (
    <section aria-labelledby="ticket-actions-heading" className="space-y-4">
      <h2 id="ticket-actions-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <ReplyForm
        number={actions.number}
        version={ticket.version}
        subject={actions.subject}
        quote={quote}
        signature={actions.signature}
        recipients={actions.recipients}
        originalAttachments={actions.originalAttachments}
        standardResponses={actions.standardResponses}
        draft={actions.draft}
        limits={await getAttachmentLimits()}
        timeZone={actions.timeZone}
      />
      <NoteForm number={actions.number} />
      <ChangeForms
        number={actions.number}
        state={actions.state}
        pendingUntil={actions.pendingUntil}
        timeZone={actions.timeZone}
        priority={actions.priority}
        queueId={actions.queueId}
        queues={actions.queues}
        agents={actions.agents}
        owner={actions.owner}
        responsible={actions.responsible}
      />
    </section>
  );
}
