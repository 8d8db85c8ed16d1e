import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ZoomTicket } from "@/lib/tickets/find-ticket-for-zoom";
import { isPending } from "@/lib/tickets/states";

/**
 * The zoom's head: number, title and the facts an agent checks first — state,
 * priority, queue, owner, responsible, the customer with their other open
 * tickets, created, first response, each escalation due time with the time
 * left ("in 2 hours", or overdue) against `now`, and the pending time.
 */
export function TicketHeader({ ticket, now }: { ticket: ZoomTicket; now: Date }) {
  const t = useTranslations("zoom");
  const ts = useTranslations("states");
  const format = useFormatter();
  const time = (d: Date) => format.dateTime(d, "short");
  const due = (d: Date) =>
    t(d.getTime() < now.getTime() ? "overdue" : "dueIn", {
      time: time(d),
      relative: format.relativeTime(d, now),
    });
  const { customer } = ticket;
  const facts: [string, React.ReactNode][] = [
    [t("state"), ts(ticket.state)],
    [t("priority"), t(`priorities.${ticket.priority as 1 | 2 | 3 | 4 | 5}`)],
    [t("queue"), ticket.queue.name],
    [t("owner"), ticket.owner?.name ?? t("log.nobody")],
    [t("responsible"), ticket.responsible?.name ?? t("log.nobody")],
    [t("customer"), customer.name ? `${customer.name} <${customer.email}>` : customer.email],
    [t("created"), time(ticket.createdAt)],
    [t("firstResponse"), ticket.firstResponseAt ? time(ticket.firstResponseAt) : t("notYet")],
  ];
  if (ticket.firstResponseDueAt && !ticket.firstResponseAt)
    facts.push([t("firstResponseDue"), due(ticket.firstResponseDueAt)]);
  if (ticket.updateDueAt) facts.push([t("updateDue"), due(ticket.updateDueAt)]);
  if (ticket.solutionDueAt) facts.push([t("solutionDue"), due(ticket.solutionDueAt)]);
  if (ticket.pendingUntil && isPending(ticket.state))
    facts.push([t("pendingUntil"), due(ticket.pendingUntil)]);
  facts.push([t("lastChanged"), time(ticket.updatedAt)]);

  return (
    <header className="space-y-3">
      <div>
        <p className="font-mono text-sm text-zinc-600 dark:text-zinc-400">#{ticket.number}</p>
        <h1 className="text-2xl font-bold">{ticket.title}</h1>
      </div>
      <dl
        aria-label={t("ticketFacts")}
        className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]"
      >
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {ticket.otherOpenTickets.length > 0 && (
        <nav aria-label={t("otherOpenTickets")} className="text-sm">
          <h2 className="font-medium">{t("otherOpenTickets")}</h2>
          <ul className="mt-1 space-y-0.5">
            {ticket.otherOpenTickets.map((other) => (
              <li key={other.number}>
                <Link
                  href={`/agent/tickets/${other.number}`}
                  className="text-blue-700 hover:underline dark:text-blue-400"
                >
                  #{other.number} {other.title}
                </Link>{" "}
                <span className="text-zinc-600 dark:text-zinc-400">({ts(other.state)})</span>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
