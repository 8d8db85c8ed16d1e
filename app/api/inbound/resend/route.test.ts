// POST /api/inbound/resend against the built app, the Resend SDK pointed at the stub.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/lib/setup/seed";
import { startApp, type RunningApp } from "@/tests/kit/app-server";
import { buildMail } from "@/tests/kit/mail";
import { startResendStub, type ResendStub } from "@/tests/kit/resend-stub";
import { newWebhookSecret, signWebhook } from "@/tests/kit/webhooks";

let app: RunningApp;
let stub: ResendStub;
const secret = newWebhookSecret();
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function received(emailId: string, extra: Record<string, unknown> = {}) {
  return {
    object: "email",
    id: emailId,
    to: ["support@desk.example"],
    from: "Resend Customer <resend.customer@example.org>",
    created_at: new Date().toISOString(),
    subject: "Via Resend",
    bcc: null,
    cc: null,
    reply_to: null,
    received_for: ["support@desk.example"],
    message_id: `<${emailId}@example.org>`,
    html: null,
    text: null,
    headers: {},
    raw: {
      download_url: `${stub.url}/raw/${emailId}`,
      expires_at: new Date(Date.now() + 3600_000).toISOString(),
    },
    attachments: [],
    ...extra,
  };
}

async function deliver(emailId: string, options: { secret?: string; type?: string } = {}) {
  const body = JSON.stringify({
    type: options.type ?? "email.received",
    created_at: new Date().toISOString(),
    data: { email_id: emailId, from: "x@example.org", to: ["support@desk.example"], subject: "s" },
  });
  const res = await fetch(`${app.url}/api/inbound/resend`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...signWebhook(body, options.secret ?? secret, { prefix: "svix" }),
    },
    body,
  });
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  await seedDatabase();
  stub = await startResendStub();
  app = await startApp({
    shareDatabase: true,
    env: {
      RESEND_WEBHOOK_SECRET: secret,
      RESEND_API_KEY: "re_test",
      RESEND_BASE_URL: stub.url,
      WORKER_IN_WEB: "false",
    },
  });
});

afterAll(async () => {
  await app?.stop();
  await stub?.close();
});

describe("POST /api/inbound/resend", () => {
  it("verifies the event, fetches the raw message through the SDK and processes it", async () => {
    const raw = buildMail({
      from: "Resend Customer <resend.customer@example.org>",
      subject: "Via Resend",
    });
    stub.rawFiles.set("em_raw", raw);
    stub.receiving.set("em_raw", received("em_raw"));
    const res = await deliver("em_raw");
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: "processed", ticketNumber: expect.any(String) });
    const row = await db.inboundMessage.findUniqueOrThrow({ where: { id: res.body.inboundId } });
    expect(row).toMatchObject({ provider: "resend", providerId: "em_raw", rawSha256: sha(raw) });
    const ticket = await db.ticket.findUniqueOrThrow({
      where: { number: res.body.ticketNumber },
      include: { customer: true },
    });
    expect(ticket.title).toBe("Via Resend");
    expect(ticket.customer).toMatchObject({
      email: "resend.customer@example.org",
      name: "Resend Customer",
    });
    expect(stub.requests.some((r) => r.path === "/emails/receiving/em_raw")).toBe(true);
  });

  it("answers a redelivery with duplicate without fetching again", async () => {
    const fetches = () => stub.requests.filter((r) => r.path === "/emails/receiving/em_raw").length;
    const before = fetches();
    const res = await deliver("em_raw");
    expect(res.body.status).toBe("duplicate");
    expect(fetches()).toBe(before);
  });

  it("builds the mail from the JSON and attachment downloads when no raw file is offered", async () => {
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0d, 0x0a]);
    stub.rawFiles.set("att_1", bytes);
    stub.receiving.set(
      "em_json",
      received("em_json", {
        raw: null,
        text: "Body from JSON",
        html: "<p>Body <script>x()</script>from JSON</p>",
        attachments: [
          {
            id: "att_1",
            filename: "doc.pdf",
            size: bytes.length,
            content_type: "application/pdf",
            content_disposition: "attachment",
            download_url: `${stub.url}/raw/att_1`,
            expires_at: new Date(Date.now() + 3600_000).toISOString(),
          },
        ],
      }),
    );
    const res = await deliver("em_json");
    expect(res.body.status).toBe("processed");
    const row = await db.inboundMessage.findUniqueOrThrow({ where: { id: res.body.inboundId } });
    const article = await db.article.findUniqueOrThrow({
      where: { id: row.articleId! },
      include: { attachments: true },
    });
    expect(article.text).toBe("Body from JSON");
    expect(article.html).not.toContain("script");
    expect(article.attachments).toHaveLength(1);
    expect(article.attachments[0]).toMatchObject({ filename: "doc.pdf", sha256: sha(bytes) });
  });

  it("keeps an e-mail Resend does not know as failed, with its reason", async () => {
    const res = await deliver("em_missing");
    expect(res.status).toBe(202);
    expect(res.body.status).toBe("failed");
    const row = await db.inboundMessage.findUniqueOrThrow({ where: { id: res.body.inboundId } });
    expect(row.error).toMatch(/404|not found/i);
  });

  it("answers 401 on a bad signature and ignores other event types", async () => {
    expect((await deliver("em_raw", { secret: newWebhookSecret() })).status).toBe(401);
    const other = await deliver("em_raw", { type: "email.delivered" });
    expect(other).toEqual({ status: 202, body: { inboundId: null, status: "ignored" } });
  });
});
