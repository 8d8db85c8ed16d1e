import { TicketTable } from "@/components/tickets/ticket-table";
import { requireAgentScope } from "@/lib/auth/session";
import { getTranslations } from "next-intl/server";
import { localizedTitle } from "@/lib/i18n/server";
import { getDashboardSummary } from "@/lib/tickets/dashboard-summary";

export const generateMetadata = localizedTitle((t) => t("dashboard.title"));

export default async function DashboardPage() {
  const { scope } = await requireAgentScope();
  const t = await getTranslations();
  const summary = await getDashboardSummary({ scope });
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t("dashboard.title")}</h1>
      <section aria-labelledby="queues-heading">
        <h2 id="queues-heading" className="mb-3 text-lg font-semibold">
          {t("dashboard.myQueues")}
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {summary.queues.map((queue) => (
            <li
              key={queue.id}
              className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
            >
              <div className="font-medium">{queue.name}</div>
              <div className="text-sm text-zinc-600 dark:text-zinc-400">
                {t("dashboard.openTickets", { count: queue.openCount })}
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="mb-3 text-lg font-semibold">
          {t("dashboard.recent")}
        </h2>
        {summary.recent.length === 0 ? (
          <p className="text-zinc-600 dark:text-zinc-400">{t("dashboard.empty")}</p>
        ) : (
          <TicketTable tickets={summary.recent} now={new Date()} />
        )}
      </section>
    </div>
  );
}
