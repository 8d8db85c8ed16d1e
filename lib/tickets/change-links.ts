import type { Actor } from "../actor";
import { writableTickets, type Scope } from "../access/scope";
import { transaction } from "../db";
import { UserFacingError } from "../errors";
import { assertTicketVersion } from "./assert-ticket-version";
import type { LinkFormInput } from "./collab-schemas";
import { linkTickets } from "./link-tickets";
import { unlinkTickets } from "./unlink-tickets";

interface ChangeOptions {
  actor: Actor;
  /** The caller's scope: it must be able to write both tickets. */
  scope: Scope;
}

/**
 * The zoom's link form: links the ticket to another by number as related, parent or child,
 * after the version check; linking again is a no-op. An unknown or unwritable number is a
 * field error on `otherNumber`.
 */
export async function linkTicketByNumber(input: LinkFormInput & ChangeOptions): Promise<void> {
  await transaction(async (tx) => {
    await assertTicketVersion(tx, {
      ticketId: input.ticketId,
      expected: input.version,
      scope: input.scope,
    });
    const other = await tx.ticket.findFirst({
      where: { number: input.otherNumber, ...writableTickets(input.scope) },
      select: { id: true },
    });
    if (!other || other.id === input.ticketId)
      throw new UserFacingError(
        "No such ticket",
        "validation",
        { otherNumber: ["notFound"] },
        "notFound",
      );
    const [sourceId, targetId] =
      input.kind === "child" ? [other.id, input.ticketId] : [input.ticketId, other.id];
    await linkTickets(tx, {
      type: input.kind === "normal" ? "normal" : "parent_child",
      sourceId,
      targetId,
      actor: input.actor,
      scope: input.scope,
    });
  });
}

/** The zoom's unlink button: removes one of the ticket's links after the version check. */
export async function removeTicketLink(
  input: { ticketId: number; version: number; linkId: number } & ChangeOptions,
): Promise<void> {
  await transaction(async (tx) => {
    await assertTicketVersion(tx, {
      ticketId: input.ticketId,
      expected: input.version,
      scope: input.scope,
    });
    const link = await tx.ticketLink.findFirst({
      where: {
        id: input.linkId,
        OR: [{ sourceId: input.ticketId }, { targetId: input.ticketId }],
      },
      select: { id: true },
    });
    await unlinkTickets(tx, { linkId: link?.id ?? 0, actor: input.actor, scope: input.scope });
  });
}
