// Standard Webhooks signatures for tests of the inbound endpoints.
import { createHmac, randomUUID } from "node:crypto";

export function newWebhookSecret(): string {
  return `whsec_${Buffer.from(randomUUID()).toString("base64")}`;
}

/** Headers signing `body` (exact bytes) with `secret`, optionally at another time. */
export function signWebhook(
  body: Uint8Array | string,
  secret: string,
  options: { id?: string; timestamp?: number; prefix?: "webhook" | "svix" } = {},
): Record<string, string> {
  const id = options.id ?? `msg_${randomUUID()}`;
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signature = createHmac("sha256", key)
    .update(Buffer.concat([Buffer.from(`${id}.${timestamp}.`), Buffer.from(body)]))
    .digest("base64");
  const prefix = options.prefix ?? "webhook";
  return {
    [`${prefix}-id`]: id,
    [`${prefix}-timestamp`]: timestamp,
    [`${prefix}-signature`]: `v1,${signature}`,
  };
}
