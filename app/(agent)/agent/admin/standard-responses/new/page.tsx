import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/session";
import { localizedTitle } from "@/lib/i18n/server";
import { listQueuesForAdmin } from "@/lib/queues/list-queues";
import { sampleStandardResponseValues } from "@/lib/queues/sample-template-values";
import { StandardResponseForm } from "../standard-response-form";

export const generateMetadata = localizedTitle((t) => t("adminDesk.standardResponseForm.newTitle"));

export default async function NewStandardResponsePage() {
  const admin = await requireAdmin();
  const t = await getTranslations("adminDesk");
  const queues = await listQueuesForAdmin();
  return (
    <div className="max-w-3xl space-y-6">
      <Link
        href="/agent/admin/standard-responses"
        className="text-sm text-blue-700 hover:underline dark:text-blue-400"
      >
        {t("standardResponseForm.back")}
      </Link>
      <h1 className="text-2xl font-bold">{t("standardResponseForm.newTitle")}</h1>
      <StandardResponseForm
        initial={{ responseId: "", name: "", body: "", active: true, queueIds: [] }}
        queues={queues.map(({ id, name, active }) => ({ id, name, active }))}
        sample={sampleStandardResponseValues({
          agentName: admin.name,
          customerName: t("sample.customerName"),
          title: t("sample.title"),
        })}
      />
    </div>
  );
}
