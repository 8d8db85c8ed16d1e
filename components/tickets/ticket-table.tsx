import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { TicketState } from "@/lib/generated/sqlite/enums";

export interface TicketRow {
  id: number;
  number: string;
  title: string;
  state: TicketState;
  updatedAt: Date;
  escalationDueAt: Date | null;
  queue: { name: string };
}

/** Ticket list of the agent area; "Updated" reads as a relative time ("2 hours ago"). */
export function TicketTable({ tickets, now }: { tickets: TicketRow[]; now: Date }) {
  const t = useTranslations();
  const format = useFormatter();
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-zinc-200 text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th className="py-2 pr-4 font-medium">{t("dashboard.number")}</th>
            <th className="py-2 pr-4 font-medium">{t("dashboard.ticketTitle")}</th>
            <th className="py-2 pr-4 font-medium">{t("dashboard.state")}</th>
            <th className="py-2 pr-4 font-medium">{t("dashboard.queue")}</th>
            <th className="py-2 pr-4 font-medium">{t("dashboard.updated")}</th>
            <th className="py-2 font-medium">{t("dashboard.escalation")}</th>
          </tr>
        </thead>
        <tbody>
          {tickets.map((ticket) => (
            <tr key={ticket.id} className="border-b border-zinc-100 dark:border-zinc-900">
              <td className="py-2 pr-4 font-mono">{ticket.number}</td>
              <td className="py-2 pr-4">
                <Link
                  href={`/agent/tickets/${ticket.number}`}
                  className="text-blue-700 hover:underline dark:text-blue-400"
                >
                  {ticket.title}
                </Link>
              </td>
              <td className="py-2 pr-4">{t(`states.${ticket.state}`)}</td>
              <td className="py-2 pr-4">{ticket.queue.name}</td>
              <td className="py-2 pr-4">
                <time
                  dateTime={ticket.updatedAt.toISOString()}
                  title={format.dateTime(ticket.updatedAt, "short")}
                >
                  {format.relativeTime(ticket.updatedAt, now)}
                </time>
              </td>
              <td className="py-2">
                {ticket.escalationDueAt && (
                  <span
                    className={
                      ticket.escalationDueAt < now
                        ? "font-semibold text-red-700 dark:text-red-400"
                        : ""
                    }
                  >
                    {format.dateTime(ticket.escalationDueAt, "short")}
                    {ticket.escalationDueAt < now && ` (${t("dashboard.escalated")})`}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
