import { db, transaction } from "../../db";

/** An account failing this long tells the admins (issue 20). */
export const FAILING_NOTICE_MS = 60 * 60_000;
/** The in-app notification type of that notice (shown by the notifications page). */
export const ACCOUNT_FAILING = "mail_account_failing";

const describe = (error: unknown) =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 1000);

/** A pass that worked: last success now, the failure run (if any) over. */
export async function recordFetchSuccess(accountId: number, now = new Date()) {
  await db.mailAccount.update({
    where: { id: accountId },
    data: { lastSuccessAt: now, failingSince: null, failureNotifiedAt: null },
  });
}

/**
 * A pass that failed: last error and when, the start of the failure run; once
 * the run lasts FAILING_NOTICE_MS, every active admin gets one in-app
 * notification (once per run). Returns true when it notified.
 */
export async function recordFetchFailure(input: { accountId: number; error: unknown; now?: Date }) {
  const now = input.now ?? new Date();
  return transaction(async (tx) => {
    const account = await tx.mailAccount.update({
      where: { id: input.accountId },
      data: { lastError: describe(input.error), lastErrorAt: now },
    });
    const since = account.failingSince ?? now;
    if (!account.failingSince)
      await tx.mailAccount.update({ where: { id: account.id }, data: { failingSince: now } });
    if (account.failureNotifiedAt || now.getTime() - since.getTime() < FAILING_NOTICE_MS)
      return false;
    const admins = await tx.agent.findMany({
      where: { role: "admin", active: true },
      select: { id: true },
    });
    await tx.notification.createMany({
      data: admins.map((admin) => ({
        agentId: admin.id,
        type: ACCOUNT_FAILING,
        // Shown as is: the account's name and the server's own words.
        message: `${account.name}: ${account.lastError ?? ""}`,
      })),
    });
    await tx.mailAccount.update({ where: { id: account.id }, data: { failureNotifiedAt: now } });
    return true;
  });
}
