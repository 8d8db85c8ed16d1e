import { config } from "../../config";
import type { Tx } from "../../db";
import { getResend } from "../resend-client";
import { sendThroughSmtp } from "./smtp-transport";

export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
  /** For inline images referenced as cid: in the HTML (without angle brackets). */
  contentId?: string | null;
}

export interface OutgoingMail {
  from: string;
  to: string;
  /** Further recipients (agent replies), addresses only. */
  cc?: string[];
  bcc?: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  /** Message-ID, In-Reply-To/References, Auto-Submitted …: sent as they are by every transport. */
  headers: Record<string, string>;
  attachments?: OutgoingAttachment[];
}

export class TransientMailError extends Error {
  name = "TransientMailError";
}

/**
 * How this desk sends mail: through the SMTP relay when SMTP_URL or SMTP_HOST
 * is set, else through Resend when RESEND_API_KEY is set, else into the dev
 * outbox (nothing leaves the machine).
 */
export function mailTransport(): "smtp" | "resend" | "outbox" {
  if (config.smtpUrl) return "smtp";
  return config.resendApiKey ? "resend" : "outbox";
}

export const usesOutbox = () => mailTransport() === "outbox";

/**
 * Sends through SMTP (the Message-ID in the headers; a retry after a crash
 * between the server's acceptance and the job's completion sends once more
 * with the same Message-ID), through Resend with an idempotency key (a retried
 * job never mails twice), or — with neither — writes the dev outbox inside
 * `tx`, so the outbox row and the job's completion commit together.
 */
export async function deliverMail(
  mail: OutgoingMail,
  options: { idempotencyKey: string; jobId: number; tx?: Tx },
) {
  const transport = mailTransport();
  if (transport === "outbox") {
    if (!options.tx) throw new Error("the outbox is written inside the job's transaction");
    const row = await options.tx.outboxMail.create({
      data: {
        jobId: options.jobId,
        fromAddress: mail.from,
        toAddress: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: {
          ...mail.headers,
          ...(mail.replyTo ? { "Reply-To": mail.replyTo } : {}),
          ...(mail.cc?.length ? { Cc: mail.cc.join(", ") } : {}),
          ...(mail.bcc?.length ? { Bcc: mail.bcc.join(", ") } : {}),
        },
      },
    });
    return { provider: "outbox" as const, id: `outbox-${row.id}` };
  }
  if (transport === "smtp") return { provider: "smtp" as const, id: await sendThroughSmtp(mail) };
  const { data, error } = await getResend().emails.send(
    {
      from: mail.from,
      // Several recipients (an agent's reply to more than one address) as a list.
      to: mail.to.includes(",") ? mail.to.split(",").map((a) => a.trim()) : mail.to,
      ...(mail.cc?.length ? { cc: mail.cc } : {}),
      ...(mail.bcc?.length ? { bcc: mail.bcc } : {}),
      replyTo: mail.replyTo,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
      ...(mail.attachments?.length
        ? {
            attachments: mail.attachments.map((a) => ({
              filename: a.filename,
              content: a.content,
              contentType: a.contentType,
              ...(a.contentId ? { contentId: a.contentId } : {}),
            })),
          }
        : {}),
    },
    { idempotencyKey: options.idempotencyKey },
  );
  if (error || !data)
    throw new TransientMailError(
      `Resend: ${error?.name ?? "error"}: ${error?.message ?? "no data"}`,
    );
  return { provider: "resend" as const, id: data.id };
}
