import { config } from "../config";
import { db, transaction } from "../db";
import {
  generateToken,
  hashCustomerToken,
  isWellFormedToken,
  type CustomerTokenKind,
} from "./tokens";

export interface ExchangeResult {
  /** New session token for the cookie; null = keep the browser's current (wider) session. */
  sessionToken: string | null;
  expiresAt: Date;
  /** Where to go next: a URL without the link's token. */
  redirectTo: string;
}

/**
 * Exchanges an access link (reusable until it expires, opens one ticket) or a
 * sign-in link (single use, opens all the customer's tickets) for a customer
 * session. Null for anything unknown, expired or used: callers show "not found".
 * A browser that already holds a session for all of the same customer's
 * tickets keeps it rather than narrowing it to one ticket.
 *
 * Only a live link opens a transaction: on SQLite that takes the write lock,
 * so a flood of made-up tokens must not get that far.
 */
export async function exchangeToken(options: {
  token: string;
  currentSessionToken?: string | null;
  now?: Date;
}): Promise<ExchangeResult | null> {
  const now = options.now ?? new Date();
  if (!isWellFormedToken(options.token)) return null;
  const link = await db.customerToken.findUnique({
    where: { tokenHash: hashCustomerToken(options.token) },
    include: { ticket: { select: { number: true } } },
  });
  if (!link || (link.kind !== "access" && link.kind !== "magic") || link.expiresAt <= now) {
    return null;
  }
  if (link.kind === "magic" && link.usedAt) return null;
  if (link.kind === "access" && !link.ticket) return null;
  const redirectTo = link.kind === "access" ? `/tickets/${link.ticket!.number}` : "/my-requests";

  return transaction(async (tx) => {
    // Decided again inside: single use for sign-in links, atomically (a
    // concurrent exchange may have won); access links only note their first use.
    const marked = await tx.customerToken.updateMany({
      where: {
        id: link.id,
        expiresAt: { gt: now },
        ...(link.kind === "magic" ? { usedAt: null } : {}),
      },
      data: { usedAt: link.kind === "magic" ? now : (link.usedAt ?? now) },
    });
    if (marked.count !== 1) return null;

    const current = isWellFormedToken(options.currentSessionToken)
      ? await tx.customerToken.findUnique({
          where: { tokenHash: hashCustomerToken(options.currentSessionToken) },
        })
      : null;
    const currentIsLive = current?.kind === "session" && current.expiresAt > now;
    if (currentIsLive && current.customerId === link.customerId && current.ticketId === null) {
      return { sessionToken: null, expiresAt: current.expiresAt, redirectTo };
    }
    if (current?.kind === "session") {
      await tx.customerToken.deleteMany({ where: { id: current.id } });
    }

    const sessionEnd = now.getTime() + config.portalSessionHours * 3_600_000;
    const expiresAt = new Date(
      link.kind === "access" ? Math.min(sessionEnd, link.expiresAt.getTime()) : sessionEnd,
    );
    const sessionToken = generateToken();
    await tx.customerToken.create({
      data: {
        kind: "session" satisfies CustomerTokenKind,
        tokenHash: hashCustomerToken(sessionToken),
        customerId: link.customerId,
        ticketId: link.kind === "access" ? link.ticketId : null,
        expiresAt,
        createdAt: now,
      },
    });
    return { sessionToken, expiresAt, redirectTo };
  });
}
