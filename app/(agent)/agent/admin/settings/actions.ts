"use server";

import { revalidatePath } from "next/cache";
import { agentFormAction } from "@/lib/actions/agent-action";
import { auditActor } from "@/lib/admin/audit-actor";
import { settingsUpdateSchema } from "@/lib/settings/schemas";
import { updateSettings } from "@/lib/settings/update-settings";

export const saveSettings = agentFormAction({
  name: "saveSettings",
  role: "admin",
  schema: settingsUpdateSchema,
  run: async ({ agent, input }) => {
    const changed = await updateSettings({ actor: auditActor(agent, "web"), values: input });
    revalidatePath("/agent/admin/settings");
    return { changed };
  },
});
