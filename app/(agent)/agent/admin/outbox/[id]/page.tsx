import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/session";
import { getTranslations } from "next-intl/server";
import { localizedTitle } from "@/lib/i18n/server";
import { findOutboxMail } from "@/lib/mail/outbound/list-outbox";

export const generateMetadata = localizedTitle((t) => t("outbox.title"));

export default async function OutboxMailPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const t = await getTranslations();
  const mail = await findOutboxMail(Number((await params).id));
  if (!mail) notFound();
  return (
    <article className="max-w-3xl space-y-4">
      <Link
        href="/agent/admin/outbox"
        className="text-sm text-blue-700 underline dark:text-blue-400"
      >
        {t("outbox.back")}
      </Link>
      <h1 className="text-xl font-bold">{mail.subject}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 text-sm">
        <dt className="font-medium">{t("outbox.from")}</dt>
        <dd>{mail.fromAddress}</dd>
        <dt className="font-medium">{t("outbox.to")}</dt>
        <dd>{mail.toAddress}</dd>
      </dl>
      {/* Plain text only: mail HTML is never rendered in the agent's browser here. */}
      <pre className="whitespace-pre-wrap rounded-md border border-zinc-200 p-4 font-sans text-sm dark:border-zinc-800">
        {mail.text}
      </pre>
      <details>
        <summary className="cursor-pointer text-sm">{t("outbox.headers")}</summary>
        <pre className="mt-2 overflow-x-auto text-xs">{JSON.stringify(mail.headers, null, 2)}</pre>
      </details>
    </article>
  );
}
