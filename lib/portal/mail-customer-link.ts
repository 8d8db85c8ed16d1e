import { config } from "../config";
import { transaction, type Tx } from "../db";
import { localeOr, type Locale } from "../i18n/locales";
import { enqueueMail } from "../mail/outbound/enqueue-mail";
import { generateToken, hashCustomerToken, type CustomerLinkKind } from "./tokens";

export interface CustomerLinkInput {
  kind: CustomerLinkKind;
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
  const locale = localeOr(input.customer.locale, input.locale);
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
        // ISO time: the mail renders it in the recipient's language (mail.*.body).
        expires: expiresAt.toISOString(),
        ...(input.ticket ? { number: input.ticket.number } : {}),
      },
      secret: true,
    });
  };
  await (inTx ? write(inTx) : transaction(write));
}
