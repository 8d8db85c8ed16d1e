import { getTranslations } from "next-intl/server";
import { listGroups } from "@/lib/groups/manage-groups";
import { localizedTitle } from "@/lib/i18n/server";
import { AgentForm } from "../agent-form";

export const generateMetadata = localizedTitle((t) => t("adminPeople.agents.new"));

export default async function NewAgentPage() {
  const t = await getTranslations("adminPeople");
  const groups = await listGroups();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("agents.new")}</h1>
      <AgentForm
        groups={groups}
        initial={{
          email: "",
          name: "",
          role: "agent",
          locale: "",
          outOfOfficeFrom: "",
          outOfOfficeTo: "",
          memberships: {},
        }}
      />
    </div>
  );
}
