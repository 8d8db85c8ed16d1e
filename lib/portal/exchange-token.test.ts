import { beforeEach, describe, expect, it, vi } from "vitest";
import { db, transaction } from "../db";
import { enqueue } from "../jobs/enqueue";
import { exchangeToken } from "./exchange-token";
import { getCustomerSession } from "./get-customer-session";
import { getCustomerTicket } from "./get-customer-ticket";
import { listCustomerTickets } from "./list-customer-tickets";
import { requestAccessLink } from "./request-access-link";
import { requestMagicLink } from "./request-magic-link";
import { freshIp, lastMailLink, runLinkRequests, submitRequest, tokenOf } from "@/tests/kit/portal";

// Counts transactions, to show which paths never open one.
vi.mock("../db", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../db")>();
  return { ...actual, transaction: vi.fn(actual.transaction) };
});
const transactionsOpened = () => vi.mocked(transaction).mock.calls.length;

const DAY = 86_400_000;
const countJobs = (type: string) => db.job.count({ where: { type } });

describe("link requests", () => {
  beforeEach(() => {
    vi.mocked(transaction).mockClear();
  });

  it("do the same work in the request whether or not anything matches", async () => {
    const { number } = await submitRequest({ email: "amy@example.org" });
    await runLinkRequests();
    const requests = [
      () => requestAccessLink({ number, email: "amy@example.org", ip: freshIp(), locale: "en" }),
      () => requestAccessLink({ number, email: "eve@example.org", ip: freshIp(), locale: "en" }),
      () => requestMagicLink({ email: "amy@example.org", ip: freshIp(), locale: "en" }),
      () => requestMagicLink({ email: "nobody@example.org", ip: freshIp(), locale: "en" }),
    ];
    for (const request of requests) {
      const [linkJobs, mailJobs, tokens] = [
        await countJobs("portal.link-request"),
        await countJobs("mail.send"),
        await db.customerToken.count(),
      ];
      vi.mocked(transaction).mockClear();
      await request();
      // One transaction with one queued request; no token, no mail yet.
      expect(transactionsOpened()).toBe(1);
      expect(await countJobs("portal.link-request")).toBe(linkJobs + 1);
      expect(await countJobs("mail.send")).toBe(mailJobs);
      expect(await db.customerToken.count()).toBe(tokens);
    }
    // The job decides; afterwards it keeps neither the address nor the number.
    expect(await runLinkRequests()).toBe(4);
    const handled = await db.job.findMany({ where: { type: "portal.link-request" } });
    expect(handled.every((job) => job.status === "done")).toBe(true);
    expect(JSON.stringify(handled.map((job) => job.payload))).not.toMatch(/example\.org|\d{16}/);
    expect(await lastMailLink("access-link", "amy@example.org")).not.toBeNull();
    expect(await lastMailLink("magic-link", "amy@example.org")).not.toBeNull();
    expect(await lastMailLink("access-link", "eve@example.org")).toBeNull();
    expect(await lastMailLink("magic-link", "nobody@example.org")).toBeNull();
  });

  it("mail nothing for a request without its address or number", async () => {
    const { number } = await submitRequest({ email: "ann@example.org" });
    await runLinkRequests();
    const mailJobs = await countJobs("mail.send");
    const payloads = [
      { kind: "access", number },
      { kind: "access", number, email: "", locale: "en" },
      { kind: "magic", locale: "en" },
    ];
    // enqueue refuses them…
    for (const payload of payloads)
      await expect(
        // @ts-expect-error -- the payload type requires the address (and number)
        transaction((tx) => enqueue(tx, { type: "portal.link-request", payload })),
      ).rejects.toThrow();
    // …and stored ones (an older release, a hand-made row) die at once with the schema's reason.
    const jobs = await Promise.all(
      payloads.map((payload) => db.job.create({ data: { type: "portal.link-request", payload } })),
    );
    await expect(runLinkRequests()).rejects.toThrow("link request jobs failed");
    const dead = await db.job.findMany({ where: { id: { in: jobs.map((job) => job.id) } } });
    expect(dead.map((job) => [job.status, job.attempts])).toEqual(payloads.map(() => ["dead", 1]));
    for (const job of dead)
      expect(job.lastError).toMatch(/^InvalidJobError: invalid "portal.link-request" payload/);
    expect(await countJobs("mail.send")).toBe(mailJobs);
  });
});

