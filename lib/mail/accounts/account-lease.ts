// One fetcher per mail account across all processes: a lease on the account
// row (owner + expiry), taken with a conditional update, renewed while the
// fetcher runs, and checked inside every transaction that stores a message.
import { db, type Tx } from "../../db";

/** A fetcher lost its lease (expired, or another process took the account over). */
export class LeaseLostError extends Error {
  name = "LeaseLostError";
}

/**
 * Takes the account for `owner` until now + leaseMs when it is free, expired or
 * already ours (then it is extended). True when `owner` holds it afterwards.
 */
export async function acquireAccountLease(input: {
  accountId: number;
  owner: string;
  leaseMs: number;
  now?: Date;
}): Promise<boolean> {
  const now = input.now ?? new Date();
  const { count } = await db.mailAccount.updateMany({
    where: {
      id: input.accountId,
      active: true,
      OR: [
        { leaseOwner: null },
        { leaseUntil: null },
        { leaseUntil: { lt: now } },
        { leaseOwner: input.owner },
      ],
    },
    data: { leaseOwner: input.owner, leaseUntil: new Date(now.getTime() + input.leaseMs) },
  });
  return count === 1;
}

/**
 * Inside a transaction that stores fetched mail: throws LeaseLostError (rolling
 * the store back) unless `owner` still holds an unexpired lease, so a fetcher
 * that stalled past its lease never stores what the new holder stores too.
 */
export async function assertAccountLease(
  tx: Tx,
  input: {
    accountId: number;
    owner: string;
    now?: Date;
    data?: { lastUid?: bigint; uidValidity?: bigint };
  },
) {
  const { count } = await tx.mailAccount.updateMany({
    where: {
      id: input.accountId,
      leaseOwner: input.owner,
      leaseUntil: { gt: input.now ?? new Date() },
    },
    data: { ...input.data, leaseOwner: input.owner }, // never empty: an empty update counts nothing
  });
  if (count !== 1) throw new LeaseLostError(`mail account ${input.accountId}: lease lost`);
}

/** Gives the account free at once (a graceful stop), if `owner` still holds it. */
export async function releaseAccountLease(input: { accountId: number; owner: string }) {
  await db.mailAccount.updateMany({
    where: { id: input.accountId, leaseOwner: input.owner },
    data: { leaseOwner: null, leaseUntil: null },
  });
}
