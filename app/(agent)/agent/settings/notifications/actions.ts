"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { agentButtonAction, agentFormAction } from "@/lib/actions/agent-action";
import { setAgentLocale } from "@/lib/agents/agent-locale";
import { agentLanguageSchema } from "@/lib/agents/schemas";
import { rememberLocale } from "@/lib/i18n/locale-cookie";
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

/** The agent's language (app and mails to them); also remembered for this browser. */
export const saveLanguage = agentButtonAction({
  name: "saveAgentLanguage",
  schema: agentLanguageSchema,
  run: async ({ agent, input }) => {
    await setAgentLocale(agent.id, input.locale);
    await rememberLocale(input.locale);
    redirect("/agent/settings/notifications?language=saved");
  },
});
