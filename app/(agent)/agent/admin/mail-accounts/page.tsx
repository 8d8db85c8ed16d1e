import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/session";
import { localizedTitle } from "@/lib/i18n/server";
import { listMailAccounts, listQueueChoices } from "@/lib/mail/accounts/manage-mail-accounts";
import { AccountStatus } from "./account-status";
import { MailAccountForm } from "./mail-account-form";

export const generateMetadata = localizedTitle((t) => t("mailAccounts.title"));

export default async function MailAccountsPage() {
  await requireAdmin();
  const t = await getTranslations("mailAccounts");
  const [accounts, queues] = await Promise.all([listMailAccounts(), listQueueChoices()]);
  const queueName = (id: number | null) =>
    queues.find((q) => q.id === id)?.name ?? t("queueByRecipient");
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="max-w-3xl text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      </div>
      {accounts.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-zinc-200 dark:border-zinc-800">
              <th className="py-2">{t("name")}</th>
              <th className="py-2">{t("mailbox")}</th>
              <th className="py-2">{t("queue")}</th>
              <th className="py-2">{t("state")}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr
                key={account.id}
                className="border-b border-zinc-100 align-top dark:border-zinc-900"
              >
                <td className="py-2">
                  <Link
                    href={`/agent/admin/mail-accounts/${account.id}`}
                    className="text-blue-700 hover:underline dark:text-blue-400"
                  >
                    {account.name}
                  </Link>
                </td>
                <td className="py-2">
                  {account.username}@{account.host}:{account.port} / {account.folder}
                </td>
                <td className="py-2">{queueName(account.queueId)}</td>
                <td className="py-2">
                  <AccountStatus account={account} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section className="space-y-4">
        <h2 className="text-lg font-semibold">{t("newAccount")}</h2>
        <MailAccountForm queues={queues} />
      </section>
    </div>
  );
}
