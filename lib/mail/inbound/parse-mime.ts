import { simpleParser, type AddressObject, type EmailAddress } from "mailparser";
import type { InboundAttachment, InboundMail, MailAddress } from "./inbound-mail";
import { stripNul } from "./inbound-mail";
import { normaliseCharsets } from "./normalise-charsets";
import { parseMailbox } from "./parse-address";
import { angle, parseMessageIds, unfold } from "./parse-headers";

const EXTENSIONS: Record<string, string> = {
  "message/rfc822": ".eml",
  "message/delivery-status": ".txt",
  "text/rfc822-headers": ".txt",
  "text/plain": ".txt",
  "text/html": ".html",
  "text/calendar": ".ics",
};

/**
 * Drops what some deliveries put before the headers — a UTF-8 BOM, blank
 * lines, an mbox "From " envelope line (kept as a last-resort sender). Only
 * for parsing: the stored raw bytes stay exactly as received.
 */
function stripEnvelope(raw: Buffer): { message: Buffer; envelopeSender: string | null } {
  let start = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? 3 : 0;
  let envelopeSender: string | null = null;
  for (;;) {
    const end = raw.indexOf(0x0a, start);
    if (end < 0) break;
    const line = raw.subarray(start, end).toString("latin1");
    if (/^[ \t\r]*$/.test(line)) start = end + 1;
    else if (line.startsWith("From ") && envelopeSender === null) {
      envelopeSender = line.split(/\s+/)[1] ?? "";
      start = end + 1;
    } else break;
  }
  return { message: raw.subarray(start), envelopeSender };
}

function flatten(list: EmailAddress[] | undefined): MailAddress[] {
  const out: MailAddress[] = [];
  for (const entry of list ?? []) {
    if (entry.group) out.push(...flatten(entry.group));
    else {
      const mailbox = parseMailbox(entry.address, stripNul(entry.name ?? ""));
      if (mailbox) out.push(mailbox);
    }
  }
  return out;
}

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((o) => flatten(o.value));

/** The first plausible address anywhere in a header value (for broken From lines). */
function findAddress(value: string | null | undefined): MailAddress | null {
  const match = value
    ? /[^\s<>"',;:()[\]]+@[^\s<>"',;:()[\]]+\.[^\s<>"',;:()[\]]+/.exec(value)
    : null;
  return match ? parseMailbox(match[0]) : null;
}

/** Parses one RFC 5322 message (mailparser: charsets, encoded words, QP/base64, nested multiparts). */
export async function parseMime(raw: Uint8Array): Promise<InboundMail> {
  const { message, envelopeSender } = stripEnvelope(Buffer.from(raw));
  const parsed = await simpleParser(await normaliseCharsets(message), {
    keepDeliveryStatus: true, // delivery reports stay attachments (and are read for bounces)
    skipImageLinks: true, // keep cid: references; inline images are stored as attachments
    skipTextToHtml: true,
  });

  const headers: [string, string][] = parsed.headerLines.map(({ key, line }) => {
    const colon = line.indexOf(":");
    return [key.toLowerCase(), stripNul(unfold(colon < 0 ? "" : line.slice(colon + 1)))];
  });
  const raw1 = (name: string) => headers.find(([key]) => key === name)?.[1] ?? null;

  const from =
    flatten(parsed.from?.value)[0] ??
    findAddress(raw1("from")) ??
    findAddress(raw1("sender")) ??
    addresses(parsed.replyTo)[0] ??
    findAddress(raw1("return-path")) ??
    findAddress(envelopeSender) ??
    null;
  const to = addresses(parsed.to);
  const cc = addresses(parsed.cc);
  const recipients = [
    ...to.map((a) => a.address),
    ...cc.map((a) => a.address),
    ...["delivered-to", "x-original-to", "envelope-to", "x-envelope-to", "x-forwarded-to"].flatMap(
      (name) =>
        headers
          .filter(([key]) => key === name)
          .map(([, value]) => findAddress(value)?.address)
          .filter((a): a is string => !!a),
    ),
  ];

  const contentTypeHeader = parsed.headers.get("content-type") as
    { value: string; params: Record<string, string> } | undefined;
  const html = parsed.html ? stripNul(parsed.html) : null;
  const attachments: InboundAttachment[] = parsed.attachments.map((a, i) => {
    const contentType = (a.contentType || "application/octet-stream").toLowerCase();
    const contentId = a.cid ?? a.contentId?.replace(/^<|>$/g, "") ?? null;
    const referenced = !!contentId && !!html?.includes(`cid:${contentId}`);
    return {
      filename: stripNul(a.filename || `attachment-${i + 1}${EXTENSIONS[contentType] ?? ""}`),
      contentType,
      content: a.content,
      contentId,
      isInline: referenced && (a.related === true || a.contentDisposition !== "attachment"),
    };
  });

  const date = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null;
  return {
    messageId: parsed.messageId ? angle(stripNul(parsed.messageId)) : null,
    inReplyTo: parseMessageIds(parsed.inReplyTo)[0] ?? null,
    references: parseMessageIds(parsed.references),
    subject: stripNul(parsed.subject ?? "").replace(/[\r\n]+/g, " "),
    from,
    to,
    cc,
    recipients: [...new Set(recipients)],
    date,
    headers,
    contentType: (contentTypeHeader?.value ?? "text/plain").toLowerCase(),
    contentTypeParams: contentTypeHeader?.params ?? {},
    text: stripNul(parsed.text ?? ""),
    html,
    attachments,
  };
}
