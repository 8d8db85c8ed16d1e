import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/session";
import { localizedTitle } from "@/lib/i18n/server";
import { listQueuesForAdmin } from "@/lib/queues/list-queues";

export const generateMetadata = localizedTitle((t) => t("adminDesk.queues.title"));

export default async function QueuesPage() {
  await requireAdmin();
  const t = await getTranslations("adminDesk.queues");
  const queues = await listQueuesForAdmin();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Link
          href="/agent/admin/queues/new"
          className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800"
        >
          {t("newQueue")}
        </Link>
      </div>
      <p className="text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-zinc-200 dark:border-zinc-800">
              <th className="py-2 pr-3">{t("name")}</th>
              <th className="py-2 pr-3">{t("group")}</th>
              <th className="py-2 pr-3">{t("addresses")}</th>
              <th className="py-2 pr-3">{t("tickets")}</th>
              <th className="py-2 pr-3">{t("status")}</th>
            </tr>
          </thead>
          <tbody>
            {queues.map((queue) => (
              <tr
                key={queue.id}
                className="border-b border-zinc-100 align-top dark:border-zinc-900"
              >
                <td className="py-2 pr-3">
                  <Link
                    href={`/agent/admin/queues/${queue.id}`}
                    className="font-medium text-blue-700 hover:underline dark:text-blue-400"
                  >
                    {queue.name}
                  </Link>
                </td>
                <td className="py-2 pr-3">{queue.group.name}</td>
                <td className="py-2 pr-3">
                  {queue.addresses.length === 0 ? (
                    <span className="text-zinc-500">{t("noAddresses")}</span>
                  ) : (
                    <ul>
                      {queue.addresses.map((a) => (
                        <li key={a.id} className="font-mono text-xs">
                          {a.address}
                          {a.isPrimary && queue.addresses.length > 1 ? ` (${t("primary")})` : ""}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="py-2 pr-3">{queue.ticketCount}</td>
                <td className="py-2 pr-3">{queue.active ? t("active") : t("inactive")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
