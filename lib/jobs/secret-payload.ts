import type { Prisma } from "../db";

/**
 * Job payload convention: a payload with `secret: true` keeps its secret
 * values (a link with a token) under `data`. Once the job is done or dead they
 * are dropped, so the job table keeps no secret.
 */
export function withoutSecrets(
  payload: Prisma.JsonValue | undefined,
): Prisma.InputJsonValue | undefined {
  const value = payload as { secret?: boolean } | null | undefined;
  return value?.secret
    ? { ...(payload as Prisma.JsonObject), data: {}, secretWithheld: true }
    : undefined;
}
