"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { setAgentLocale } from "@/lib/agents/agent-locale";
import { requireAgent } from "@/lib/auth/session";
import { rememberLocale } from "@/lib/i18n/locale-cookie";
import { isLocale } from "@/lib/i18n/locales";
import { NOTIFICATION_EVENTS, parseNotificationSettings } from "@/lib/notifications/preferences";
import { saveNotificationSettings } from "@/lib/notifications/notification-settings";

export async function saveSettings(_prev: { saved: boolean }, formData: FormData) {
  const agent = await requireAgent();
  const settings = parseNotificationSettings(
    Object.fromEntries(
      NOTIFICATION_EVENTS.map((event) => [
        event,
        {
          app: formData.get(`${event}.app`) === "on",
          mail: formData.get(`${event}.mail`) === "on",
        },
      ]),
    ),
  );
  await saveNotificationSettings(agent.id, settings);
  revalidatePath("/agent/settings/notifications");
  return { saved: true };
}

/** The agent's language (app and mails to them); also remembered for this browser. */
export async function saveLanguage(formData: FormData) {
  const agent = await requireAgent();
  const locale = formData.get("locale");
  if (!isLocale(locale)) redirect("/agent/settings/notifications");
  await setAgentLocale(agent.id, locale);
  await rememberLocale(locale);
  redirect("/agent/settings/notifications?language=saved");
}
