import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { requireAgentScope } from "@/lib/auth/session";
import { localizedTitle } from "@/lib/i18n/server";
import { startOfDay } from "@/lib/reports/days";
import { getQueueReport } from "@/lib/reports/queue-report";
import { reportPeriod } from "@/lib/reports/report-period";
import { getSettings } from "@/lib/settings/get-settings";

export const generateMetadata = localizedTitle((t) => t("reports.title"));

const field = "rounded border border-zinc-300 px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900";

/** Per queue and period: created, closed, medians, SLA met/breached; also as CSV. */
export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const { scope } = await requireAgentScope();
  const t = await getTranslations("reports");
  const now = new Date();
  const zone = (await getSettings()).timeZone;
  const period = reportPeriod(await searchParams, now, zone);
  const rows = await getQueueReport({ scope, ...period, now });
  const duration = (minutes: number | null) =>
    minutes === null
      ? t("noData")
      : minutes < 60
        ? t("minutes", { minutes })
        : t("hours", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          {t("from")}
          <input type="date" name="from" defaultValue={period.from} className={field} />
        </label>
        <label className="flex flex-col gap-1">
          {t("to")}
          <input type="date" name="to" defaultValue={period.to} className={field} />
        </label>
        <Button type="submit">{t("show")}</Button>
        <a
          href={`/agent/reports/csv?from=${period.from}&to=${period.to}`}
          className="self-center text-blue-700 hover:underline dark:text-blue-400"
          download
        >
          {t("csv")}
        </a>
      </form>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {t("period", { from: startOfDay(period.from, zone), to: startOfDay(period.to, zone) })}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-zinc-200 text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            <tr>
              <th className="py-2 pr-3 font-medium">{t("queue")}</th>
              <th className="py-2 pr-3 font-medium">{t("created")}</th>
              <th className="py-2 pr-3 font-medium">{t("closed")}</th>
              <th className="py-2 pr-3 font-medium">{t("medianFirstResponse")}</th>
              <th className="py-2 pr-3 font-medium">{t("medianSolution")}</th>
              <th className="py-2 pr-3 font-medium">{t("firstResponseSla")}</th>
              <th className="py-2 font-medium">{t("solutionSla")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.queueId} className="border-b border-zinc-100 dark:border-zinc-900">
                <td className="py-2 pr-3">{row.queue}</td>
                <td className="py-2 pr-3">{row.created}</td>
                <td className="py-2 pr-3">{row.closed}</td>
                <td className="py-2 pr-3">{duration(row.medianFirstResponseMinutes)}</td>
                <td className="py-2 pr-3">{duration(row.medianSolutionMinutes)}</td>
                <td className="py-2 pr-3">
                  {row.firstResponseMet} / {row.firstResponseBreached}
                </td>
                <td className="py-2">
                  {row.solutionMet} / {row.solutionBreached}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
