import { describe, expect, it } from "vitest";
import { db } from "../db";
import { exchangeToken } from "./exchange-token";
import { getCustomerSession } from "./get-customer-session";
import { getCustomerTicket } from "./get-customer-ticket";
import { listCustomerTickets } from "./list-customer-tickets";
import { requestAccessLink } from "./request-access-link";
import { requestMagicLink } from "./request-magic-link";
import { freshIp, lastMailLink, submitRequest, tokenOf } from "./test-helpers";

const DAY = 86_400_000;

describe("access links", () => {
  it("mail a hashed, expiring link only when number and address match", async () => {
    const { number } = await submitRequest({ email: "bob@example.org" });
    const jobsBefore = await db.job.count({ where: { type: "mail.send" } });
    await requestAccessLink({ number, email: "eve@example.org", ip: freshIp(), locale: "en" });
    await requestAccessLink({
      number: "2026010110000010",
      email: "bob@example.org",
      ip: freshIp(),
      locale: "en",
    });
    expect(await db.job.count({ where: { type: "mail.send" } })).toBe(jobsBefore);

    await requestAccessLink({ number, email: " BOB@example.org ", ip: freshIp(), locale: "de" });
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
    const token = tokenOf((await lastMailLink("access-link", "carol@example.org"))!);

    const first = await exchangeToken({ token, now: new Date(now.getTime() + 1000) });
    expect(first?.redirectTo).toBe(`/tickets/${number}`);
    expect(first?.redirectTo).not.toContain(token);
    const session = await getCustomerSession({ token: first!.sessionToken });
    expect(session?.email).toBe("carol@example.org");
    expect(await getCustomerTicket({ session: session!, number })).not.toBeNull();

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
    const token = tokenOf((await lastMailLink("access-link", "dan@example.org"))!);
    const result = await exchangeToken({ token, now });
    const session = (await getCustomerSession({ token: result!.sessionToken, now }))!;
    expect(await getCustomerTicket({ session, number: first.number })).not.toBeNull();
    expect(await getCustomerTicket({ session, number: second.number })).toBeNull();
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
    expect(await lastMailLink("magic-link", "nobody@example.org")).toBeNull();

    const now = new Date();
    await requestMagicLink({ email: "Erin@Example.org", ip: freshIp(), locale: "en", now });
    const token = tokenOf((await lastMailLink("magic-link", "erin@example.org"))!);
    const result = await exchangeToken({ token, now });
    expect(result?.redirectTo).toBe("/my-requests");
    expect(await exchangeToken({ token, now })).toBeNull(); // used

    const session = (await getCustomerSession({ token: result!.sessionToken }))!;
    const list = await listCustomerTickets({ session });
    expect(list.map((t) => t.number)).toEqual([second.number, first.number]);

    await requestMagicLink({ email: "erin@example.org", ip: freshIp(), locale: "en", now });
    const late = tokenOf((await lastMailLink("magic-link", "erin@example.org"))!);
    expect(
      await exchangeToken({ token: late, now: new Date(now.getTime() + 16 * 60_000) }),
    ).toBeNull();
  });

  it("keep a wider session when an access link of the same customer is opened", async () => {
    const { number } = await submitRequest({ email: "fay@example.org" });
    await requestMagicLink({ email: "fay@example.org", ip: freshIp(), locale: "en" });
    const wide = await exchangeToken({
      token: tokenOf((await lastMailLink("magic-link", "fay@example.org"))!),
    });
    await requestAccessLink({ number, email: "fay@example.org", ip: freshIp(), locale: "en" });
    const access = tokenOf((await lastMailLink("access-link", "fay@example.org"))!);
    const result = await exchangeToken({ token: access, currentSessionToken: wide!.sessionToken });
    expect(result).toMatchObject({ sessionToken: null, redirectTo: `/tickets/${number}` });
  });
});
