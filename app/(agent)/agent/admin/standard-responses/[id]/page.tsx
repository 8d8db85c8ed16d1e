import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { requireAdmin } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { listQueuesForAdmin } from "@/lib/queues/list-queues";
import { sampleStandardResponseValues } from "@/lib/queues/sample-template-values";
import { getStandardResponseForAdmin } from "@/lib/standard-responses/list-standard-responses-for-admin";
import { removeStandardResponse } from "../actions";
import { StandardResponseForm } from "../standard-response-form";

async function findResponse(id: string) {
  const responseId = Number(id);
  if (!Number.isInteger(responseId) || responseId <= 0) return null;
  return getStandardResponseForAdmin(responseId).catch((error) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("adminDesk.standardResponseForm");
  const response = await findResponse((await params).id);
  return { title: response ? t("editTitle", { name: response.name }) : undefined };
}

export default async function EditStandardResponsePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const admin = await requireAdmin();
  const response = await findResponse((await params).id);
  if (!response) notFound();
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
      <h1 className="text-2xl font-bold">
        {t("standardResponseForm.editTitle", { name: response.name })}
      </h1>
      <StandardResponseForm
        key={response.updatedAt.toISOString()}
        initial={{
          responseId: String(response.id),
          name: response.name,
          body: response.body,
          active: response.active,
          queueIds: response.queues.map((q) => q.id),
        }}
        queues={queues.map(({ id, name, active }) => ({ id, name, active }))}
        sample={sampleStandardResponseValues({
          agentName: admin.name,
          customerName: t("sample.customerName"),
          title: t("sample.title"),
        })}
        saved={(await searchParams).saved === "1"}
      />
      <section className="space-y-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {t("standardResponseForm.deleteHint")}
        </p>
        <form action={removeStandardResponse}>
          <input type="hidden" name="responseId" value={response.id} />
          <Button variant="danger">{t("standardResponseForm.delete")}</Button>
        </form>
      </section>
    </div>
  );
}
