// Builds small RFC 5322 messages for inbound-mail tests and posts them,
// signed, to the raw MIME endpoint of a running app.
import { randomUUID } from "node:crypto";
import { signWebhook } from "./webhooks";

export interface TestMail {
  from?: string;
  to?: string;
  cc?: string;
  subject?: string;
  messageId?: string | null;
  inReplyTo?: string;
  references?: string;
  date?: string;
  headers?: Record<string, string>;
  text?: string;
  /** A complete body with its own Content-Type header (multipart etc.), instead of `text`. */
  body?: { contentType: string; content: string };
}

export const newMessageId = (domain = "customer.example") => `<${randomUUID()}@${domain}>`;

/** A multipart/report delivery-status bounce of our mail `originalMessageId` to `recipient`. */
export const deliveryReport = (
  recipient: string,
  originalMessageId: string,
  action = "failed",
) => ({
  contentType: 'multipart/report; report-type=delivery-status; boundary="r"',
  content: `--r
Content-Type: text/plain

Delivery to ${recipient} failed.
--r
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.org

Final-Recipient: rfc822; ${recipient}
Action: ${action}
Status: 5.1.1
--r
Content-Type: text/rfc822-headers

From: Help Desk <helpdesk@desk.example>
To: ${recipient}
Subject: [Ticket#2026010110000011] Your request
Message-ID: ${originalMessageId}
--r--
`,
});

/** A message as CRLF bytes. */
export function buildMail(mail: TestMail = {}): Buffer {
  const lines = [
    `From: ${mail.from ?? "Customer <customer@example.org>"}`,
    `To: ${mail.to ?? "support@desk.example"}`,
    ...(mail.cc ? [`Cc: ${mail.cc}`] : []),
    `Subject: ${mail.subject ?? "Printer on fire"}`,
    `Date: ${mail.date ?? new Date().toUTCString()}`,
    ...(mail.messageId === null ? [] : [`Message-ID: ${mail.messageId ?? newMessageId()}`]),
    ...(mail.inReplyTo ? [`In-Reply-To: ${mail.inReplyTo}`] : []),
    ...(mail.references ? [`References: ${mail.references}`] : []),
    ...Object.entries(mail.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    "MIME-Version: 1.0",
  ];
  if (mail.body) lines.push(`Content-Type: ${mail.body.contentType}`, "", mail.body.content);
  else
    lines.push(
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: 8bit",
      "",
      mail.text ?? "Hello,\nplease help.\n",
    );
  return Buffer.from(lines.join("\r\n").replace(/\r?\n/g, "\r\n"), "utf8");
}

/** POSTs raw bytes to /api/inbound/mime, signed with `secret` (override headers to tamper). */
export async function postMime(
  baseUrl: string,
  raw: Uint8Array,
  secret: string,
  options: {
    id?: string;
    timestamp?: number;
    headers?: Record<string, string>;
    query?: string;
  } = {},
) {
  const res = await fetch(`${baseUrl}/api/inbound/mime${options.query ?? ""}`, {
    method: "POST",
    headers: {
      "content-type": "message/rfc822",
      ...signWebhook(raw, secret, { id: options.id, timestamp: options.timestamp }),
      ...options.headers,
    },
    body: new Uint8Array(raw),
  });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests inspect arbitrary JSON
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* keep text */
  }
  return { status: res.status, body };
}

/** A 1×1 PNG, for inline images in test mail. */
export const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

/**
 * An HTML mail (multipart/related) whose `html` may show the inline image
 * `cid:logo@mail.example` (logo.png, TINY_PNG), as a mail client sends it.
 */
export function htmlMailWithLogo(options: { subject: string; html: string }): Buffer {
  return buildMail({
    messageId: newMessageId(),
    subject: options.subject,
    body: {
      contentType: 'multipart/related; boundary="rel"',
      content: [
        "--rel",
        "Content-Type: text/html; charset=utf-8",
        "",
        options.html,
        "--rel",
        "Content-Type: image/png",
        "Content-Transfer-Encoding: base64",
        "Content-ID: <logo@mail.example>",
        "Content-Disposition: inline; filename=logo.png",
        "",
        TINY_PNG.toString("base64"),
        "--rel--",
        "",
      ].join("\r\n"),
    },
  });
}
