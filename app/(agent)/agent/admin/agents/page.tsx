import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { listAgents } from "@/lib/agents/list-agents";
import { localizedTitle } from "@/lib/i18n/server";

export const generateMetadata = localizedTitle((t) => t("adminPeople.agents.title"));

export default async function AgentsPage() {
  const t = await getTranslations("adminPeople");
  const format = await getFormatter();
  const agents = await listAgents();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("agents.title")}</h1>
        <Link
          href="/agent/admin/agents/new"
          className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800"
        >
          {t("agents.new")}
        </Link>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-zinc-200 dark:border-zinc-800">
              <th className="py-2 pr-3">{t("agents.name")}</th>
              <th className="py-2 pr-3">{t("agents.email")}</th>
              <th className="py-2 pr-3">{t("agents.role")}</th>
              <th className="py-2 pr-3">{t("agents.groups")}</th>
              <th className="py-2 pr-3">{t("agents.status")}</th>
            </tr>
          </thead>
          <tbody>
            {agents.map((agent) => (
              <tr
                key={agent.id}
                className="border-b border-zinc-100 align-top dark:border-zinc-900"
              >
                <td className="py-2 pr-3">
                  <Link
                    href={`/agent/admin/agents/${agent.id}`}
                    className="text-blue-700 hover:underline dark:text-blue-400"
                  >
                    {agent.name}
                  </Link>
                </td>
                <td className="py-2 pr-3">{agent.email}</td>
                <td className="py-2 pr-3">{t(`roles.${agent.role}`)}</td>
                <td className="py-2 pr-3">
                  {agent.memberships
                    .map((m) =>
                      t("agents.membership", { group: m.group.name, permission: m.permission }),
                    )
                    .join(", ") || t("none")}
                </td>
                <td className="py-2 pr-3">
                  {!agent.active
                    ? t("agents.inactive")
                    : agent.outOfOfficeTo && agent.outOfOfficeTo >= new Date()
                      ? t("agents.outOfOfficeUntil", {
                          until: format.dateTime(agent.outOfOfficeTo, "day"),
                        })
                      : t("agents.active")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
