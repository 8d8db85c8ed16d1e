import { db } from "../db";
import { parseNotificationSettings, type NotificationSettings } from "./preferences";

export async function getNotificationSettings(agentId: number): Promise<NotificationSettings> {
  const agent = await db.agent.findUniqueOrThrow({
    where: { id: agentId },
    select: { notificationSettings: true },
  });
  return parseNotificationSettings(agent.notificationSettings);
}

export async function saveNotificationSettings(agentId: number, settings: NotificationSettings) {
  await db.agent.update({ where: { id: agentId }, data: { notificationSettings: settings } });
}
