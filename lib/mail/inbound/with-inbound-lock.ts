import { randomInt } from "node:crypto";
import { config } from "../../config";
import { db } from "../../db";
import { TransientError } from "./is-transient-error";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` while holding a database lock on `key` (a row in the shared
 * RateLimit table, so it holds across processes on both databases): two
 * copies of one mail arriving at once are judged one after the other, and the
 * second becomes the duplicate. A lock left by a crashed process expires after
 * INBOUND_LOCK_SECONDS (the provider's retry then gets through).
 */
export async function withInboundLock<T>(
  key: string,
  fn: () => Promise<T>,
  options: { ttlMs?: number; waitMs?: number } = {},
): Promise<T> {
  const ttlMs = options.ttlMs ?? config.inboundLockSeconds * 1000;
  const deadline = Date.now() + (options.waitMs ?? 60_000);
  const lockKey = `lock:inbound:${key}`;
  const token = randomInt(1, 2 ** 31 - 1);
  for (let attempt = 0; ; attempt++) {
    const expiresAt = new Date(Date.now() + ttlMs);
    const inserted = await db.$executeRaw`
      INSERT INTO "RateLimit" ("key", "count", "expiresAt") VALUES (${lockKey}, ${token}, ${expiresAt})
      ON CONFLICT ("key") DO NOTHING`;
    if (inserted === 1) break;
    await db.$executeRaw`DELETE FROM "RateLimit" WHERE "key" = ${lockKey} AND "expiresAt" < ${new Date()}`;
    if (Date.now() > deadline) throw new TransientError(`inbound lock ${key} is busy`);
    await sleep(Math.min(50 * 2 ** attempt, 500));
  }
  try {
    return await fn();
  } finally {
    await db.$executeRaw`DELETE FROM "RateLimit" WHERE "key" = ${lockKey} AND "count" = ${token}`;
  }
}
