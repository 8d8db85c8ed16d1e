import { PortalPage } from "@/components/portal/portal-header";
import { getLocale, getTranslations } from "next-intl/server";
import { localizedTitle } from "@/lib/i18n/server";
import { readFormDraft } from "@/lib/portal/form-drafts";
import { getAttachmentLimits } from "@/lib/portal/limits";
import { listTopics } from "@/lib/portal/list-topics";
import { RequestForm, type RequestFormState } from "./request-form";

export const dynamic = "force-dynamic";

export const generateMetadata = localizedTitle((t) => t("portal.request.title"));

type Props = { searchParams: Promise<{ draft?: string }> };

/** The request form; `?draft=` brings back a rejected submission (browsers without JavaScript). */
export default async function RequestPage({ searchParams }: Props) {
  const t = await getTranslations();
  const locale = await getLocale();
  const { draft } = await searchParams;
  const initialState: RequestFormState = await readFormDraft("request", draft);
  return (
    <PortalPage back="/request">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("portal.request.title")}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">{t("portal.request.intro")}</p>
      <RequestForm
        topics={await listTopics(locale)}
        limits={await getAttachmentLimits()}
        initialState={initialState}
      />
    </PortalPage>
  );
}