describe("access links", () => {
  it("mail a hashed, expiring link only when number and address match", async () => {
    const { number } = await submitRequest({ email: "bob@example.org" });
    await runLinkRequests();
    const jobsBefore = await countJobs("mail.send");
    await requestAccessLink({ number, email: "eve@example.org", ip: freshIp(), locale: "en" });
    await requestAccessLink({
      number: "2026010110000010",
      email: "bob@example.org",
      ip: freshIp(),
      locale: "en",
    });
    await runLinkRequests();
    expect(await countJobs("mail.send")).toBe(jobsBefore);

    await requestAccessLink({ number, email: " BOB@example.org ", ip: freshIp(), locale: "de" });
    await runLinkRequests();
    const link = await lastMailLink("access-link", "bob@example.org");
    expect(link).toMatch(/\/access\/[A-Za-z0-9_-]{43}$/);
    const job = await db.job.findFirstOrThrow({
      where: { type: "mail.send" },
      orderBy: { id: "desc" },
    });
    expect(job.payload).toMatchObject({ kind: "access-link", secret: true });
    // Only the hash is stored.
    const stored = await db.customerToken.findFirstOrThrow({ where: { kind: "access" } });
    expect(stored.tokenHash).not.toContain(tokenOf(link!));
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(7 * DAY);
  });

  it("open the ticket until they expire, and never after (also when used before)", async () => {
    const { number } = await submitRequest({ email: "carol@example.org" });
    const now = new Date();
    await requestAccessLink({
      number,
      email: "carol@example.org",
      ip: freshIp(),
      locale: "en",
      now,
    });
    await runLinkRequests(now);
    const token = tokenOf((await lastMailLink("access-link", "carol@example.org"))!);

    const first = await exchangeToken({ token, now: new Date(now.getTime() + 1000) });
    expect(first?.redirectTo).toBe(`/tickets/${number}`);
    expect(first?.redirectTo).not.toContain(token);
    const session = await getCustomerSession({ token: first!.sessionToken });
    expect(session?.email).toBe("carol@example.org");
    expect(await getCustomerTicket({ session: session!, number, locale: "en" })).not.toBeNull();

    // Reusable within its lifetime (a second click, another device) …
    expect(await exchangeToken({ token, now: new Date(now.getTime() + 6 * DAY) })).not.toBeNull();
    // … refused once expired, although it was used before.
    expect(
      await exchangeToken({ token, now: new Date(now.getTime() + 7 * DAY + 1000) }),
    ).toBeNull();
    expect(await exchangeToken({ token: "x".repeat(43) })).toBeNull();
    expect(await exchangeToken({ token: "not a token" })).toBeNull();
  });

  it("give a session for that ticket only, which expires too", async () => {
    const first = await submitRequest({ email: "dan@example.org", subject: "First" });
    const second = await submitRequest({ email: "dan@example.org", subject: "Second" });
    const now = new Date();
    await requestAccessLink({
      number: first.number,
      email: "dan@example.org",
      ip: freshIp(),
      locale: "en",
      now,
    });
    await runLinkRequests(now);
    const token = tokenOf((await lastMailLink("access-link", "dan@example.org"))!);
    const result = await exchangeToken({ token, now });
    const session = (await getCustomerSession({ token: result!.sessionToken, now }))!;
    expect(await getCustomerTicket({ session, number: first.number, locale: "en" })).not.toBeNull();
    expect(await getCustomerTicket({ session, number: second.number, locale: "en" })).toBeNull();
    expect(await listCustomerTickets({ session })).toEqual([]);
    expect(
      await getCustomerSession({
        token: result!.sessionToken,
        now: new Date(now.getTime() + 25 * 3_600_000),
      }),
    ).toBeNull();
  });
});

