import { readableTicketRows, type Scope } from "../access/scope";
import { db, type Prisma } from "../db";

export interface NotificationsOptions {
  /** The signed-in agent's scope: notifications about tickets it can no longer read are left out. */
  scope: Scope;
  agentId: number;
}

function visibleTo(options: NotificationsOptions): Prisma.NotificationWhereInput {
  const rows = readableTicketRows(options.scope);
  if (!rows.ticket) return { agentId: options.agentId };
  return { agentId: options.agentId, OR: [{ ticketId: null }, rows] };
}

/** Unread notifications of the agent (the badge in the agent header). */
export async function countUnreadNotifications(options: NotificationsOptions) {
  return db.notification.count({ where: { ...visibleTo(options), readAt: null } });
}

/** The agent's notifications, newest first, with the ticket's number and title. */
export async function listNotifications(options: NotificationsOptions & { limit?: number }) {
  const limit = options.limit ?? 100;
  return db.notification.findMany({
    where: visibleTo(options),
    orderBy: { createdAt: "desc" },
    take: limit,
    include: { ticket: { select: { number: true, title: true } } },
  });
}

export async function markNotificationsRead(agentId: number, now = new Date()) {
  await db.notification.updateMany({ where: { agentId, readAt: null }, data: { readAt: now } });
}
