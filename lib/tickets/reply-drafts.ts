import { randomBytes } from "node:crypto";
import type { Scope } from "../access/scope";
import { db, transaction, type Tx } from "../db";
import { NotFoundError } from "../errors";
import { findWritableTicketId } from "./find-writable-ticket";
import type { ReplyDraftInput } from "./schemas";

/** How long an unsent reply is kept (30 days). */
const DRAFT_DAYS = 30;

/** An unsent reply as the form shows it again: what was typed, and why it was refused. */
export interface ReplyDraft {
  values: Partial<Omit<ReplyDraftInput, "number">>;
  fieldErrors?: Record<string, string[]>;
  formError?: string;
  /** Files sent with a refused reply: to be chosen again (browsers cannot refill them). */
  reselect?: string[];
}

const draftScope = (ticketId: number, agentId: number) => `agent-reply:${ticketId}:${agentId}`;

/**
 * Keeps the agent's unsent reply to a ticket they may write (one per agent and ticket, in
 * FormDraft), so it is there again when they come back; NotFoundError otherwise.
 */
export async function saveReplyDraft(options: {
  scope: Scope;
  agentId: number;
  number: string;
  draft: ReplyDraft;
  now?: Date;
}) {
  const now = options.now ?? new Date();
  const ticketId = await findWritableTicketId({ scope: options.scope, number: options.number });
  if (!ticketId) throw new NotFoundError("Ticket not found");
  const scope = draftScope(ticketId, options.agentId);
  await transaction(async (tx) => {
    await tx.formDraft.deleteMany({ where: { scope } });
    await tx.formDraft.create({
      data: {
        id: randomBytes(18).toString("base64url"),
        scope,
        payload: JSON.stringify(options.draft),
        expiresAt: new Date(now.getTime() + DRAFT_DAYS * 86_400_000),
      },
    });
  });
}

/** The agent's kept reply to the ticket, or null. */
export async function readReplyDraft(options: {
  agentId: number;
  ticketId: number;
  now?: Date;
}): Promise<ReplyDraft | null> {
  const draft = await db.formDraft.findFirst({
    where: {
      scope: draftScope(options.ticketId, options.agentId),
      expiresAt: { gt: options.now ?? new Date() },
    },
  });
  return draft ? (JSON.parse(draft.payload) as ReplyDraft) : null;
}

/** Forgets the agent's kept reply (it was sent) — inside the sending transaction. */
export async function deleteReplyDraft(tx: Tx, options: { agentId: number; ticketId: number }) {
  await tx.formDraft.deleteMany({
    where: { scope: draftScope(options.ticketId, options.agentId) },
  });
}
