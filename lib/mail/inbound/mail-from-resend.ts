import { convert } from "html-to-text";
import type { InboundMail } from "./inbound-mail";
import { stripNul } from "./inbound-mail";
import { parseMailbox } from "./parse-address";
import { angle, parseMessageIds } from "./parse-headers";

/** Resend's received e-mail (GET /emails/receiving/:id), with attachment bytes fetched. */
export interface ResendReceivedEmail {
  from: string;
  to: string[];
  cc?: string[] | null;
  received_for?: string[] | null;
  subject?: string | null;
  message_id?: string | null;
  created_at?: string | null;
  html?: string | null;
  text?: string | null;
  headers?: Record<string, string> | null;
}

export interface ResendAttachmentContent {
  filename: string | null;
  content_type: string;
  content_id: string | null;
  content_disposition: string | null;
  contentBase64: string;
}

/** The same InboundMail a raw MIME message gives, built from Resend's JSON (when no raw file is offered). */
export function mailFromResend(
  email: ResendReceivedEmail,
  attachments: ResendAttachmentContent[],
): InboundMail {
  const headers = Object.entries(email.headers ?? {}).map(
    ([key, value]) => [key.toLowerCase(), stripNul(String(value))] as [string, string],
  );
  const get = (name: string) => headers.find(([key]) => key === name)?.[1] ?? null;
  const list = (values: string[] | null | undefined) =>
    (values ?? []).map((v) => parseMailbox(v)).filter((a) => a !== null);
  const html = email.html ? stripNul(email.html) : null;
  const text = email.text ?? (html ? convert(html, { wordwrap: false }) : "");
  const [contentType, ...params] = (get("content-type") ?? "text/plain").split(";");
  const date = new Date(get("date") ?? email.created_at ?? "");
  return {
    messageId: email.message_id ? angle(email.message_id) : null,
    inReplyTo: parseMessageIds(get("in-reply-to"))[0] ?? null,
    references: parseMessageIds(get("references")),
    subject: stripNul(email.subject ?? ""),
    from: parseMailbox(email.from),
    to: list(email.to),
    cc: list(email.cc),
    recipients: [...list(email.to), ...list(email.cc), ...list(email.received_for)].map(
      (a) => a.address,
    ),
    date: Number.isNaN(date.getTime()) ? null : date,
    headers,
    contentType: contentType.trim().toLowerCase(),
    contentTypeParams: Object.fromEntries(
      params.map((p) => {
        const [k, v = ""] = p.split("=");
        return [k.trim().toLowerCase(), v.trim().replace(/^"|"$/g, "")];
      }),
    ),
    text: stripNul(text),
    html,
    attachments: attachments.map((a, i) => {
      const contentId = a.content_id?.replace(/^<|>$/g, "") || null;
      return {
        filename: a.filename || `attachment-${i + 1}`,
        contentType: a.content_type || "application/octet-stream",
        content: Buffer.from(a.contentBase64, "base64"),
        contentId,
        isInline:
          !!contentId &&
          a.content_disposition !== "attachment" &&
          !!html?.includes(`cid:${contentId}`),
      };
    }),
  };
}
