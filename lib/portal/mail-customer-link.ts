import { config } from "../config";
import { transaction, type Tx } from "../db";
import { isLocale, type Locale } from "../i18n/translate";
import { enqueueMail } from "../mail/outbound/enqueue-mail";
import { generateToken, hashCustomerToken } from "./tokens";

export interface CustomerLinkInput {
  kind: "access" | "magic";
  customer: { id: number; email: string; locale: string | null };
  /** Access links open one ticket; magic links all of the customer's. */
  ticket?: { id: number; number: string };
  lifetimeMs: number;
  /** Used when the customer has no language of their own. */
  locale: Locale;
  now: Date;
}

export function accessUrl(token: string): string {
  return `${config.appUrl}/access/${token}`;
}

/** "30 November 2026, 14:05 UTC": a link's expiry in the recipient's language and the desk's zone. */
export function formatLinkExpiry(expiresAt: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: config.timeZone,
    timeZoneName: "short",
  }).format(expiresAt);
}

/**
 * Stores a new random customer token (only its hash) and returns the token
 * itself, to be mailed once. Access tokens open one ticket, magic tokens all
 * of the customer's.
 */
export async function issueCustomerToken(
  tx: Tx,
  input: {
    kind: "access" | "magic";
    customerId: number;
    ticketId?: number | null;
    lifetimeMs: number;
    now: Date;
  },
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateToken();
  const expiresAt = new Date(input.now.getTime() + input.lifetimeMs);
  await tx.customerToken.create({
    data: {
      kind: input.kind,
      tokenHash: hashCustomerToken(token),
      customerId: input.customerId,
      ticketId: input.ticketId ?? null,
      expiresAt,
      createdAt: input.now,
    },
  });
  return { token, expiresAt };
}

/**
 * Stores a new random token (hashed) and queues the mail carrying its link, in
 * one transaction. The mail job is marked secret: the link leaves the database
 * once sent and never becomes an article. Pass `inTx` to commit them with the
 * caller's own writes (a job handler's completion).
 */
export async function mailCustomerLink(input: CustomerLinkInput, inTx?: Tx) {
  const locale = isLocale(input.customer.locale) ? input.customer.locale : input.locale;
  const write = async (tx: Tx) => {
    const { token, expiresAt } = await issueCustomerToken(tx, {
      kind: input.kind,
      customerId: input.customer.id,
      ticketId: input.ticket?.id,
      lifetimeMs: input.lifetimeMs,
      now: input.now,
    });
    await enqueueMail(tx, {
      kind: input.kind === "access" ? "access-link" : "magic-link",
      to: input.customer.email,
      locale,
      ticketId: input.ticket?.id,
      data: {
        link: accessUrl(token),
        expires: formatLinkExpiry(expiresAt, locale),
        ...(input.ticket ? { number: input.ticket.number } : {}),
      },
      secret: true,
    });
  };
  await (inTx ? write(inTx) : transaction(write));
}
