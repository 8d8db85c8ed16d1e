import { getTranslations } from "next-intl/server";
import { getOutOfOffice } from "@/lib/agents/out-of-office";
import { requireAgent } from "@/lib/auth/session";
import { localizedTitle } from "@/lib/i18n/server";
import { dayOf } from "@/lib/reports/days";
import { AwayForm } from "./away-form";
import { getSettings } from "@/lib/settings/get-settings";

export const generateMetadata = localizedTitle((t) => t("away.title"));

/** The agent's own out-of-office period. */
export default async function AwayPage() {
  const agent = await requireAgent();
  const t = await getTranslations("away");
  const { outOfOfficeFrom: from, outOfOfficeTo: to } = await getOutOfOffice(agent.id);
  const zone = (await getSettings()).timeZone;
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      <p data-testid="away-current">{from && to ? t("current", { from, to }) : t("none")}</p>
      <AwayForm from={from ? dayOf(from, zone) : ""} to={to ? dayOf(to, zone) : ""} />
    </div>
  );
}
