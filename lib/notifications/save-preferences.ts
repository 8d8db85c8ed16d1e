import { db } from "../db";
import type { NotificationSettings } from "./preferences";

export async function saveNotificationSettings(agentId: number, settings: NotificationSettings) {
  await db.agent.update({ where: { id: agentId }, data: { notificationSettings: settings } });
}

export async function getNotificationSettingsRaw(agentId: number) {
  const agent = await db.agent.findUniqueOrThrow({
    where: { id: agentId },
    select: { notificationSettings: true },
  });
  return agent.notificationSettings;
}