describe("sign-in links", () => {
  it("are single use, short-lived, and open all of the customer's tickets", async () => {
    const first = await submitRequest({ email: "erin@example.org", subject: "First" });
    const second = await submitRequest({ email: "erin@example.org", subject: "Second" });
    await submitRequest({ email: "other@example.org", subject: "Not Erin's" });

    await requestMagicLink({ email: "nobody@example.org", ip: freshIp(), locale: "en" });
    await runLinkRequests();
    expect(await lastMailLink("magic-link", "nobody@example.org")).toBeNull();

    const now = new Date();
    await requestMagicLink({ email: "Erin@Example.org", ip: freshIp(), locale: "en", now });
    await runLinkRequests(now);
    const token = tokenOf((await lastMailLink("magic-link", "erin@example.org"))!);
    const result = await exchangeToken({ token, now });
    expect(result?.redirectTo).toBe("/my-requests");
    expect(await exchangeToken({ token, now })).toBeNull(); // used

    const session = (await getCustomerSession({ token: result!.sessionToken }))!;
    const list = await listCustomerTickets({ session });
    expect(list.map((t) => t.number)).toEqual([second.number, first.number]);

    await requestMagicLink({ email: "erin@example.org", ip: freshIp(), locale: "en", now });
    await runLinkRequests(now);
    const late = tokenOf((await lastMailLink("magic-link", "erin@example.org"))!);
    expect(
      await exchangeToken({ token: late, now: new Date(now.getTime() + 16 * 60_000) }),
    ).toBeNull();
  });

  it("are used up by one of two concurrent exchanges only", async () => {
    await submitRequest({ email: "gus@example.org" });
    await requestMagicLink({ email: "gus@example.org", ip: freshIp(), locale: "en" });
    await runLinkRequests();
    const token = tokenOf((await lastMailLink("magic-link", "gus@example.org"))!);
    const results = await Promise.all([exchangeToken({ token }), exchangeToken({ token })]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("keep a wider session when an access link of the same customer is opened", async () => {
    const { number } = await submitRequest({ email: "fay@example.org" });
    await requestMagicLink({ email: "fay@example.org", ip: freshIp(), locale: "en" });
    await runLinkRequests();
    const wide = await exchangeToken({
      token: tokenOf((await lastMailLink("magic-link", "fay@example.org"))!),
    });
    await requestAccessLink({ number, email: "fay@example.org", ip: freshIp(), locale: "en" });
    await runLinkRequests();
    const access = tokenOf((await lastMailLink("access-link", "fay@example.org"))!);
    const result = await exchangeToken({ token: access, currentSessionToken: wide!.sessionToken });
    expect(result).toMatchObject({ sessionToken: null, redirectTo: `/tickets/${number}` });
  });
});

describe("exchanging tokens", () => {
  it("opens no transaction for unknown, expired or used tokens", async () => {
    await submitRequest({ email: "hal@example.org" });
    const now = new Date();
    await requestMagicLink({ email: "hal@example.org", ip: freshIp(), locale: "en", now });
    await runLinkRequests(now);
    const token = tokenOf((await lastMailLink("magic-link", "hal@example.org"))!);
    expect(await exchangeToken({ token, now })).not.toBeNull();

    vi.mocked(transaction).mockClear();
    expect(await exchangeToken({ token, now })).toBeNull(); // used
    expect(await exchangeToken({ token: "y".repeat(43), now })).toBeNull(); // unknown
    expect(transactionsOpened()).toBe(0);
    await requestMagicLink({ email: "hal@example.org", ip: freshIp(), locale: "en", now });
    await runLinkRequests(now);
    const late = tokenOf((await lastMailLink("magic-link", "hal@example.org"))!);
    vi.mocked(transaction).mockClear();
    expect(await exchangeToken({ token: late, now: new Date(now.getTime() + DAY) })).toBeNull();
    expect(transactionsOpened()).toBe(0);
  });
});
