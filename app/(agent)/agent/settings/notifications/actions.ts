"use server";

import { revalidatePath } from "next/cache";
import { agentFormAction } from "@/lib/actions/agent-action";
import { saveNotificationSettings } from "@/lib/notifications/notification-settings";
import { notificationSettingsFormSchema } from "@/lib/notifications/preferences";

export const saveSettings = agentFormAction({
  name: "saveNotificationSettings",
  schema: notificationSettingsFormSchema,
  run: async ({ agent, input }) => {
    await saveNotificationSettings(agent.id, input);
    revalidatePath("/agent/settings/notifications");
  },
});
