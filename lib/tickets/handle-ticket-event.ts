import { db, transaction, type Tx } from "../db";
import type { TicketEventPayload } from "../jobs/job-types";
import type { JobContext } from "../jobs/worker";
import { findQueueMembers, notifyAgents } from "../notifications/notify-agents";

/** Jobs queued before the flag was in the payload: the stored article says. */
async function isAutomaticArticle(tx: Tx, articleId: number | undefined) {
  if (!articleId) return false;
  const article = await tx.article.findUnique({
    where: { id: articleId },
    select: { isAutomatic: true },
  });
  return article?.isAutomatic === true;
}

/** Job handler for "ticket.event": turns domain events into agent notifications. */
export async function handleTicketEvent(payload: TicketEventPayload, ctx: JobContext) {
  const ticket = await db.ticket.findUnique({ where: { id: payload.ticketId } });
  if (!ticket) return; // deleted meanwhile
  const summary = `${ticket.number} — ${ticket.title}`;
  await transaction(async (tx) => {
    switch (payload.event) {
      case "created": {
        await notifyAgents(tx, {
          event: "new_ticket",
          ticket,
          agentIds: await findQueueMembers(tx, ticket.queueId),
          message: summary,
          now: ctx.now,
        });
        break;
      }
      case "follow_up":
        if (payload.isAutomatic || (await isAutomaticArticle(tx, payload.articleId))) break;
        await notifyAgents(tx, {
          event: "follow_up",
          ticket,
          message: summary,
          isForeignSender: payload.isForeignSender,
          now: ctx.now,
        });
        break;
      case "assigned":
        if (payload.ownerId) {
          await notifyAgents(tx, {
            event: "assigned",
            ticket,
            agentIds: [payload.ownerId],
            message: summary,
            now: ctx.now,
          });
        }
        break;
      default:
        break; // agent articles notify nobody
    }
    await ctx.complete(tx);
  });
}
