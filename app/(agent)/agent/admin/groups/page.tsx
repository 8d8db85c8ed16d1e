import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listGroups } from "@/lib/groups/manage-groups";
import { localizedTitle } from "@/lib/i18n/server";
import { CreateGroupForm } from "./create-group-form";

export const generateMetadata = localizedTitle((t) => t("adminPeople.groups.title"));

export default async function GroupsPage() {
  const t = await getTranslations("adminPeople");
  const groups = await listGroups();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("groups.title")}</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("groups.intro")}</p>
      <CreateGroupForm />
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th className="py-2 pr-3">{t("groups.name")}</th>
            <th className="py-2 pr-3">{t("groups.queues")}</th>
            <th className="py-2 pr-3">{t("groups.members")}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.id} className="border-b border-zinc-100 align-top dark:border-zinc-900">
              <td className="py-2 pr-3">
                <Link
                  href={`/agent/admin/groups/${group.id}`}
                  className="text-blue-700 hover:underline dark:text-blue-400"
                >
                  {group.name}
                </Link>
              </td>
              <td className="py-2 pr-3">
                {group.queues.map((q) => q.name).join(", ") || t("none")}
              </td>
              <td className="py-2 pr-3">{group.members.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
