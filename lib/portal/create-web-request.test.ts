import { afterEach, describe, expect, it } from "vitest";
import { db } from "../db";
import { UserFacingError } from "../errors";
import { requestAccessLink } from "./request-access-link";
import { requestSchema } from "./schemas";
import { freshIp, publicQueueId, submitRequest } from "@/tests/kit/portal";
import { changeSettings, resetSettings } from "@/tests/kit/settings";

const limits = { maxCount: 2, maxBytes: 10, extensions: ["txt", "png"] };
const saved = { ...process.env };
afterEach(async () => {
  process.env = { ...saved };
  await resetSettings();
});

describe("createWebRequest", () => {
  it("writes ticket, visible web article with attachment, history and confirmation job", async () => {
    const bytes = new Uint8Array([0, 1, 2, 255, 254]);
    const { number } = await submitRequest({
      email: "alice@example.org",
      attachments: [new File([bytes], "data.bin", { type: "application/octet-stream" })],
    });
    const ticket = await db.ticket.findUniqueOrThrow({
      where: { number },
      include: { articles: { include: { attachments: true } }, history: true, customer: true },
    });
    expect(ticket.articles).toHaveLength(1);
    expect(ticket.articles[0]).toMatchObject({
      channel: "web",
      direction: "in",
      visibleToCustomer: true,
    });
    expect(Buffer.from(ticket.articles[0].attachments[0].content!)).toEqual(Buffer.from(bytes));
    expect(ticket.history.map((h) => h.type)).toEqual(["created"]);
    expect(ticket.customer).toMatchObject({ name: "Alice Example", locale: "en" });
    const jobs = await db.job.findMany({ where: { type: "mail.send" } });
    expect(jobs.map((j) => j.payload)).toContainEqual(
      expect.objectContaining({ kind: "auto-response", ticketId: ticket.id }),
    );
  });

  it("queues the confirmation in the language of the customer's first request, then keeps it", async () => {
    const { createWebRequest } = await import("./create-web-request");
    const topic = await publicQueueId();
    const request = async (locale: "de" | "en", subject: string) => {
      const { number } = await createWebRequest({
        input: {
          name: "Jana Schulz",
          email: "jana@example.org",
          subject,
          body: "…",
          topic,
          attachments: [],
        },
        ip: freshIp(),
        locale,
      });
      const ticket = await db.ticket.findUniqueOrThrow({ where: { number } });
      const jobs = await db.job.findMany({ where: { type: "mail.send" } });
      return jobs
        .map((job) => job.payload as { kind: string; ticketId: number; locale?: string })
        .find((payload) => payload.kind === "auto-response" && payload.ticketId === ticket.id)
        ?.locale;
    };
    expect(await request("de", "Drucker")).toBe("de");
    // The language the customer has is theirs: a later request in English does not change it.
    expect(await request("en", "Printer")).toBe("de");
    const customer = await db.customer.findUniqueOrThrow({ where: { email: "jana@example.org" } });
    expect(customer.locale).toBe("de");
  });

  it("accepts public queues only and rejects a filled honeypot", async () => {
    const raw = (await db.queue.findFirst({ where: { name: "Raw" } })) ?? undefined;
    await publicQueueId();
    const rawId = raw?.id ?? (await db.queue.findUniqueOrThrow({ where: { name: "Raw" } })).id;
    await expect(submitRequest({ topic: rawId })).rejects.toMatchObject({ message: "topic" });
    const { createWebRequest } = await import("./create-web-request");
    await expect(
      createWebRequest({
        input: {
          name: "Bot",
          email: "bot@example.org",
          subject: "Buy",
          body: "now",
          topic: await publicQueueId(),
          attachments: [],
        },
        honeypot: "http://spam.example",
        ip: freshIp(),
        locale: "en",
      }),
    ).rejects.toMatchObject({ message: "rejected" });
    expect(await db.ticket.count({ where: { customer: { email: "bot@example.org" } } })).toBe(0);
  });

  it("is rate limited per address and per IP, in the database", async () => {
    await changeSettings({ portalRequestsPerAddressHour: 2, portalRequestsPerIpHour: 3 });
    await submitRequest({ email: "limit@example.org" });
    await submitRequest({ email: "limit@example.org" });
    const error = await submitRequest({ email: "limit@example.org" }).catch((e) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error).toMatchObject({ code: "rate_limited", message: "rateLimited" });

    const ip = "198.51.100.7";
    for (const i of [1, 2, 3]) await submitRequest({ email: `ip${i}@example.org` }, ip);
    await expect(submitRequest({ email: "ip4@example.org" }, ip)).rejects.toMatchObject({
      code: "rate_limited",
    });
    expect(
      await db.rateLimit.count({ where: { key: { startsWith: "portal-request:ip:" } } }),
    ).toBeGreaterThan(0);
  });

  it("rate limits status lookups whether or not they match", async () => {
    await changeSettings({ portalLinksPerAddressHour: 2 });
    const lookup = () =>
      requestAccessLink({
        number: "2026010110000010",
        email: "x@example.org",
        ip: freshIp(),
        locale: "en",
      });
    await lookup();
    await lookup();
    await expect(lookup()).rejects.toMatchObject({ code: "rate_limited" });
  });
});

describe("requestSchema", () => {
  it("checks attachments by count, size and type, and ignores an empty file input", () => {
    const schema = requestSchema(limits);
    const base = { name: "A", email: "A@Example.org ", subject: "S", body: "B", topic: "3" };
    const empty = new File([], "", { type: "application/octet-stream" });
    const ok = schema.parse({ ...base, attachments: [empty, ""] });
    expect(ok).toMatchObject({ email: "a@example.org", topic: 3, attachments: [] });

    const big = new File(["12345678901"], "big.txt", { type: "text/plain" });
    const exe = new File(["MZ"], "x.exe", { type: "application/x-msdownload" });
    const result = schema.safeParse({ ...base, attachments: [big, exe, big] });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(messages).toEqual(
      expect.arrayContaining([
        ["attachments", "tooManyFiles"],
        ["attachments.0", "fileTooLarge"],
        ["attachments.1", "fileType"],
      ]),
    );
    const missing = schema.safeParse({ topic: "" });
    expect(missing.error!.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining(["required", "topic"]),
    );
  });
});
