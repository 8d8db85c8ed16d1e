import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

export type SignatureCheck = { ok: true; id: string } | { ok: false; reason: string };

interface HeaderSource {
  get(name: string): string | null;
}

const MIN_KEY_BYTES = 24;

/**
 * The HMAC key of a `whsec_` secret, or null when it is too weak to use
 * (base64 decoding skips stray characters, so "whsec_" alone is a 0-byte key).
 */
export function webhookKey(secret: string): Buffer | null {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return key.length >= MIN_KEY_BYTES ? key : null;
}

/** The `webhook-*` headers, or Svix's `svix-*` names for the same thing. */
function header(headers: HeaderSource, name: string): string | null {
  return headers.get(`webhook-${name}`) ?? headers.get(`svix-${name}`);
}

/**
 * Standard Webhooks verification over the exact bytes received (8-bit mail is
 * not valid UTF-8, so nothing is decoded): HMAC-SHA256 of "id.timestamp." +
 * body, keyed with the base64 part of the `whsec_` secret, a timestamp within
 * the tolerance, any of several space-separated `v1,` signatures (rotation),
 * compared in constant time.
 */
export function verifyWebhookSignature(input: {
  body: Uint8Array;
  headers: HeaderSource;
  secret: string;
  now?: Date;
  toleranceSeconds?: number;
}): SignatureCheck {
  const id = header(input.headers, "id");
  const timestamp = header(input.headers, "timestamp");
  const signatures = header(input.headers, "signature");
  if (!id || !timestamp || !signatures) return { ok: false, reason: "missing signature headers" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "malformed timestamp" };

  const nowSeconds = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const tolerance = input.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS;
  if (Math.abs(nowSeconds - Number(timestamp)) > tolerance)
    return { ok: false, reason: "timestamp outside the tolerance" };

  const key = webhookKey(input.secret);
  if (!key) return { ok: false, reason: "the webhook secret is too short" };
  const expected = createHmac("sha256", key)
    .update(`${id}.${timestamp}.`)
    .update(input.body)
    .digest();
  for (const candidate of signatures.split(" ")) {
    const [version, value] = candidate.split(",", 2);
    if (version !== "v1" || !value) continue;
    const given = Buffer.from(value, "base64");
    if (given.length === expected.length && timingSafeEqual(given, expected))
      return { ok: true, id };
  }
  return { ok: false, reason: "no matching signature" };
}
