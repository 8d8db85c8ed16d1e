import { recordAudit, type AuditActor } from "../admin/record-audit";
import { transaction, type Prisma } from "../db";
import { forgetCachedSettings, loadSettings } from "./get-settings";
import { SETTING_KEYS, type SettingKey, type Settings, type SettingsUpdate } from "./schemas";

/**
 * Stores the given settings (already parsed by settingsUpdateSchema) and writes one audit
 * entry per changed key (`setting.update`, old → new) in the same transaction. Keys whose
 * value did not change are neither written nor audited. This process sees the change at
 * once; other processes within SETTINGS_TTL_MS. Returns the keys that changed.
 */
export async function updateSettings(options: {
  actor: AuditActor;
  values: SettingsUpdate;
}): Promise<SettingKey[]> {
  const changed = await transaction(async (tx) => {
    const current = await loadSettings(tx);
    const keys: SettingKey[] = [];
    for (const key of SETTING_KEYS) {
      const value = options.values[key];
      if (value === undefined) continue;
      const audited = await recordAudit(tx, {
        actor: options.actor,
        action: "setting.update",
        objectType: "setting",
        objectId: key,
        objectName: key,
        before: { value: current[key] },
        after: { value },
      });
      if (!audited) continue;
      const json = value as Prisma.InputJsonValue;
      await tx.setting.upsert({
        where: { key },
        create: { key, value: json },
        update: { value: json },
      });
      keys.push(key);
    }
    return keys;
  });
  forgetCachedSettings();
  return changed;
}

export type { Settings };
