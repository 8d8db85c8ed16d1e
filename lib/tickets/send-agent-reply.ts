import { getAttachmentLimits } from "../portal/limits";
import { getSettings } from "../settings/get-settings";
import { writableTickets, type Scope } from "../access/scope";
import { agentActor } from "../actor";
import { transaction } from "../db";
import { assertTicketVersion } from "./assert-ticket-version";
import { takeLockForReply } from "./ticket-lock";
import { NotFoundError, UserFacingError } from "../errors";
import { addArticleInTx } from "./add-article";
import { composeAgentArticle } from "./compose-agent-article";
import { findOriginalAttachments } from "./find-original-attachments";
import { deleteReplyDraft } from "./reply-drafts";
import type { ReplyInput } from "./schemas";
import { updateTicketInTx } from "./update-ticket";
import { dateFromWallTime } from "./wall-time";
import type { NewAttachment } from "./write-article";

export interface SendAgentReplyInput {
  scope: Scope;
  agent: { id: number; email: string };
  /** Parsed by replySchema (attachments read by the route). */
  input: Omit<ReplyInput, "attachments" | "originalAttachments"> & {
    /** Ids of earlier articles' attachments to send along (findOriginalAttachments). */
    originalAttachments?: number[];
  };
  /** The new files, uploaded with the form. */
  attachments: NewAttachment[];
  now?: Date;
}

/**
 * An agent's reply, reply-all or forward by e-mail: the outgoing article (To, Cc, subject,
 * text, attachments — new files and, by id, the ticket's own earlier ones sent along
 * with the same bytes: findOriginalAttachments; Bcc only on the mail job), its mail job
 * (sent by the worker From
 * "<agent> via <desk>" with the thread's headers: compose-mail.ts), the next state if
 * chosen (pending time in TIME_ZONE), and the agent's kept draft deleted — one transaction.
 * NotFoundError when the scope cannot write the ticket or an attachment id is not one of
 * its own; past the attachment limits a field error; a merged ticket takes no reply.
 */
export async function sendAgentReply(options: SendAgentReplyInput) {
  const { scope, agent, input } = options;
  const now = options.now ?? new Date();
  const pendingUntil =
    input.nextState.startsWith("pending_") && input.pendingUntil
      ? dateFromWallTime(input.pendingUntil, (await getSettings()).timeZone)
      : undefined;
  const limits = await getAttachmentLimits();
  return transaction(async (tx) => {
    const ticket = await tx.ticket.findFirst({
      where: { number: input.number, ...writableTickets(scope) },
      select: { id: true, title: true, state: true, customer: { select: { email: true } } },
    });
    if (!ticket) throw new NotFoundError("Ticket not found");
    if (ticket.state === "merged") {
      throw new UserFacingError("The ticket was merged", "conflict", undefined, "merged");
    }
    // A customer mail (or a colleague's change) since the page was loaded: refused, so the
    // agent sees it before sending (issue 15); the typed reply comes back to the form.
    await assertTicketVersion(tx, { ticketId: ticket.id, expected: input.version, scope });
    // As OTRS: replying takes the lock and, when the ticket has no owner, the ownership
    // (a colleague's active lock stays theirs; the form warned before sending).
    await takeLockForReply(tx, { ticketId: ticket.id, agentId: agent.id, now });
    const originals = await findOriginalAttachments(tx, {
      ticketId: ticket.id,
      ids: input.originalAttachments ?? [],
      uploads: options.attachments.length,
      limits,
    });
    const article = composeAgentArticle({
      channel: "email",
      ticket,
      agent,
      text: input.body,
      subject: input.subject,
    });
    const { article: created } = await addArticleInTx(tx, {
      ticketId: ticket.id,
      scope,
      actor: agentActor(agent.id),
      article: {
        ...article,
        toAddress: input.to,
        cc: input.cc,
        attachments: [...originals, ...options.attachments],
      },
      mail: { bcc: input.bcc },
      now,
    });
    if (input.nextState) {
      await updateTicketInTx(tx, {
        ticketId: ticket.id,
        changes: { state: input.nextState, ...(pendingUntil ? { pendingUntil } : {}) },
        actor: agentActor(agent.id),
        scope,
        now,
      });
    }
    await deleteReplyDraft(tx, { agentId: agent.id, ticketId: ticket.id });
    return { ticketId: ticket.id, articleId: created.id };
  });
}
