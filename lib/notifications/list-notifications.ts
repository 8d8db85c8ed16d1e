import { db } from "../db";

export async function countUnreadNotifications(agentId: number) {
  return db.notification.count({ where: { agentId, readAt: null } });
}

export async function listNotifications(agentId: number, limit = 100) {
  return db.notification.findMany({
    where: { agentId },
    orderBy: { createdAt: "desc" },
    take: limit,
    include: { ticket: { select: { number: true, title: true } } },
  });
}

export async function markNotificationsRead(agentId: number, now = new Date()) {
  await db.notification.updateMany({ where: { agentId, readAt: null }, data: { readAt: now } });
}
