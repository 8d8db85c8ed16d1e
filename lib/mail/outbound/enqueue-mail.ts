import type { Tx } from "../../db";
import { enqueue } from "../../jobs/enqueue";
import type { Locale } from "../../i18n/locales";

export type MailKind =
  "auto-response" | "agent-reply" | "access-link" | "magic-link" | "notification";

export interface MailJobPayload {
  kind: MailKind;
  /** Recipient address. */
  to: string;
  locale?: Locale;
  ticketId?: number;
  /** agent-reply: the outgoing article to send; auto-response: the article it answers. */
  articleId?: number;
  /** Template variables, e.g. { link } for access and magic links, { event, message } for notifications. */
  data?: Record<string, string>;
  /** The data carries a secret (a link with a token): scrubbed once sent, never stored as an article. */
  secret?: boolean;
}

/** Queues one mail inside the caller's transaction; the worker renders and sends it. */
export async function enqueueMail(
  tx: Tx,
  payload: MailJobPayload,
  options: { runAt?: Date; dedupeKey?: string } = {},
) {
  return enqueue(tx, {
    type: "mail.send",
    payload: { ...payload },
    runAt: options.runAt,
    dedupeKey: options.dedupeKey,
    maxAttempts: 8,
  });
}
