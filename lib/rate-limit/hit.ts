import type { Db, Tx } from "../db";

const windowKey = (scope: string, identity: string, windowSeconds: number, now: Date) => {
  const windowStart = Math.floor(now.getTime() / 1000 / windowSeconds) * windowSeconds;
  return { key: `${scope}:${identity}:${windowStart}`, windowStart };
};

/** The hits `identity` has made in the current window, without counting one. */
export async function countRateLimit(
  client: Db | Tx,
  scope: string,
  identity: string,
  windowSeconds: number,
  now = new Date(),
) {
  const { key } = windowKey(scope, identity, windowSeconds, now);
  const row = await client.rateLimit.findUnique({ where: { key }, select: { count: true } });
  return row?.count ?? 0;
}

/**
 * Counts one hit in a fixed window and returns the new count. One atomic
 * upsert, so it holds across processes on both databases.
 */
export async function hitRateLimit(
  client: Db | Tx,
  scope: string,
  identity: string,
  windowSeconds: number,
  now = new Date(),
) {
  const { key, windowStart } = windowKey(scope, identity, windowSeconds, now);
  const expiresAt = new Date((windowStart + windowSeconds) * 1000);
  const rows = await client.$queryRaw<{ count: number | bigint }[]>`
    INSERT INTO "RateLimit" ("key", "count", "expiresAt") VALUES (${key}, 1, ${expiresAt})
    ON CONFLICT ("key") DO UPDATE SET "count" = "RateLimit"."count" + 1
    RETURNING "count"`;
  return Number(rows[0].count);
}

/** True while `identity` has made at most `limit` hits in the current window (this one included). */
export async function isWithinRateLimit(
  client: Db | Tx,
  scope: string,
  identity: string,
  limit: number,
  windowSeconds: number,
  now = new Date(),
) {
  return (await hitRateLimit(client, scope, identity, windowSeconds, now)) <= limit;
}

export async function purgeExpiredRateLimits(client: Db | Tx, now = new Date()) {
  await client.rateLimit.deleteMany({ where: { expiresAt: { lt: now } } });
}
