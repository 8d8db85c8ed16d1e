import type { Tx } from "../db";
import { isLocale } from "../i18n/translate";
import { enqueueMail } from "../mail/outbound/enqueue-mail";
import { notificationSettings, type NotificationEvent } from "./preferences";

export interface NotifyInput {
  event: NotificationEvent;
  ticket: { id: number; number: string; title: string; queueId: number; ownerId: number | null };
  /** Explicit recipients; default: the owner, or else the queue's group members. */
  agentIds?: number[];
  message: string;
  /** Never notify the agent who caused the event. */
  exceptAgentId?: number | null;
  now?: Date;
}

/** Agents watching a ticket: its owner, or when it has none, everyone in the queue's group. */
export async function ticketWatchers(tx: Tx, ticket: { queueId: number; ownerId: number | null }) {
  if (ticket.ownerId) return [ticket.ownerId];
  const members = await tx.groupMember.findMany({
    where: { group: { queues: { some: { id: ticket.queueId } } } },
    select: { agentId: true },
  });
  return members.map((m) => m.agentId);
}

/** In-app notifications and notification mails, as each agent chose; out-of-office agents get no mail. */
export async function notifyAgents(tx: Tx, input: NotifyInput) {
  const now = input.now ?? new Date();
  const ids = (input.agentIds ?? (await ticketWatchers(tx, input.ticket))).filter(
    (id) => id !== input.exceptAgentId,
  );
  if (ids.length === 0) return 0;
  const agents = await tx.agent.findMany({
    where: { id: { in: [...new Set(ids)] }, active: true },
  });
  for (const agent of agents) {
    const choice = notificationSettings(agent.notificationSettings)[input.event];
    if (choice.app) {
      await tx.notification.create({
        data: {
          agentId: agent.id,
          ticketId: input.ticket.id,
          type: input.event,
          message: input.message,
        },
      });
    }
    const away =
      agent.outOfOfficeFrom &&
      agent.outOfOfficeTo &&
      agent.outOfOfficeFrom <= now &&
      now <= agent.outOfOfficeTo;
    if (choice.mail && !away) {
      await enqueueMail(tx, {
        kind: "notification",
        to: agent.email,
        locale: isLocale(agent.locale) ? agent.locale : undefined,
        ticketId: input.ticket.id,
        data: { event: input.event, message: input.message },
      });
    }
  }
  return agents.length;
}
