import { describe, expect, it } from "vitest";
import { newWebhookSecret, signWebhook } from "@/tests/kit/webhooks";
import { verifyWebhookSignature, webhookKey } from "./verify-webhook-signature";

const secret = newWebhookSecret();
// 8-bit Latin-1 mail: not valid UTF-8, must be verified as bytes.
const body = Buffer.concat([
  Buffer.from("Subject: caf"),
  Buffer.from([0xe9]),
  Buffer.from("\r\n\r\nx"),
]);
const check = (headers: Record<string, string>, bytes: Uint8Array = body, now?: Date) =>
  verifyWebhookSignature({ body: bytes, headers: new Headers(headers), secret, now });

describe("verifyWebhookSignature", () => {
  it("accepts a valid signature over the exact (non-UTF-8) bytes", () => {
    expect(check(signWebhook(body, secret, { id: "msg_1" }))).toEqual({ ok: true, id: "msg_1" });
  });

  it("accepts svix-* header names too", () => {
    expect(check(signWebhook(body, secret, { prefix: "svix" })).ok).toBe(true);
  });

  it("rejects a tampered body, a wrong secret and a tampered id", () => {
    const headers = signWebhook(body, secret);
    const tampered = Buffer.from(body);
    tampered[tampered.length - 1] = 0x79;
    expect(check(headers, tampered).ok).toBe(false);
    expect(check(signWebhook(body, newWebhookSecret())).ok).toBe(false);
    expect(check({ ...headers, "webhook-id": "other" }).ok).toBe(false);
  });

  it("rejects timestamps outside five minutes either way", () => {
    const now = Math.floor(Date.now() / 1000);
    expect(check(signWebhook(body, secret, { timestamp: now - 301 })).ok).toBe(false);
    expect(check(signWebhook(body, secret, { timestamp: now + 301 })).ok).toBe(false);
    expect(check(signWebhook(body, secret, { timestamp: now - 290 })).ok).toBe(true);
  });

  it("rejects missing headers", () => {
    const headers = signWebhook(body, secret);
    for (const name of Object.keys(headers)) {
      const without = { ...headers };
      delete without[name];
      expect(check(without)).toMatchObject({ ok: false });
    }
  });

  it("accepts any of several space-separated signatures (secret rotation)", () => {
    const headers = signWebhook(body, secret, { id: "msg_r" });
    const old = signWebhook(body, newWebhookSecret(), {
      id: "msg_r",
      timestamp: Number(headers["webhook-timestamp"]),
    });
    const both = `${old["webhook-signature"]} v2,bm9wZQ== ${headers["webhook-signature"]}`;
    expect(check({ ...headers, "webhook-signature": both }).ok).toBe(true);
    expect(check({ ...headers, "webhook-signature": old["webhook-signature"] }).ok).toBe(false);
  });
});

describe("webhookKey", () => {
  it("refuses secrets too short to be a key, even when signed with them", () => {
    expect(webhookKey("whsec_")).toBeNull();
    expect(webhookKey("whsec_!!!!!!!!")).toBeNull();
    expect(webhookKey(newWebhookSecret())).not.toBeNull();
    const weak = "whsec_";
    const headers = signWebhook(body, weak);
    expect(verifyWebhookSignature({ body, headers: new Headers(headers), secret: weak }).ok).toBe(
      false,
    );
  });
});
