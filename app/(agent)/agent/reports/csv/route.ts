import { getTranslations } from "next-intl/server";
import { requireAgentScope } from "@/lib/auth/session";
import { getQueueReport, type QueueReportRow } from "@/lib/reports/queue-report";
import { reportPeriod } from "@/lib/reports/report-period";
import { getSettings } from "@/lib/settings/get-settings";
import { toCsv } from "@/lib/reports/to-csv";

const COLUMNS = [
  "created",
  "closed",
  "medianFirstResponseMinutes",
  "medianSolutionMinutes",
  "firstResponseMet",
  "firstResponseBreached",
  "solutionMet",
  "solutionBreached",
] as const satisfies (keyof QueueReportRow)[];

/** The report page's figures as CSV (the agent's queues only; formula-safe cells). */
export async function GET(request: Request) {
  const { scope } = await requireAgentScope();
  const t = await getTranslations("reports.csvHeader");
  const url = new URL(request.url);
  const now = new Date();
  const period = reportPeriod(
    Object.fromEntries(url.searchParams),
    now,
    (await getSettings()).timeZone,
  );
  const rows = await getQueueReport({ scope, ...period, now });
  const csv = toCsv([
    [t("queue"), t("from"), t("to"), ...COLUMNS.map((c) => t(c))],
    ...rows.map((r) => [r.queue, period.from, period.to, ...COLUMNS.map((c) => r[c])]),
  ]);
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="report-${period.from}-${period.to}.csv"`,
      "cache-control": "no-store",
    },
  });
}
