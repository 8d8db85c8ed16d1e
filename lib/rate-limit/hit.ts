import { join, sqltag as sql } from "@prisma/client/runtime/client";
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
  return (await hitRateLimits(client, scope, [identity], windowSeconds, now, offsetSeconds))[0];
}

/**
 * Counts one hit per identity given (an identity may come more than once) and returns,
 * in order, the count each hit brought its window to, as if they had been counted one
 * after the other. One multi-row upsert for all of them.
 */
export async function hitRateLimits(
  client: Db | Tx,
  scope: string,
  identities: string[],
  windowSeconds: number,
  now = new Date(),
  offsetSeconds = 0,
): Promise<number[]> {
  if (identities.length === 0) return [];
  const windows = identities.map((identity) =>
    windowKey(scope, identity, windowSeconds, now, offsetSeconds),
  );
  const hits = new Map<string, { count: number; expiresAt: Date }>();
  for (const { key, windowStart } of windows) {
    const hit = hits.get(key) ?? {
      count: 0,
      expiresAt: new Date((windowStart + windowSeconds) * 1000),
    };
    hit.count++;
    hits.set(key, hit);
  }
  // Each key once (PostgreSQL refuses to update one row twice in a statement), in key order:
  // two transactions upserting the same keys then lock their rows in the same order and
  // cannot deadlock.
  const values = [...hits]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, hit]) => sql`(${key}, ${hit.count}, ${hit.expiresAt})`);
  const rows = await client.$queryRaw<{ key: string; count: number | bigint }[]>`
    INSERT INTO "RateLimit" ("key", "count", "expiresAt") VALUES ${join(values)}
    ON CONFLICT ("key") DO UPDATE SET "count" = "RateLimit"."count" + excluded."count"
    RETURNING "key", "count"`;
  const next = new Map<string, number>();
  for (const row of rows) next.set(row.key, Number(row.count) - hits.get(row.key)!.count + 1);
  return windows.map(({ key }) => {
    const count = next.get(key)!;
    next.set(key, count + 1);
    return count;
  });
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
