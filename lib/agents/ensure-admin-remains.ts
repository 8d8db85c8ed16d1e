import { isPostgres, type Tx } from "../db";
import { UserFacingError } from "../errors";

/** Advisory lock key serialising changes to who is an active admin (PostgreSQL). */
const ADMIN_ROLES_LOCK = 727275;

/**
 * Serialises changes of admin role or activity: call first inside the change's
 * transaction. PostgreSQL takes a transaction-scoped advisory lock (so two
 * concurrent demotions cannot both count the other admin as remaining); on
 * SQLite `transaction()` already holds the single write lock.
 */
export async function lockAdminRoles(tx: Tx): Promise<void> {
  if (isPostgres()) await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${ADMIN_ROLES_LOCK})`);
}

/**
 * Throws `lastAdmin` (409) unless at least one active admin exists — call after
 * the change, inside the same transaction and after lockAdminRoles, so the
 * change rolls back with the refusal (issue 14: "at least one active admin
 * always remains").
 */
export async function assertAnAdminRemains(tx: Tx): Promise<void> {
  const admins = await tx.agent.count({ where: { role: "admin", active: true } });
  if (admins === 0) {
    throw new UserFacingError(
      "At least one active admin must remain",
      "conflict",
      undefined,
      "lastAdmin",
    );
  }
}
