import type { Prisma, Tx } from "../db";
import { initialSettings } from "./registry";
import { SETTING_KEYS } from "./schemas";

/**
 * Writes each setting that has no row yet with its initial value from the environment
 * (first start, or a key added by an update). Existing rows are never touched: after the
 * first start the database wins over the environment. Run inside the seed's transaction.
 */
export async function seedSettings(tx: Tx) {
  const initial = initialSettings();
  const existing = new Set(
    (await tx.setting.findMany({ select: { key: true } })).map((row) => row.key),
  );
  for (const key of SETTING_KEYS) {
    if (existing.has(key)) continue;
    await tx.setting.create({
      data: { key, value: initial[key] as Prisma.InputJsonValue },
    });
  }
}
