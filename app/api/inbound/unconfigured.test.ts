// The inbound endpoints without their secrets, called in-process: 503, nothing stored.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildMail } from "@/tests/kit/mail";
import { newWebhookSecret, signWebhook } from "@/tests/kit/webhooks";
import { POST as postMime } from "./mime/route";
import { POST as postResend } from "./resend/route";

describe("inbound endpoints without secrets", () => {
  it("answer 503 and store nothing", async () => {
    delete process.env.INBOUND_WEBHOOK_SECRET;
    delete process.env.RESEND_WEBHOOK_SECRET;
    const raw = buildMail();
    const headers = signWebhook(raw, newWebhookSecret());
    const mime = await postMime(
      new Request("http://desk/api/inbound/mime", {
        method: "POST",
        headers,
        body: new Uint8Array(raw),
      }),
    );
    expect(mime.status).toBe(503);
    const resend = await postResend(
      new Request("http://desk/api/inbound/resend", { method: "POST", headers, body: "{}" }),
    );
    expect(resend.status).toBe(503);
    expect(await db.inboundMessage.count()).toBe(0);
  });
});
