import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { listApiTokens } from "@/lib/agents/api-tokens";
import { findAgentForAdmin } from "@/lib/agents/list-agents";
import { listGroups } from "@/lib/groups/manage-groups";
import { localizedTitle } from "@/lib/i18n/server";
import { revokeAgentTokenAction } from "../actions";
import { AgentForm } from "../agent-form";
import { AgentStatusActions } from "../agent-status-actions";

export const generateMetadata = localizedTitle((t) => t("adminPeople.agents.edit"));

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

export default async function EditAgentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const id = Number((await params).id);
  const agent = Number.isInteger(id) && id > 0 ? await findAgentForAdmin(id) : null;
  if (!agent) notFound();
  const { saved } = await searchParams;
  const t = await getTranslations("adminPeople");
  const format = await getFormatter();
  const [groups, tokens] = await Promise.all([listGroups(), listApiTokens(agent.id)]);
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">{agent.name}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {agent.email} · {agent.active ? t("agents.active") : t("agents.inactive")}
          {agent.invitationPending && ` · ${t("agents.invitationPending")}`}
        </p>
        {saved && (
          <p
            role="status"
            className="rounded-md bg-green-50 p-3 text-sm text-green-800 dark:bg-green-950 dark:text-green-200"
          >
            {saved === "invited" ? t("agents.invited") : t("agents.created")}
          </p>
        )}
      </div>
      <AgentForm
        groups={groups}
        initial={{
          agentId: agent.id,
          email: agent.email,
          name: agent.name,
          role: agent.role,
          locale: agent.locale ?? "",
          outOfOfficeFrom: day(agent.outOfOfficeFrom),
          outOfOfficeTo: day(agent.outOfOfficeTo),
          memberships: Object.fromEntries(agent.memberships.map((m) => [m.groupId, m.permission])),
        }}
      />
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t("agents.access")}</h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("agents.accessIntro")}</p>
        <AgentStatusActions agentId={agent.id} active={agent.active} />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t("agents.tokens")}</h2>
        {tokens.length === 0 ? (
          <p className="text-sm">{t("agents.noTokens")}</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {tokens.map((token) => (
              <li key={token.id} className="flex flex-wrap items-center gap-3">
                <span>
                  {token.name} <code className="text-zinc-500">{token.prefix}…</code> ·{" "}
                  {format.dateTime(token.createdAt, "short")}
                </span>
                <form action={revokeAgentTokenAction}>
                  <input type="hidden" name="tokenId" value={token.id} />
                  <input type="hidden" name="agentId" value={agent.id} />
                  <Button variant="secondary">{t("agents.revokeToken")}</Button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
