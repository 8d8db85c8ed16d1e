// Issue 20: a mail account that keeps failing is told to the admins by mail too
// (not only in the app) — once per run of failures, not per poll — and once
// more when it works again; each admin in their own language. The whole way:
// a real failing fetch (nothing listens on the port) → recorded run → outbox
// job → worker → Resend SDK → local stub.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent } from "@/lib/agents/create-agent";
import { setAgentLocale } from "@/lib/agents/agent-locale";
import { db } from "@/lib/db";
import { jobHandlers } from "@/lib/jobs/handlers";
import { createWorker } from "@/lib/jobs/worker";
import { seedDatabase } from "@/lib/setup/seed";
import { adminActor } from "@/tests/kit/audit-actor";
import { freePort } from "@/tests/kit/free-port";
import { startResendStub, type ResendStub } from "@/tests/kit/resend-stub";
import { createMailAccount } from "./manage-mail-accounts";
import {
  ACCOUNT_FAILING,
  ACCOUNT_WORKING,
  FAILING_NOTICE_MS,
  recordFetchFailure,
  recordFetchSuccess,
} from "./record-fetch-result";
import { startMailFetchers } from "./run-mail-fetchers";

interface SentMail {
  to: string[] | string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
}

let stub: ResendStub;
beforeAll(async () => {
  stub = await startResendStub();
  await seedDatabase();
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = stub.url;
});
afterAll(async () => {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  await stub.close();
});

const drain = () => createWorker({ handlers: jobHandlers, log: () => {} }).drain();
const mailsAbout = (account: string) =>
  (stub.emails() as unknown as SentMail[]).filter((m) => m.subject.includes(account));
const to = (mail: SentMail) => [mail.to].flat()[0];

describe("mail to admins about a failing mail account", () => {
  it("goes out once per run of failures and once when the account works again, in each admin's language", async () => {
    const greta = await createAgent({
      email: "greta-admin@desk.example",
      name: "Greta",
      password: "greta-password-1",
      role: "admin",
      groups: [],
    });
    await setAgentLocale(greta.id, "de");
    // An agent who is no admin hears nothing.
    await createAgent({
      email: "agent-only@desk.example",
      name: "Agnes",
      password: "agnes-password-1",
      groups: [],
    });
    const admins = await db.agent.findMany({ where: { role: "admin", active: true } });
    expect(admins.length).toBeGreaterThanOrEqual(2);

    // Host down: nothing listens on the port. The real fetcher records the failures.
    const port = await freePort();
    const account = await createMailAccount(
      {
        name: "Helpdesk inbox",
        host: "127.0.0.1",
        port,
        security: "none",
        username: "support",
        password: "support-password",
        folder: "INBOX",
        afterStore: "move",
        moveTo: "Done",
        queueId: null,
        pollSeconds: 10,
        active: true,
      },
      await adminActor(),
    );
    const fetchers = startMailFetchers({ owner: "worker-down", scanMs: 200, log: () => {} });
    try {
      const deadline = Date.now() + 30_000;
      while (!(await db.mailAccount.findUniqueOrThrow({ where: { id: account.id } })).lastError) {
        if (Date.now() > deadline) throw new Error("no failure recorded");
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await fetchers.stop();
    }
    const failing = await db.mailAccount.findUniqueOrThrow({ where: { id: account.id } });
    await drain();
    expect(mailsAbout("Helpdesk inbox")).toEqual([]); // not within the first hour

    // An hour later, and every poll after it: one mail per admin, once.
    const later = new Date(failing.failingSince!.getTime() + FAILING_NOTICE_MS + 1000);
    const failure = { accountId: account.id, error: new Error("connect ECONNREFUSED") };
    expect(await recordFetchFailure({ ...failure, now: later })).toBe(true);
    for (let i = 1; i <= 3; i++)
      expect(
        await recordFetchFailure({ ...failure, now: new Date(later.getTime() + i * 60_000) }),
      ).toBe(false);
    await drain();
    const failingMails = mailsAbout("Helpdesk inbox");
    expect(failingMails.map(to).sort()).toEqual(admins.map((a) => a.email).sort());
    const german = failingMails.find((m) => to(m) === greta.email)!;
    expect(german.subject).toBe("E-Mail-Konto „Helpdesk inbox“ kann keine E-Mails abrufen");
    expect(german.text).toContain("Die letzte Antwort des Mailservers:");
    expect(german.text).toContain("ECONNREFUSED");
    expect(german.text).toContain(`/agent/admin/mail-accounts/${account.id}`);
    const english = failingMails.find((m) => to(m) !== greta.email)!;
    expect(english.subject).toBe("Mail account “Helpdesk inbox” cannot fetch mail");
    expect(english.text).toContain("The mail server’s last answer:");
    expect(english.headers?.["Auto-Submitted"]).toBe("auto-replied");
    expect(
      await db.notification.count({
        where: { type: ACCOUNT_FAILING, message: { contains: "Helpdesk inbox" } },
      }),
    ).toBe(admins.length);

    // It works again: one "works again" mail per admin, not one per successful poll.
    expect(await recordFetchSuccess(account.id)).toBe(true);
    expect(await recordFetchSuccess(account.id)).toBe(false);
    await drain();
    const working = mailsAbout("Helpdesk inbox").slice(failingMails.length);
    expect(working.map(to).sort()).toEqual(admins.map((a) => a.email).sort());
    expect(working.find((m) => to(m) === greta.email)!.subject).toBe(
      "E-Mail-Konto „Helpdesk inbox“ funktioniert wieder",
    );
    expect(working.find((m) => to(m) !== greta.email)!.subject).toBe(
      "Mail account “Helpdesk inbox” works again",
    );
    expect(await db.notification.count({ where: { type: ACCOUNT_WORKING } })).toBe(admins.length);
    // Each mail went out once (the stub sees every POST, retries included).
    expect(
      stub.posts().filter((p) => String(p.body.subject).includes("Helpdesk inbox")),
    ).toHaveLength(2 * admins.length);

    // A short failure that recovers before the hour tells nobody, either way.
    const now = new Date();
    expect(await recordFetchFailure({ ...failure, now })).toBe(false);
    expect(await recordFetchSuccess(account.id, new Date(now.getTime() + 60_000))).toBe(false);
    await drain();
    expect(mailsAbout("Helpdesk inbox")).toHaveLength(2 * admins.length);
  }, 60_000);
});
