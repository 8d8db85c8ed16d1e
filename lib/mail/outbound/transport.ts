import { config } from "../../config";
import type { Tx } from "../../db";
import { getResend } from "../resend-client";

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
  headers: Record<string, string>;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

export class TransientMailError extends Error {
  name = "TransientMailError";
}

export const usesOutbox = () => !config.resendApiKey;

/**
 * Sends through Resend with an idempotency key (a retried job never mails
 * twice), or — without RESEND_API_KEY — writes the dev outbox inside `tx`, so
 * the outbox row and the job's completion commit together.
 */
export async function deliverMail(
  mail: OutgoingMail,
  options: { idempotencyKey: string; jobId: number; tx?: Tx },
) {
  if (usesOutbox()) {
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
