import { FormAlert } from "@/components/portal/form-alert";
import { PortalPage } from "@/components/portal/portal-header";
import { config } from "@/lib/config";
import { getTranslations } from "next-intl/server";
import { localizedTitle } from "@/lib/i18n/server";
import { StatusForm } from "./status-form";

export const dynamic = "force-dynamic";

export const generateMetadata = localizedTitle((t) => t("portal.status.title"));

export default async function StatusPage({
  searchParams,
}: {
  searchParams: Promise<{ link?: string }>;
}) {
  const t = await getTranslations();
  const { link } = await searchParams;
  return (
    <PortalPage back="/status">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("portal.status.title")}</h1>
      {link === "invalid" && <FormAlert>{t("portal.status.invalidLink")}</FormAlert>}
      <p className="text-zinc-600 dark:text-zinc-400">{t("portal.status.intro")}</p>
      <StatusForm days={config.portalAccessLinkDays} />
    </PortalPage>
  );
}
