import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/session";
import { localizedTitle } from "@/lib/i18n/server";
import { listGroupChoices } from "@/lib/queues/list-queues";
import { queueFormValues } from "@/lib/queues/queue-form-values";
import { sampleTemplateValues } from "@/lib/queues/sample-template-values";
import { QueueForm } from "../queue-form";

export const generateMetadata = localizedTitle((t) => t("adminDesk.queueForm.newTitle"));

export default async function NewQueuePage() {
  await requireAdmin();
  const t = await getTranslations("adminDesk");
  return (
    <div className="max-w-3xl space-y-6">
      <Link
        href="/agent/admin/queues"
        className="text-sm text-blue-700 hover:underline dark:text-blue-400"
      >
        {t("queueForm.back")}
      </Link>
      <h1 className="text-2xl font-bold">{t("queueForm.newTitle")}</h1>
      <QueueForm
        initial={queueFormValues(null)}
        groups={await listGroupChoices()}
        sample={sampleTemplateValues({
          customerName: t("sample.customerName"),
          title: t("sample.title"),
        })}
      />
    </div>
  );
}
