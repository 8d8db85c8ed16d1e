// POST /api/inbound/mime with deliveries that say nothing (no sender, no
// content): kept as failed with their reason, never a ticket, never anyone's
// duplicate. Against the built app and a real database.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/lib/setup/seed";
import { startApp, type RunningApp } from "@/tests/kit/app-server";
import { buildMail, postMime } from "@/tests/kit/mail";
import { newWebhookSecret } from "@/tests/kit/webhooks";

let app: RunningApp;
const secret = newWebhookSecret();
const post = (raw: Buffer | string) =>
  postMime(app.url, typeof raw === "string" ? Buffer.from(raw) : raw, secret);

beforeAll(async () => {
  await seedDatabase();
  app = await startApp({ shareDatabase: true, env: { INBOUND_WEBHOOK_SECRET: secret } });
});
afterAll(async () => {
  await app?.stop();
});

const EMPTY: [string, string][] = [
  ["an empty body", ""],
  ["blank lines", "\r\n\r\n\r\n"],
  ["random text without headers", randomBytes(300).toString("base64")],
  ["other random text", randomBytes(300).toString("hex")],
  ["headers that name nobody and say nothing", "X-Foo: bar\r\nMIME-Version: 1.0\r\n\r\n  \r\n"],
  ["an empty multipart", 'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\n\r\n--b--\r\n'],
  ["only empty HTML", "Content-Type: text/html\r\n\r\n<html><body><p> </p></body></html>\r\n"],
];

describe("a delivery without sender and content", () => {
  it.each(EMPTY)("(%s) is stored as failed with its reason, no ticket", async (_, raw) => {
    const tickets = await db.ticket.count();
    const res = await post(raw);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: "failed", error: expect.stringMatching(/no sender/) });
    expect(res.body.ticketNumber).toBeUndefined();
    const stored = await db.inboundMessage.findUniqueOrThrow({ where: { id: res.body.inboundId } });
    expect(stored).toMatchObject({ status: "failed", ticketId: null, duplicateOfId: null });
    expect(stored.error).toMatch(/no sender and no content/);
    expect(await db.ticket.count()).toBe(tickets);
  });

  it("never makes another delivery, empty or not, its duplicate", async () => {
    await post("");
    const again = await post(randomBytes(500).toString("base64"));
    expect(again.body.status).toBe("failed");
    // A real mail without Message-ID or Date after the empty ones: a new ticket.
    const real = await post(
      buildMail({ messageId: null, subject: "Hello", text: "Real question\n" }).toString(),
    );
    expect(real.body).toMatchObject({ status: "processed", ticketNumber: expect.any(String) });
    expect(
      await db.ticket.count({ where: { customer: { email: "unknown-sender@invalid" } } }),
    ).toBe(0);
  });
});

describe("a delivery with either a sender or content", () => {
  it("is a ticket: a sender without content, and content without a sender", async () => {
    const senderOnly = await post("From: Quiet <quiet@example.org>\r\n\r\n");
    expect(senderOnly.body).toMatchObject({
      status: "processed",
      ticketNumber: expect.any(String),
    });
    const contentOnly = await post("Subject: Who am I\r\n\r\nNo sender here.\r\n");
    expect(contentOnly.body).toMatchObject({
      status: "processed",
      ticketNumber: expect.any(String),
    });
    const attachmentOnly = await post(
      [
        'Content-Type: multipart/mixed; boundary="b"',
        "",
        "--b",
        'Content-Type: application/pdf; name="scan.pdf"',
        "Content-Transfer-Encoding: base64",
        "",
        Buffer.from("%PDF-1.4 scan").toString("base64"),
        "--b--",
        "",
      ].join("\r\n"),
    );
    expect(attachmentOnly.body).toMatchObject({ status: "processed" });
  });
});
