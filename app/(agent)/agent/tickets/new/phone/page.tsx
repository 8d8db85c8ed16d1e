import { getSettings } from "@/lib/settings/get-settings";
import { getTranslations } from "next-intl/server";
import { requireAgentScope } from "@/lib/auth/session";
import { localizedTitle } from "@/lib/i18n/server";
import { listWritableQueues } from "@/lib/queues/list-writable-queues";
import { AgentTicketForm } from "../agent-ticket-form";

export const generateMetadata = localizedTitle((t) => t("newTicket.phoneTitle"));

/** New phone ticket (issue 13): in one of the queues the agent may write. */
export default async function NewPhoneTicketPage() {
  const { scope } = await requireAgentScope();
  const t = await getTranslations("newTicket");
  const queues = await listWritableQueues({ scope });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("phoneTitle")}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">{t("phoneIntro")}</p>
      <AgentTicketForm kind="phone" queues={queues} timeZone={(await getSettings()).timeZone} />
    </div>
  );
}
