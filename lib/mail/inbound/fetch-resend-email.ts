import { db } from "../../db";
import { sha256Hex } from "../../tickets/write-article";
import { getResend } from "../resend-client";
import { TransientError } from "./is-transient-error";
import type { ResendAttachmentContent } from "./mail-from-resend";

interface ApiError {
  message: string;
  statusCode?: number | null;
}

/** 5xx, 429 and network trouble pass; 4xx (unknown e-mail) never will. */
function toError(what: string, error: ApiError): Error {
  const status = error.statusCode ?? null;
  const message = `Resend ${what}: ${error.message} (${status ?? "network"})`;
  return status === null || status >= 500 || status === 429
    ? new TransientError(message)
    : new Error(message);
}

async function download(url: string, what: string): Promise<Buffer<ArrayBuffer>> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (error) {
    throw new TransientError(`Resend ${what} download failed`, { cause: error });
  }
  if (!res.ok)
    throw toError(`${what} download`, { message: res.statusText, statusCode: res.status });
  return Buffer.from(await res.arrayBuffer());
}

/**
 * Fetches a received e-mail through the Resend SDK (RESEND_BASE_URL points it
 * at a stub in tests) into its stored row: the raw message when Resend offers
 * it (then it goes the raw-MIME way, sha256 of those bytes recorded), else the
 * JSON with every attachment's bytes.
 */
export async function fetchResendEmail(inboundId: number, emailId: string) {
  const resend = getResend();
  const { data: email, error } = await resend.emails.receiving.get(emailId);
  if (error || !email) throw toError("get e-mail", error ?? { message: "empty answer" });

  const row = await db.inboundMessage.findUniqueOrThrow({ where: { id: inboundId } });
  const webhook = row.payload ? JSON.parse(row.payload) : null;
  if (email.raw?.download_url) {
    const raw = await download(email.raw.download_url, "raw message");
    await db.inboundMessage.update({
      where: { id: inboundId },
      data: {
        raw,
        rawSha256: sha256Hex(raw),
        size: raw.byteLength,
        payload: JSON.stringify({ webhook, email }),
      },
    });
    return;
  }

  const listed = await resend.emails.receiving.attachments.list({ emailId });
  if (listed.error || !listed.data)
    throw toError("list attachments", listed.error ?? { message: "empty answer" });
  const attachments: ResendAttachmentContent[] = [];
  for (const a of listed.data.data) {
    const content = await download(a.download_url, `attachment ${a.id}`);
    attachments.push({
      filename: a.filename ?? null,
      content_type: a.content_type,
      content_id: a.content_id ?? null,
      content_disposition: a.content_disposition ?? null,
      contentBase64: content.toString("base64"),
    });
  }
  const payload = JSON.stringify({ webhook, email, attachments });
  await db.inboundMessage.update({
    where: { id: inboundId },
    data: { payload, size: Buffer.byteLength(payload) },
  });
}
