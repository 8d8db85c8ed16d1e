// Resend inbound mail: a Svix-signed `email.received` event; the message is
// fetched through the SDK and processed like raw MIME. See docs/inbound.md.
import { config } from "@/lib/config";
import { isTransientError } from "@/lib/mail/inbound/is-transient-error";
import { readBodyWithLimit } from "@/lib/http/read-body-with-limit";
import { receiveResendMail } from "@/lib/mail/inbound/receive-resend-mail";
import { verifyResendWebhook } from "@/lib/mail/inbound/verify-resend-webhook";

export const dynamic = "force-dynamic";

const error = (status: number, message: string) =>
  Response.json({ error: { message } }, { status });

export async function POST(req: Request) {
  const secret = config.resendWebhookSecret;
  if (!secret || !config.resendApiKey)
    return error(503, "Resend inbound is not configured (RESEND_WEBHOOK_SECRET, RESEND_API_KEY)");
  const body = await readBodyWithLimit(req, 1024 * 1024);
  if (!body) return error(413, "Event too large");
  const payload = Buffer.from(body).toString("utf8");
  const event = verifyResendWebhook({ payload, headers: req.headers, secret });
  if (!event) return error(401, "Invalid signature");
  const emailId = event.data?.email_id;
  if (event.type !== "email.received" || !emailId)
    return Response.json({ inboundId: null, status: "ignored" }, { status: 202 });
  try {
    const result = await receiveResendMail({
      emailId,
      payload,
      queueHint: new URL(req.url).searchParams.get("queue"),
    });
    return Response.json(result, { status: 202 });
  } catch (failure) {
    console.error("POST /api/inbound/resend failed", failure);
    return error(isTransientError(failure) ? 503 : 500, "Temporary failure, retry later");
  }
}
