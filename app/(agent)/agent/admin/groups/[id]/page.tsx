import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { listAgents } from "@/lib/agents/list-agents";
import { findGroupForAdmin, listGroups } from "@/lib/groups/manage-groups";
import { localizedTitle } from "@/lib/i18n/server";
import { GroupForm } from "../group-form";

export const generateMetadata = localizedTitle((t) => t("adminPeople.groups.edit"));

export default async function EditGroupPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  const group = Number.isInteger(id) && id > 0 ? await findGroupForAdmin(id) : null;
  if (!group) notFound();
  const t = await getTranslations("adminPeople");
  const [groups, agents] = await Promise.all([listGroups(), listAgents()]);
  const queues = groups
    .flatMap((g) => g.queues.map((q) => ({ id: q.id, name: q.name, groupName: g.name })))
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("groups.editTitle", { name: group.name })}</h1>
      <GroupForm
        group={{
          id: group.id,
          name: group.name,
          queueIds: group.queues.map((q) => q.id),
          members: Object.fromEntries(group.members.map((m) => [m.agentId, m.permission])),
        }}
        queues={queues}
        agents={agents.map((a) => ({ id: a.id, name: a.name, email: a.email, active: a.active }))}
      />
    </div>
  );
}
