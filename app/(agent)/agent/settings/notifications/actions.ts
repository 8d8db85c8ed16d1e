"use server";

import { revalidatePath } from "next/cache";
import { requireAgent } from "@/lib/auth/session";
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
