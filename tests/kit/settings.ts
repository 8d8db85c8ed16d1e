// Changes desk settings in a test as an admin would (lib/settings), so the next read in
// this process sees them (the cache is reset by updateSettings).
import { db } from "../../lib/db";
import { forgetCachedSettings } from "../../lib/settings/get-settings";
import { seedDatabase } from "../../lib/setup/seed";
import type { SettingsUpdate } from "../../lib/settings/schemas";
import { updateSettings } from "../../lib/settings/update-settings";

/** Stores `values` as the seeded admin (audited like a change on the settings page). */
export async function changeSettings(values: SettingsUpdate) {
  await seedDatabase();
  const admin = await db.agent.findFirstOrThrow({
    where: { role: "admin" },
    orderBy: { id: "asc" },
  });
  return updateSettings({ actor: { agentId: admin.id, name: admin.name, via: "web" }, values });
}

/** Removes every stored setting: the next read falls back to the initial values (environment). */
export async function resetSettings() {
  await db.setting.deleteMany();
  forgetCachedSettings();
}
