// The provider-neutral shape every inbound message is turned into (from raw
// MIME or from Resend's JSON) before it is classified, threaded and stored.
import { createHash } from "node:crypto";

export interface MailAddress {
  address: string; // lower-cased
  name: string;
}

export interface InboundAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
  contentId: string | null; // without angle brackets
  isInline: boolean;
}

export interface InboundMail {
  messageId: string | null; // "<id@host>"
  inReplyTo: string | null;
  references: string[];
  subject: string;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  /** Addresses the mail was delivered to (To, Cc, Delivered-To, X-Original-To …), for queue routing. */
  recipients: string[];
  date: Date | null;
  /** Top-level headers in order, [lower-cased name, unfolded raw value]. */
  headers: [string, string][];
  /** Top-level content type, lower-cased, without parameters. */
  contentType: string;
  /** The content type's parameters, e.g. report-type. */
  contentTypeParams: Record<string, string>;
  text: string;
  /** As received (unsanitised); sanitise before storage. */
  html: string | null;
  attachments: InboundAttachment[];
}

export function headerValue(mail: Pick<InboundMail, "headers">, name: string): string | null {
  const found = mail.headers.find(([key]) => key === name);
  return found ? found[1] : null;
}

/** Postgres text cannot hold NUL; mail sometimes does. */
export const stripNul = (value: string) => value.replace(/\u0000/g, "");

export function formatAddress(address: MailAddress): string {
  return address.name ? `${address.name} <${address.address}>` : address.address;
}

/**
 * DESIGN "Duplicates": the same mail (redelivered, or sent to two of our
 * addresses) has the same decoded content. Sender, date and subject are part
 * of it so that two different mails without a Message-ID and with the same
 * short body ("Thanks!") are not taken for one.
 */
export function computeContentHash(mail: InboundMail): string {
  const hash = createHash("sha256");
  const field = (value: string) => hash.update(`${Buffer.byteLength(value)}:`).update(value);
  field(mail.from?.address ?? "");
  field(mail.date ? mail.date.toISOString() : "");
  field(mail.subject);
  field(mail.text);
  field(mail.html ?? "");
  for (const attachment of mail.attachments)
    field(createHash("sha256").update(attachment.content).digest("hex"));
  return hash.digest("hex");
}

/**
 * True for a delivery that says nothing: no sender, and no subject, text,
 * visible HTML text or attachment (an empty or garbled upload). It cannot be
 * answered or read, and its content hash would equal that of every other empty
 * delivery, so it is kept as `failed` instead of becoming a ticket (issue 10).
 */
export function isEmptyMail(mail: InboundMail): boolean {
  const visible = (mail.html ?? "").replace(/<[^>]*>|&nbsp;/gi, "");
  return (
    !mail.from &&
    !mail.subject.trim() &&
    !mail.text.trim() &&
    !visible.trim() &&
    mail.attachments.length === 0
  );
}
