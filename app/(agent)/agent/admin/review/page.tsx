import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { countJobsByStatus } from "@/lib/jobs/list-jobs";
import { localizedTitle } from "@/lib/i18n/server";
import { listFailedInboundMessages } from "@/lib/mail/inbound/review-inbound-message";

export const generateMetadata = localizedTitle((t) => t("review.title"));

export default async function ReviewPage() {
  const t = await getTranslations("review");
  const format = await getFormatter();
  const [failed, counts] = await Promise.all([listFailedInboundMessages(), countJobsByStatus()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("failedTitle")}</h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("failedIntro")}</p>
        {failed.length === 0 ? (
          <p>{t("noFailed")}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-zinc-200 dark:border-zinc-800">
                <th className="py-2 pr-3">#</th>
                <th className="py-2 pr-3">{t("received")}</th>
                <th className="py-2 pr-3">{t("error")}</th>
              </tr>
            </thead>
            <tbody>
              {failed.map((row) => (
                <tr
                  key={row.id}
                  className="border-b border-zinc-100 align-top dark:border-zinc-900"
                >
                  <td className="py-2 pr-3">
                    <Link
                      href={`/agent/admin/review/inbound/${row.id}`}
                      className="text-blue-700 hover:underline dark:text-blue-400"
                    >
                      {t("messageNumber", { id: row.id })}
                    </Link>
                  </td>
                  <td className="py-2 pr-3">{format.dateTime(row.receivedAt, "precise")}</td>
                  <td className="max-w-md break-words py-2 pr-3 font-mono text-xs">{row.error}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("jobsTitle")}</h2>
        <p className="text-sm">{t("deadJobs", { count: counts.dead ?? 0 })}</p>
        <Link
          href="/agent/admin/jobs"
          className="text-sm text-blue-700 hover:underline dark:text-blue-400"
        >
          {t("openJobs")}
        </Link>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("outboxTitle")}</h2>
        <Link
          href="/agent/admin/outbox"
          className="text-sm text-blue-700 hover:underline dark:text-blue-400"
        >
          {t("openOutbox")}
        </Link>
      </section>
    </div>
  );
}
