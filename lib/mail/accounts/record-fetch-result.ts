// What a fetch pass leaves on its mail account (last success, last error), and
// the admins' notices about an account that keeps failing (issue 20): once per
// run of failures, an in-app notice and a mail; when it works again, one
// "works again" notice and mail. Mails go through the outbox (mail.send), in
// each admin's own language.
import { transaction, type Tx } from "../../db";
import { DEFAULT_LOCALE, localeOr } from "../../i18n/locales";
import { enqueueMail } from "../outbound/enqueue-mail";

/** An account failing this long tells the admins (issue 20). */
export const FAILING_NOTICE_MS = 60 * 60_000;
/** The in-app notification type of that notice (shown by the notifications page). */
export const ACCOUNT_FAILING = "mail_account_failing";
/** The in-app notification type of "works again", after a failing notice. */
export const ACCOUNT_WORKING = "mail_account_working";

const describe = (error: unknown) =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 1000);

/** Every active admin: an in-app notice and a queued mail (their language) about the account. */
async function noticeAdmins(
  tx: Tx,
  input: {
    account: { id: number; name: string };
    state: "failing" | "working";
    since: Date;
    error: string;
  },
) {
  const admins = await tx.agent.findMany({
    where: { role: "admin", active: true },
    select: { id: true, email: true, locale: true },
  });
  await tx.notification.createMany({
    data: admins.map((admin) => ({
      agentId: admin.id,
      type: input.state === "failing" ? ACCOUNT_FAILING : ACCOUNT_WORKING,
      // Shown as is: the account's name and, when failing, the server's own words.
      message:
        input.state === "failing" ? `${input.account.name}: ${input.error}` : input.account.name,
    })),
  });
  for (const admin of admins) {
    // Once per run: the callers' claim on failureNotifiedAt (a dedupe key would resend a done job).
    await enqueueMail(tx, {
      kind: "mail-account-notice",
      to: admin.email,
      // The admin's own language (Agent.locale), English when none is stored.
      locale: localeOr(admin.locale, DEFAULT_LOCALE),
      data: {
        state: input.state,
        account: input.account.name,
        accountId: String(input.account.id),
        since: input.since.toISOString(),
        ...(input.state === "failing" ? { error: input.error } : {}),
      },
    });
  }
  return admins.length;
}

/**
 * A pass that worked: last success `now`, the failure run (if any) over. When
 * the admins were told of that run, they now get one "works again" notice and
 * mail; the claim (clearing `failureNotifiedAt` where it was set) makes it once
 * even if two processes record a success together. Returns true when it told them.
 */
export async function recordFetchSuccess(accountId: number, now = new Date()) {
  return transaction(async (tx) => {
    const account = await tx.mailAccount.findUniqueOrThrow({
      where: { id: accountId },
      select: { id: true, name: true, failingSince: true, failureNotifiedAt: true },
    });
    const { count } = account.failureNotifiedAt
      ? await tx.mailAccount.updateMany({
          where: { id: accountId, failureNotifiedAt: { not: null } },
          data: { failureNotifiedAt: null },
        })
      : { count: 0 };
    await tx.mailAccount.update({
      where: { id: accountId },
      data: { lastSuccessAt: now, failingSince: null, failureNotifiedAt: null },
    });
    if (count !== 1) return false;
    await noticeAdmins(tx, {
      account,
      state: "working",
      since: account.failingSince ?? account.failureNotifiedAt!,
      error: "",
    });
    return true;
  });
}

/**
 * A pass that failed: last error and when, the start of the failure run; once
 * the run lasts FAILING_NOTICE_MS, every active admin gets one in-app
 * notification and one mail (once per run, not per poll: the claim on
 * `failureNotifiedAt`). Returns true when it notified.
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
    const { count } = await tx.mailAccount.updateMany({
      where: { id: account.id, failureNotifiedAt: null },
      data: { failureNotifiedAt: now },
    });
    if (count !== 1) return false;
    await noticeAdmins(tx, {
      account,
      state: "failing",
      since,
      error: account.lastError ?? "",
    });
    return true;
  });
}
