import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";
import { getFormatter, getTranslations } from "next-intl/server";
import { localizedTitle } from "@/lib/i18n/server";
import { listOutbox } from "@/lib/mail/outbound/list-outbox";
import { mailTransport, usesOutbox } from "@/lib/mail/outbound/transport";

export const generateMetadata = localizedTitle((t) => t("outbox.title"));

export default async function OutboxPage() {
  await requireAdmin();
  const t = await getTranslations();
  const format = await getFormatter();
  const mails = await listOutbox();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("outbox.title")}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        {usesOutbox()
          ? t("outbox.intro")
          : t("outbox.sendingIntro", { transport: mailTransport() })}
      </p>
      {mails.length === 0 ? (
        <p>{t("outbox.empty")}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-zinc-200 dark:border-zinc-800">
              <th className="py-2 pr-3">{t("outbox.sent")}</th>
              <th className="py-2 pr-3">{t("outbox.to")}</th>
              <th className="py-2">{t("outbox.subject")}</th>
            </tr>
          </thead>
          <tbody>
            {mails.map((mail) => (
              <tr key={mail.id} className="border-b border-zinc-100 dark:border-zinc-900">
                <td className="py-2 pr-3 whitespace-nowrap">
                  {format.dateTime(mail.createdAt, "precise")}
                </td>
                <td className="py-2 pr-3">{mail.toAddress}</td>
                <td className="py-2">
                  <Link
                    href={`/agent/admin/outbox/${mail.id}`}
                    className="text-blue-700 underline dark:text-blue-400"
                  >
                    {mail.subject}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
