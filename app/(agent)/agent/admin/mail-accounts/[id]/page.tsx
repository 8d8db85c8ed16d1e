import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { requireAdmin } from "@/lib/auth/session";
import { UserFacingError } from "@/lib/errors";
import { localizedTitle } from "@/lib/i18n/server";
import { findMailAccount, listQueueChoices } from "@/lib/mail/accounts/manage-mail-accounts";
import { deactivateAccount } from "../actions";
import { AccountStatus } from "../account-status";
import { MailAccountForm } from "../mail-account-form";
import { TestConnectionButton } from "../test-connection-button";

export const generateMetadata = localizedTitle((t) => t("mailAccounts.title"));

async function loadAccount(raw: string) {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) notFound();
  try {
    return await findMailAccount(id);
  } catch (error) {
    if (error instanceof UserFacingError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function MailAccountPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const t = await getTranslations("mailAccounts");
  const account = await loadAccount((await params).id);
  const queues = await listQueueChoices();
  const {
    lastSuccessAt,
    lastErrorAt,
    failingSince,
    uidValidity,
    lastUid,
    hasPassword,
    lastError,
    ...view
  } = account;
  void [lastSuccessAt, lastErrorAt, failingSince, uidValidity, lastUid, hasPassword, lastError];
  return (
    <div className="space-y-6">
      <Link
        href="/agent/admin/mail-accounts"
        className="text-sm text-blue-700 hover:underline dark:text-blue-400"
      >
        {t("back")}
      </Link>
      <h1 className="text-2xl font-bold">{account.name}</h1>
      <AccountStatus account={account} />
      <TestConnectionButton accountId={account.id} />
      <MailAccountForm account={view} queues={queues} />
      {account.active && (
        <form action={deactivateAccount}>
          <input type="hidden" name="accountId" value={account.id} />
          <Button variant="danger">{t("deactivate")}</Button>
        </form>
      )}
    </div>
  );
}
