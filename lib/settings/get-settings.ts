// Reading the settings, in every process: a small in-process cache that lives at most
// SETTINGS_TTL_MS, so a change made through one web process (or the API) is in force in
// every other process within that time, without a restart and without a query per use.
import { currentTransaction, db, type Db, type Tx } from "../db";
import { initialSettings } from "./registry";
import { SETTING_KEYS, settingSchemas, type SettingKey, type Settings } from "./schemas";

/** How long a process keeps the settings it read: the delay until a change is in force everywhere. */
export const SETTINGS_TTL_MS = 3000;

interface Cached {
  settings: Settings;
  readAt: number;
}
const state = globalThis as unknown as {
  helpdeskSettings?: Cached | null;
  helpdeskSettingsLoad?: Promise<Settings> | null;
};

/**
 * The desk's settings (issue 14, item 6): the stored value of each key, else its initial
 * value from the environment (a key added after first start, until seedSettings writes it).
 * A stored value its schema refuses is logged and replaced by the initial value. Cached
 * for up to SETTINGS_TTL_MS per process. Inside a transaction a miss reads through that
 * transaction, never a second pooled connection (which could starve the pool); outside,
 * concurrent misses share one read.
 */
export async function getSettings(now = Date.now()): Promise<Settings> {
  const cached = state.helpdeskSettings;
  if (cached && now - cached.readAt >= 0 && now - cached.readAt < SETTINGS_TTL_MS)
    return cached.settings;
  const tx = currentTransaction();
  const settings = tx
    ? await loadSettings(tx)
    : await (state.helpdeskSettingsLoad ??= loadSettings(db).finally(() => {
        state.helpdeskSettingsLoad = null;
      }));
  state.helpdeskSettings = { settings, readAt: now };
  return settings;
}

/** The settings as stored now, past any cache (e.g. inside a transaction that changes them). */
export async function loadSettings(client: Db | Tx): Promise<Settings> {
  const rows = await client.setting.findMany({ where: { key: { in: SETTING_KEYS } } });
  const settings = initialSettings();
  for (const row of rows) {
    const key = row.key as SettingKey;
    const parsed = settingSchemas[key].safeParse(row.value);
    if (parsed.success) (settings as Record<SettingKey, unknown>)[key] = parsed.data;
    else console.warn(`setting ${key}: stored value refused, using the initial one`, row.value);
  }
  return settings;
}

/** One setting (see getSettings). */
export async function getSetting<K extends SettingKey>(key: K): Promise<Settings[K]> {
  return (await getSettings())[key];
}

/** Forgets this process's copy, so the next read sees the database (after a change, in tests). */
export function forgetCachedSettings() {
  state.helpdeskSettings = null;
  state.helpdeskSettingsLoad = null;
}
