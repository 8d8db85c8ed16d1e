import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/session";
import { localizedTitle } from "@/lib/i18n/server";
import { listStandardResponsesForAdmin } from "@/lib/standard-responses/list-standard-responses-for-admin";

export const generateMetadata = localizedTitle((t) => t("adminDesk.standardResponses.title"));

export default async function StandardResponsesPage() {
  await requireAdmin();
  const t = await getTranslations("adminDesk.standardResponses");
  const responses = await listStandardResponsesForAdmin();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Link
          href="/agent/admin/standard-responses/new"
          className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800"
        >
          {t("newResponse")}
        </Link>
      </div>
      <p className="text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      {responses.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-zinc-200 dark:border-zinc-800">
              <th className="py-2 pr-3">{t("name")}</th>
              <th className="py-2 pr-3">{t("queues")}</th>
              <th className="py-2 pr-3">{t("status")}</th>
            </tr>
          </thead>
          <tbody>
            {responses.map((response) => (
              <tr
                key={response.id}
                className="border-b border-zinc-100 align-top dark:border-zinc-900"
              >
                <td className="py-2 pr-3">
                  <Link
                    href={`/agent/admin/standard-responses/${response.id}`}
                    className="font-medium text-blue-700 hover:underline dark:text-blue-400"
                  >
                    {response.name}
                  </Link>
                </td>
                <td className="py-2 pr-3">
                  {response.queues.length
                    ? response.queues.map((q) => q.name).join(", ")
                    : t("noQueues")}
                </td>
                <td className="py-2 pr-3">{response.active ? t("active") : t("inactive")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
