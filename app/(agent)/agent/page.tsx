import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireAgentScope } from "@/lib/auth/session";
import { localizedTitle } from "@/lib/i18n/server";
import { getDashboard, type DashboardTicket } from "@/lib/reports/get-dashboard";
import { TICKET_STATES } from "@/lib/tickets/states";
import { CreatedClosedChart } from "./created-closed-chart";

export const generateMetadata = localizedTitle((t) => t("dashboard.title"));

const link = "text-blue-700 hover:underline dark:text-blue-400";

/**
 * The dashboard: open tickets per queue and state (each a link to that filtered queue
 * view), the agent's lists, and tickets created vs closed over 30 days.
 */
export default async function DashboardPage() {
  const { agent, scope } = await requireAgentScope();
  const t = await getTranslations();
  const now = new Date();
  const dashboard = await getDashboard({ scope, agentId: agent.id, now });
  const lists = [
    {
      key: "mine",
      title: t("dashboard.mine"),
      list: dashboard.mine,
      href: "/agent/queues?owner=me&sort=age",
    },
    {
      key: "fresh",
      title: t("dashboard.fresh"),
      list: dashboard.fresh,
      href: "/agent/queues?state=new&sort=age",
    },
    {
      key: "reminders",
      title: t("dashboard.remindersDue"),
      list: dashboard.remindersDue,
      href: "/agent/queues?state=pending_reminder&sort=age",
    },
    {
      key: "escalated",
      title: t("dashboard.escalatedList"),
      list: dashboard.escalated,
      href: "/agent/queues?sort=escalation",
    },
    {
      key: "escalating",
      title: t("dashboard.escalating"),
      list: dashboard.escalating,
      href: "/agent/queues?sort=escalation",
    },
    {
      key: "unattended",
      title: t("dashboard.unattended"),
      list: dashboard.unattended,
      href: "/agent/queues?unattended=1&sort=age",
    },
  ];
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t("dashboard.title")}</h1>
      {dashboard.queues.every((queue) => queue.openCount === 0) && (
        <p className="text-zinc-600 dark:text-zinc-400">{t("dashboard.empty")}</p>
      )}
      <section aria-labelledby="queues-heading">
        <h2 id="queues-heading" className="mb-3 text-lg font-semibold">
          {t("dashboard.myQueues")}
        </h2>
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {dashboard.queues.map((queue) => (
            <li
              key={queue.id}
              className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
            >
              <Link href={`/agent/queues/${queue.id}`} className={`font-medium ${link}`}>
                {queue.name}
              </Link>
              <div className="text-sm text-zinc-600 dark:text-zinc-400">
                {t("dashboard.openTickets", { count: queue.openCount })}
              </div>
              <ul className="mt-1 text-sm">
                {TICKET_STATES.filter((s) => queue.openByState[s]).map((state) => (
                  <li key={state}>
                    <Link href={`/agent/queues/${queue.id}?state=${state}`} className={link}>
                      {t("dashboard.openByState", {
                        state: t(`states.${state}`),
                        count: queue.openByState[state] ?? 0,
                      })}
                    </Link>
                  </li>
                ))}
              </ul>
              <div className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                {t("dashboard.closedRecently", { count: queue.closedRecently })}
              </div>
            </li>
          ))}
        </ul>
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        {lists.map(({ key, title, list, href }) => (
          <section key={key} aria-labelledby={`${key}-heading`}>
            <h2 id={`${key}-heading`} className="mb-2 text-lg font-semibold">
              {title}{" "}
              <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">
                ({t("dashboard.listCount", { count: list.count })})
              </span>
            </h2>
            <TicketList tickets={list.tickets} now={now} />
            {list.count > list.tickets.length && (
              <Link href={href} className={`text-sm ${link}`}>
                {t("dashboard.showAll")}
              </Link>
            )}
          </section>
        ))}
      </div>
      <section aria-labelledby="chart-heading">
        <h2 id="chart-heading" className="mb-3 text-lg font-semibold">
          {t("dashboard.chartTitle")}
        </h2>
        <CreatedClosedChart data={dashboard.chart} />
      </section>
    </div>
  );
}

async function TicketList({ tickets, now }: { tickets: DashboardTicket[]; now: Date }) {
  const t = await getTranslations();
  const format = await getFormatter();
  if (tickets.length === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("dashboard.noneHere")}</p>;
  }
  return (
    <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-900">
      {tickets.map((ticket) => (
        <li key={ticket.id} className="flex flex-wrap gap-x-3 py-1">
          <span className="font-mono text-zinc-600 dark:text-zinc-400">{ticket.number}</span>
          <Link href={`/agent/tickets/${ticket.number}`} className={link}>
            {ticket.title}
          </Link>
          <span className="text-zinc-600 dark:text-zinc-400">
            {ticket.queue.name} · {t(`states.${ticket.state}`)} ·{" "}
            {ticket.owner ? ticket.owner.name : t("common.none")} ·{" "}
            <time dateTime={ticket.createdAt.toISOString()}>
              {format.relativeTime(ticket.createdAt, now)}
            </time>
          </span>
        </li>
      ))}
    </ul>
  );
}
