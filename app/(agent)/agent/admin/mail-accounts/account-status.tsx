import { getFormatter, getTranslations } from "next-intl/server";
import type { PublicMailAccount } from "@/lib/mail/accounts/manage-mail-accounts";

/** Last success and last error of an account, as an agent reads them. */
export async function AccountStatus({ account }: { account: PublicMailAccount }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const now = new Date();
  const failing =
    account.failingSince &&
    (!account.lastSuccessAt || account.lastErrorAt! > account.lastSuccessAt);
  return (
    <div className="space-y-1 text-sm">
      {!account.active && <p className="font-medium">{t("mailAccounts.inactive")}</p>}
      <p>
        {t("mailAccounts.lastSuccess")}:{" "}
        {account.lastSuccessAt ? (
          <time
            dateTime={account.lastSuccessAt.toISOString()}
            title={format.dateTime(account.lastSuccessAt, "short")}
          >
            {format.relativeTime(account.lastSuccessAt, now)}
          </time>
        ) : (
          t("mailAccounts.never")
        )}
      </p>
      {failing && account.lastErrorAt && (
        <p className="text-red-700 dark:text-red-400" data-testid="account-error">
          {t("mailAccounts.lastError")} ({format.relativeTime(account.lastErrorAt, now)}):{" "}
          {account.lastError}
        </p>
      )}
    </div>
  );
}
