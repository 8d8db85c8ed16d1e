import { isAway, presentAgents } from "../agents/out-of-office";
import { insertRows, type Tx } from "../db";
import { DEFAULT_LOCALE, localeOr } from "../i18n/locales";
import { enqueueMail } from "../mail/outbound/enqueue-mail";
import { parseNotificationSettings, type NotificationEvent } from "./preferences";

export interface NotifyInput {
  event: NotificationEvent;
  ticket: { id: number; number: string; title: string; queueId: number; ownerId: number | null };
  /** Explicit recipients; default: the owner, or else the queue's group members. */
  agentIds?: number[];
  /** In-app text (language-neutral: "number — title"); mails are written from the catalogue. */
  message: string;
  /** A follow-up whose sender is not the ticket's customer: the mail says so. */
  isForeignSender?: boolean;
  /** Never notify the agent who caused the event. */
  exceptAgentId?: number | null;
  now?: Date;
}

/** Agents of the group that owns the queue. */
export async function findQueueMembers(tx: Tx, queueId: number) {
  const members = await tx.groupMember.findMany({
    where: { group: { queues: { some: { id: queueId } } } },
    select: { agentId: true },
  });
  return members.map((m) => m.agentId);
}

/** Agents watching a ticket: its owner, or when it has none, everyone in the queue's group. */
export async function findTicketWatchers(
  tx: Tx,
  ticket: { queueId: number; ownerId: number | null },
) {
  return ticket.ownerId ? [ticket.ownerId] : findQueueMembers(tx, ticket.queueId);
}

/**
 * In-app notifications and notification mails, as each agent chose; out-of-office agents get
 * no mail, and what was meant for one also goes to the present members of the queue's group. Each mail is queued in the agent's stored language (Agent.locale, default English).
 */
export async function notifyAgents(tx: Tx, input: NotifyInput) {
  const now = input.now ?? new Date();
  const ids = (input.agentIds ?? (await findTicketWatchers(tx, input.ticket))).filter(
    (id) => id !== input.exceptAgentId,
  );
  if (ids.length === 0) return 0;
  const addressed = await tx.agent.findMany({
    where: { id: { in: [...new Set(ids)] }, active: true },
  });
  // Meant for someone away (issue 16): the queue's group hears it too, those present.
  const standIns = addressed.some((agent) => isAway(agent, now))
    ? await tx.agent.findMany({
        where: {
          id: {
            in: (await findQueueMembers(tx, input.ticket.queueId)).filter(
              (id) => id !== input.exceptAgentId && !ids.includes(id),
            ),
          },
          active: true,
          ...presentAgents(now),
        },
      })
    : [];
  const agents = [...addressed, ...standIns];
  const choices = agents.map((agent) => ({
    agent,
    choice: parseNotificationSettings(agent.notificationSettings)[input.event],
  }));
  await insertRows(
    choices
      .filter(({ choice }) => choice.app)
      .map(({ agent }) => ({
        agentId: agent.id,
        ticketId: input.ticket.id,
        type: input.event,
        message: input.message,
      })),
    {
      one: (data) => tx.notification.create({ data, select: { id: true } }),
      many: (data) => tx.notification.createManyAndReturn({ data, select: { id: true } }),
    },
  );
  for (const { agent, choice } of choices) {
    if (choice.mail && !isAway(agent, now)) {
      await enqueueMail(tx, {
        kind: "notification",
        to: agent.email,
        // The agent's own language, never the customer's (issue 9).
        locale: localeOr(agent.locale, DEFAULT_LOCALE),
        ticketId: input.ticket.id,
        data: {
          event: input.event,
          ...(input.isForeignSender ? { foreignSender: "true" } : {}),
        },
      });
    }
  }
  return agents.length;
}
