// Raw MIME inbound mail (any MTA pipe, e-mail worker or script), signed the
// Standard Webhooks way with INBOUND_WEBHOOK_SECRET. See docs/inbound.md.
import { config } from "@/lib/config";
import { isTransientError } from "@/lib/mail/inbound/is-transient-error";
import { readBodyWithLimit } from "@/lib/http/read-body-with-limit";
import { receiveInboundMail } from "@/lib/mail/inbound/receive-inbound-mail";
import { verifyWebhookSignature, webhookKey } from "@/lib/mail/inbound/verify-webhook-signature";

export const dynamic = "force-dynamic";

const error = (status: number, message: string) =>
  Response.json({ error: { message } }, { status });

export async function POST(req: Request) {
  const secret = config.inboundWebhookSecret;
  if (!secret) return error(503, "Inbound mail is not configured (INBOUND_WEBHOOK_SECRET)");
  if (!webhookKey(secret))
    return error(503, "INBOUND_WEBHOOK_SECRET is too short (at least 24 bytes, base64)");
  // Bytes, never text: 8-bit mail is not UTF-8 and decoding would break the signature.
  const body = await readBodyWithLimit(req, config.inboundMaxBytes);
  if (!body) return error(413, "Message too large");
  const check = verifyWebhookSignature({ body, headers: req.headers, secret });
  if (!check.ok) return error(401, "Invalid signature");
  try {
    const result = await receiveInboundMail({
      providerId: check.id,
      raw: body,
      queueHint: new URL(req.url).searchParams.get("queue"),
    });
    return Response.json(result, { status: 202 });
  } catch (failure) {
    console.error("POST /api/inbound/mime failed", failure);
    return error(isTransientError(failure) ? 503 : 500, "Temporary failure, retry later");
  }
}
