// Mail accounts for admins (page and API): create, edit, deactivate, list.
// The password is stored encrypted and never read back out.
import "server-only";
import { recordAudit, type AuditActor } from "../../admin/record-audit";
import { db, transaction, type Tx } from "../../db";
import type { MailAccount } from "../../generated/sqlite/client";
import { UserFacingError } from "../../errors";
import { encryptAccountPassword } from "./account-secret";
import type { MailAccountInput } from "./schemas";

/** What admins see of an account: everything but the password (and the lease's internals). */
export function publicMailAccount(account: MailAccount) {
  return {
    id: account.id,
    name: account.name,
    host: account.host,
    port: account.port,
    security: account.security,
    username: account.username,
    hasPassword: account.passwordEncrypted !== "",
    folder: account.folder,
    afterStore: account.afterStore,
    moveTo: account.moveTo,
    queueId: account.queueId,
    pollSeconds: account.pollSeconds,
    active: account.active,
    lastSuccessAt: account.lastSuccessAt,
    lastErrorAt: account.lastErrorAt,
    lastError: account.lastError,
    failingSince: account.failingSince,
    uidValidity: account.uidValidity === null ? null : account.uidValidity.toString(),
    lastUid: account.lastUid.toString(),
  };
}
export type PublicMailAccount = ReturnType<typeof publicMailAccount>;

async function checkReferences(input: MailAccountInput, accountId?: number) {
  if (input.queueId !== null) {
    const queue = await db.queue.findUnique({ where: { id: input.queueId } });
    if (!queue)
      throw new UserFacingError(
        "Unknown queue",
        "validation",
        { queueId: ["unknown queue"] },
        "unknownQueue",
      );
  }
  const sameName = await db.mailAccount.findUnique({ where: { name: input.name } });
  if (sameName && sameName.id !== accountId)
    throw new UserFacingError(
      "An account of this name exists",
      "conflict",
      { name: ["taken"] },
      "invalid",
    );
}

const fields = (input: MailAccountInput) => ({
  name: input.name,
  host: input.host,
  port: input.port,
  security: input.security,
  username: input.username,
  folder: input.folder,
  afterStore: input.afterStore,
  moveTo: input.afterStore === "move" ? (input.moveTo ?? null) : null,
  queueId: input.queueId,
  pollSeconds: input.pollSeconds,
  active: input.active,
});

/** The audit's view of an account: its settings, the password only as "(changed)". */
const audited = (account: MailAccount) => ({
  ...fields(account as unknown as MailAccountInput),
  password: account.passwordEncrypted,
});

/** Records a change of an account in the audit (edit or deactivation). */
const auditUpdate = (tx: Tx, actor: AuditActor, before: MailAccount, after: MailAccount) =>
  recordAudit(tx, {
    actor,
    action: "mailAccount.update",
    objectType: "mailAccount",
    objectId: after.id,
    objectName: after.name,
    before: audited(before),
    after: audited(after),
  });

/**
 * Creates an account (a password is required), recorded in the audit.
 * Errors: validation (422), conflict (name taken).
 */
export async function createMailAccount(input: MailAccountInput, actor: AuditActor) {
  if (!input.password)
    throw new UserFacingError(
      "A password is required",
      "validation",
      { password: ["required"] },
      "required",
    );
  await checkReferences(input);
  const account = await transaction(async (tx) => {
    const created = await tx.mailAccount.create({
      data: { ...fields(input), passwordEncrypted: encryptAccountPassword(input.password!) },
    });
    await recordAudit(tx, {
      actor,
      action: "mailAccount.create",
      objectType: "mailAccount",
      objectId: created.id,
      objectName: created.name,
      after: audited(created),
    });
    return created;
  });
  return publicMailAccount(account);
}

/**
 * Changes an account; a blank password keeps the stored one. A changed host,
 * user or folder makes the running fetcher reconnect (it compares per pass).
 * Recorded in the audit (the password only as "(changed)").
 * Errors: not_found, validation, conflict.
 */
export async function updateMailAccount(
  accountId: number,
  input: MailAccountInput,
  actor: AuditActor,
) {
  const existing = await db.mailAccount.findUnique({ where: { id: accountId } });
  if (!existing) throw new UserFacingError("Not found", "not_found", undefined, "notFound");
  await checkReferences(input, accountId);
  const account = await transaction(async (tx) => {
    const updated = await tx.mailAccount.update({
      where: { id: accountId },
      data: {
        ...fields(input),
        ...(input.password ? { passwordEncrypted: encryptAccountPassword(input.password) } : {}),
      },
    });
    await auditUpdate(tx, actor, existing, updated);
    return updated;
  });
  return publicMailAccount(account);
}

/**
 * Stops fetching from an account (its fetcher ends after the pass in flight); kept with its
 * state, recorded in the audit as an update. Errors: not_found.
 */
export async function deactivateMailAccount(accountId: number, actor: AuditActor) {
  await transaction(async (tx) => {
    const existing = await tx.mailAccount.findUnique({ where: { id: accountId } });
    if (!existing) throw new UserFacingError("Not found", "not_found", undefined, "notFound");
    const updated = await tx.mailAccount.update({
      where: { id: accountId },
      data: { active: false },
    });
    await auditUpdate(tx, actor, existing, updated);
  });
}

export async function listMailAccounts() {
  const accounts = await db.mailAccount.findMany({ orderBy: { name: "asc" } });
  return accounts.map(publicMailAccount);
}

export async function findMailAccount(accountId: number) {
  const account = await db.mailAccount.findUnique({ where: { id: accountId } });
  if (!account) throw new UserFacingError("Not found", "not_found", undefined, "notFound");
  return publicMailAccount(account);
}

/** The queues an account can put new tickets into (active ones, by name). */
export async function listQueueChoices() {
  return db.queue.findMany({
    where: { active: true },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
