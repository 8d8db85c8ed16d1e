import type { Db, Tx } from "../db";

/**
 * The fixed window `now` falls in. `offsetSeconds` shifts the grid of windows
 * (e.g. by half a window, so that a burst straddling one grid's boundary lies
 * inside a window of the other).
 */
const windowKey = (
  scope: string,
  identity: string,
  windowSeconds: number,
  now: Date,
  offsetSeconds = 0,
) => {
  const seconds = now.getTime() / 1000 - offsetSeconds;
  const windowStart = Math.floor(seconds / windowSeconds) * windowSeconds + offsetSeconds;
  return { key: `${scope}:${identity}:${windowStart}`, windowStart };
};

/** The hits `identity` has made in the current window, without counting one. */
export async function countRateLimit(
  client: Db | Tx,
  scope: string,
  identity: string,
  windowSeconds: number,
  now = new Date(),
  offsetSeconds = 0,
) {
  const { key } = windowKey(scope, identity, windowSeconds, now, offsetSeconds);
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
  offsetSeconds = 0,
) {
  const { key, windowStart } = windowKey(scope, identity, windowSeconds, now, offsetSeconds);
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
