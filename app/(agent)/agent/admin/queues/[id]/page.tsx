import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { requireAdmin } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { FALLBACK_QUEUE } from "@/lib/queues/find-queue";
import { getQueueForAdmin, listGroupChoices } from "@/lib/queues/list-queues";
import { queueFormValues } from "@/lib/queues/queue-form-values";
import { sampleTemplateValues } from "@/lib/queues/sample-template-values";
import { setQueueActivity } from "../actions";
import { QueueForm } from "../queue-form";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("adminDesk.queueForm");
  const queue = await findQueue((await params).id);
  return { title: queue ? t("editTitle", { name: queue.name }) : undefined };
}

async function findQueue(id: string) {
  const queueId = Number(id);
  if (!Number.isInteger(queueId) || queueId <= 0) return null;
  return getQueueForAdmin(queueId).catch((error) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
}

export default async function EditQueuePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  await requireAdmin();
  const queue = await findQueue((await params).id);
  if (!queue) notFound();
  const t = await getTranslations("adminDesk");
  return (
    <div className="max-w-3xl space-y-6">
      <Link
        href="/agent/admin/queues"
        className="text-sm text-blue-700 hover:underline dark:text-blue-400"
      >
        {t("queueForm.back")}
      </Link>
      <h1 className="text-2xl font-bold">{t("queueForm.editTitle", { name: queue.name })}</h1>
      {!queue.active && (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950">
          {t("queueForm.isInactive")}
        </p>
      )}
      <QueueForm
        key={queue.updatedAt.toISOString()}
        initial={queueFormValues(queue)}
        groups={await listGroupChoices()}
        sample={sampleTemplateValues({
          customerName: t("sample.customerName"),
          title: t("sample.title"),
        })}
        saved={(await searchParams).saved === "1"}
      />
      {queue.name !== FALLBACK_QUEUE && (
        <section className="space-y-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
          <h2 className="text-lg font-semibold">{t("queueForm.status")}</h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {t("queueForm.deactivateHint")}
          </p>
          <form action={setQueueActivity}>
            <input type="hidden" name="queueId" value={queue.id} />
            <input type="hidden" name="active" value={String(!queue.active)} />
            <Button variant={queue.active ? "danger" : "secondary"}>
              {queue.active ? t("queueForm.deactivate") : t("queueForm.activate")}
            </Button>
          </form>
        </section>
      )}
    </div>
  );
}
