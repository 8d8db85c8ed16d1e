import libmime from "libmime";
import type { InboundMail, MailAddress } from "./inbound-mail";
import { stripNul } from "./inbound-mail";
import { parseHeaderBlock } from "./parse-headers";
import { parseMailbox } from "./parse-address";

// Separator lines mail clients put above an inline forward or quoted original
// (Gmail, Outlook, Apple Mail, Thunderbird; English and German).
const FORWARD_MARKER =
  /^\s*(-{2,}\s*(forwarded message|original message|weitergeleitete nachricht|original-nachricht|ursprüngliche nachricht)\s*-{2,}|begin forwarded message:|anfang der weitergeleiteten (nachricht|e-mail):)\s*$/im;
const FROM_LINE = /^\s*\*?(from|von)\s*:\*?\s*(.+)$/im;

/** "Name [mailto:a@b]" (Outlook) or "Name <a@b>" or "a@b". */
function mailboxOf(value: string): MailAddress | null {
  const outlook = /^(.*?)\s*\[mailto:([^\]\s]+)\]/i.exec(value);
  if (outlook) return parseMailbox(outlook[2], outlook[1].trim().replace(/^"(.*)"$/, "$1"));
  return parseMailbox(value.trim());
}

/**
 * The original sender of a readable forward (DESIGN "Own addresses": the
 * customer of mail a desk address forwards): the From of an attached message
 * (message/rfc822), else the first From/Von line after a forward separator
 * in the text. Null when neither is there or names no plausible address.
 */
export function findForwardedSender(mail: InboundMail): MailAddress | null {
  for (const attachment of mail.attachments) {
    if (attachment.contentType !== "message/rfc822") continue;
    const head = attachment.content.toString("utf8").split(/\r?\n\r?\n/)[0] ?? "";
    const from = new Map(parseHeaderBlock(head)).get("from");
    const mailbox = from ? mailboxOf(stripNul(libmime.decodeWords(from))) : null;
    if (mailbox) return mailbox;
  }
  const marker = FORWARD_MARKER.exec(mail.text);
  if (!marker) return null;
  const after = mail.text.slice(marker.index + marker[0].length).split(/\r?\n\s*\r?\n/)[0] ?? "";
  const from = FROM_LINE.exec(after);
  return from ? mailboxOf(from[2]) : null;
}
