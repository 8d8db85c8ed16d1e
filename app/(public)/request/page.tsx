import { PortalPage } from "@/components/portal/portal-header";
import { getTranslations } from "next-intl/server";
import { localizedTitle } from "@/lib/i18n/server";
import { getAttachmentLimits } from "@/lib/portal/limits";
import { listTopics } from "@/lib/portal/list-topics";
import { RequestForm } from "./request-form";

export const dynamic = "force-dynamic";

export const generateMetadata = localizedTitle((t) => t("portal.request.title"));

export default async function RequestPage() {
  const t = await getTranslations();
  return (
    <PortalPage back="/request">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("portal.request.title")}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">{t("portal.request.intro")}</p>
      <RequestForm topics={await listTopics()} limits={getAttachmentLimits()} />
    </PortalPage>
  );
}
