import { Button } from "@/components/ui/button";
import { requireAdmin } from "@/lib/auth/session";
import { getFormatter, getTranslations } from "next-intl/server";
import { localizedTitle } from "@/lib/i18n/server";
import { countJobsByStatus, listDeadJobs } from "@/lib/jobs/list-jobs";
import { rerun } from "./actions";

export const generateMetadata = localizedTitle((t) => t("jobs.title"));

export default async function JobsPage() {
  await requireAdmin();
  const t = await getTranslations();
  const format = await getFormatter();
  const [counts, dead] = await Promise.all([countJobsByStatus(), listDeadJobs()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("jobs.title")}</h1>
      <p>
        {t("jobs.counts", {
          queued: counts.queued ?? 0,
          running: counts.running ?? 0,
          done: counts.done ?? 0,
          dead: counts.dead ?? 0,
        })}
      </p>
      <h2 className="text-lg font-semibold">{t("jobs.deadTitle")}</h2>
      <p className="text-zinc-600 dark:text-zinc-400">{t("jobs.deadIntro")}</p>
      {dead.length === 0 ? (
        <p>{t("jobs.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-zinc-200 dark:border-zinc-800">
                <th className="py-2 pr-3">#</th>
                <th className="py-2 pr-3">{t("jobs.type")}</th>
                <th className="py-2 pr-3">{t("jobs.attempts")}</th>
                <th className="py-2 pr-3">{t("jobs.error")}</th>
                <th className="py-2 pr-3">{t("jobs.failedAt")}</th>
                <th className="py-2">
                  <span className="sr-only">{t("jobs.rerun")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {dead.map((job) => (
                <tr
                  key={job.id}
                  className="border-b border-zinc-100 align-top dark:border-zinc-900"
                >
                  <td className="py-2 pr-3">{job.id}</td>
                  <td className="py-2 pr-3 font-mono">{job.type}</td>
                  <td className="py-2 pr-3">{job.attempts}</td>
                  <td className="max-w-md break-words py-2 pr-3 font-mono text-xs">
                    {job.lastError}
                  </td>
                  <td className="py-2 pr-3">
                    {job.finishedAt ? format.dateTime(job.finishedAt, "precise") : ""}
                  </td>
                  <td className="py-2">
                    <form action={rerun}>
                      <input type="hidden" name="jobId" value={job.id} />
                      <Button variant="secondary">{t("jobs.rerun")}</Button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
