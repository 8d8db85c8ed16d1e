// Outgoing mail through the organisation's SMTP relay (nodemailer), chosen by
// SMTP_URL / SMTP_HOST (lib/config.ts).
import nodemailer, { type Transporter } from "nodemailer";
import { config } from "../../config";
import type { OutgoingMail } from "./transport";

let transporter: Transporter | undefined;
let transporterUrl = "";

function getTransporter(): Transporter {
  const url = config.smtpUrl;
  if (!transporter || transporterUrl !== url) {
    transporter?.close();
    transporter = nodemailer.createTransport(url);
    transporterUrl = url;
  }
  return transporter;
}

/**
 * Sends one mail through SMTP with our own Message-ID (never nodemailer's) and
 * every header as composed (threading, Auto-Submitted). Resolves with the
 * Message-ID once the server accepted the message for every recipient; any
 * error (connection, 4xx, 5xx) rejects and the job queue retries it.
 */
export async function sendThroughSmtp(mail: OutgoingMail): Promise<string> {
  const { "Message-ID": messageId, ...headers } = mail.headers;
  const info = await getTransporter().sendMail({
    from: mail.from,
    to: mail.to,
    cc: mail.cc?.length ? mail.cc : undefined,
    bcc: mail.bcc?.length ? mail.bcc : undefined,
    replyTo: mail.replyTo,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId,
    headers,
    attachments: (mail.attachments ?? []).map((a) => ({
      filename: a.filename,
      content: a.content,
      contentType: a.contentType,
      ...(a.contentId ? { cid: a.contentId } : {}),
    })),
  });
  if (info.rejected.length > 0)
    throw new Error(`SMTP: recipients refused: ${info.rejected.map(String).join(", ")}`);
  return info.messageId;
}
