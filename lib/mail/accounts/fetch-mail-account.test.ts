// IMAP fetching against a real Dovecot (started by the test, like the
// PostgreSQL databases): messages become tickets and follow-ups and leave the
// folder only after they are stored; a cut connection loses and duplicates
// nothing; a changed UIDVALIDITY imports nothing twice; two fetchers share
// one account without fetching a message twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/lib/setup/seed";
import { adminActor } from "@/tests/kit/audit-actor";
import { dovecotMissing, startDovecot, type Dovecot } from "@/tests/kit/dovecot";
import { buildMail, newMessageId } from "@/tests/kit/mail";
import { acquireAccountLease } from "./account-lease";
import { fetchMailAccount } from "./fetch-mail-account";
import { createImapClient } from "./imap-client";
import {
  findInboundForReview,
  listFailedInboundMessages,
  reprocessInboundAsAdmin,
} from "../inbound/review-inbound-message";
import { createMailAccount } from "./manage-mail-accounts";
import { recordFetchFailure, FAILING_NOTICE_MS, ACCOUNT_FAILING } from "./record-fetch-result";
import { startMailFetchers } from "./run-mail-fetchers";
import type { MailAccountInput } from "./schemas";

if (dovecotMissing) console.warn(`fetch-mail-account.test.ts skipped: ${dovecotMissing}`);
let dovecot: Dovecot;

beforeAll(async () => {
  if (dovecotMissing) return;
  await seedDatabase();
  dovecot = await startDovecot();
}, 60_000);
afterAll(async () => {
  await dovecot?.stop();
});

let folders = 0;
/** A fresh account on its own folder pair of the Dovecot user. */
async function newAccount(extra: Partial<MailAccountInput> = {}) {
  const n = ++folders;
  const account = await createMailAccount(
    {
      name: `Support ${n}`,
      host: dovecot.host,
      port: dovecot.port,
      security: "none",
      username: dovecot.user,
      password: dovecot.password,
      folder: `In${n}`,
      afterStore: "move",
      moveTo: `Done${n}`,
      queueId: null,
      pollSeconds: 10,
      active: true,
      ...extra,
    },
    await adminActor(),
  );
  return db.mailAccount.findUniqueOrThrow({ where: { id: account.id } });
}

/** One fetch pass as a worker runs it: lease, connect, fetch, log out. */
async function fetchOnce(
  accountId: number,
  options: { batchSize?: number; onStored?: (n: number, cut: () => void) => void } = {},
) {
  const owner = `test-${accountId}`;
  expect(await acquireAccountLease({ accountId, owner, leaseMs: 60_000 })).toBe(true);
  const account = await db.mailAccount.findUniqueOrThrow({ where: { id: accountId } });
  const client = createImapClient(account);
  client.on("error", () => {});
  await client.connect();
  try {
    const outcome = await fetchMailAccount({
      client,
      account,
      owner,
      batchSize: options.batchSize,
      onStored: (n) => options.onStored?.(n, () => client.close()),
    });
    // Bytes this connection read from the server: proves what was not downloaded.
    return { ...outcome, received: client.stats().received };
  } finally {
    await client.logout().catch(() => client.close());
  }
}

const imapRows = (accountId: number) =>
  db.inboundMessage.findMany({
    where: { provider: "imap", providerId: { startsWith: `${accountId}:` } },
    orderBy: { id: "asc" },
  });

describe.skipIf(!!dovecotMissing)("fetching an IMAP mail account (Dovecot)", () => {
  it("turns appended messages into a ticket and its follow-up, in the account's queue, and moves them after storing", async () => {
    const wlan = await db.queue.findUniqueOrThrow({ where: { name: "WLAN" } });
    const account = await newAccount({ queueId: wlan.id });
    const first = newMessageId();
    await dovecot.append(account.folder, [
      buildMail({ messageId: first, subject: "Eduroam drops every hour" }),
      buildMail({
        messageId: newMessageId(),
        inReplyTo: first,
        subject: "Re: Eduroam drops every hour",
        text: "Still broken.",
      }),
    ]);

    const outcome = await fetchOnce(account.id);

    expect(outcome).toMatchObject({ stored: 2, cleared: 2, uidValidityChanged: false });
    const rows = await imapRows(account.id);
    expect(rows.map((r) => r.status)).toEqual(["processed", "processed"]);
    expect(rows[0].ticketId).toBe(rows[1].ticketId);
    const ticket = await db.ticket.findUniqueOrThrow({
      where: { id: rows[0].ticketId! },
      include: { articles: true },
    });
    expect(ticket.queueId).toBe(wlan.id);
    expect(ticket.articles).toHaveLength(2);
    expect(await dovecot.count(account.folder)).toBe(0);
    expect(await dovecot.count(account.moveTo!)).toBe(2);
    const after = await db.mailAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(after.lastUid).toBe(2n);
    expect(after.uidValidity).not.toBeNull();
    // Nothing left: a second pass stores nothing.
    expect(await fetchOnce(account.id)).toMatchObject({ stored: 0, cleared: 0 });
  });

  it("deletes instead of moving when the account says so", async () => {
    const account = await newAccount({ afterStore: "delete", moveTo: undefined });
    await dovecot.append(account.folder, [
      buildMail({ messageId: newMessageId(), subject: "Delete me after" }),
    ]);
    expect(await fetchOnce(account.id)).toMatchObject({ stored: 1, cleared: 1 });
    expect(await dovecot.count(account.folder)).toBe(0);
    expect((await imapRows(account.id))[0].status).toBe("processed");
  });

  it("loses and duplicates nothing when the connection is cut in the middle of a batch", async () => {
    const account = await newAccount();
    const subjects = Array.from({ length: 25 }, (_, i) => `Cut batch ${i + 1}`);
    await dovecot.append(
      account.folder,
      subjects.map((subject) => buildMail({ messageId: newMessageId(), subject })),
    );

    // Batches of 10: the first is stored and moved; the connection is cut after 5 of the
    // second are stored (committed, not moved yet).
    await expect(
      fetchOnce(account.id, {
        batchSize: 10,
        onStored: (n, cut) => {
          if (n === 15) cut();
        },
      }),
    ).rejects.toThrow();
    // What was already read off the socket may still be stored; never more than the batch.
    const before = (await imapRows(account.id)).length;
    expect(before).toBeGreaterThanOrEqual(15);
    expect(before).toBeLessThanOrEqual(20);
    expect(await dovecot.count(account.folder)).toBe(15);

    const outcome = await fetchOnce(account.id, { batchSize: 10 });

    // Those stored before the cut are only moved now; the rest are fetched.
    expect(outcome).toMatchObject({ stored: 25 - before, cleared: 15 });
    const rows = await imapRows(account.id);
    expect(rows).toHaveLength(25);
    expect(new Set(rows.map((r) => r.providerId)).size).toBe(25);
    expect(rows.every((r) => r.status === "processed")).toBe(true);
    const titles = await db.ticket.findMany({
      where: { title: { startsWith: "Cut batch " } },
      select: { title: true },
    });
    expect(titles.map((t) => t.title).sort()).toEqual([...subjects].sort());
    expect(await dovecot.count(account.folder)).toBe(0);
    expect(await dovecot.count(account.moveTo!)).toBe(25);
  });

  it("keeps a message over INBOUND_MAX_BYTES as failed with its header, without downloading it, and clears it", async () => {
    const account = await newAccount();
    const bigId = newMessageId();
    // ~400 KB of text: over a 200 KB limit.
    const line = `${"The whole thesis, scanned page by page. ".repeat(2)}\r\n`;
    const big = buildMail({
      messageId: bigId,
      subject: "Scan of the whole thesis",
      text: line.repeat(Math.ceil(400_000 / line.length)),
    });
    const small = buildMail({ messageId: newMessageId(), subject: "A small one after it" });
    await dovecot.append(account.folder, [big, small]);
    const limit = process.env.INBOUND_MAX_BYTES;
    process.env.INBOUND_MAX_BYTES = "200000";
    let outcome;
    try {
      outcome = await fetchOnce(account.id);
    } finally {
      if (limit === undefined) delete process.env.INBOUND_MAX_BYTES;
      else process.env.INBOUND_MAX_BYTES = limit;
    }

    expect(outcome).toMatchObject({ stored: 2, tooLarge: 1, cleared: 2 });
    // The big one was never downloaded whole (its header and the small one were).
    expect(outcome.received).toBeLessThan(100_000);
    const rows = await imapRows(account.id);
    const tooLarge = rows.find((r) => r.messageId === bigId)!;
    expect(rows.filter((r) => r !== tooLarge).map((r) => r.status)).toEqual(["processed"]);
    expect(tooLarge).toMatchObject({
      status: "failed",
      size: big.length,
      messageId: bigId,
      raw: null,
      ticketId: null,
    });
    expect(tooLarge.error).toContain(`${big.length} bytes, over INBOUND_MAX_BYTES (200000 bytes)`);
    expect(tooLarge.error).toContain(`"${account.moveTo}"`);
    // Cleared like any stored message: the folder does not stick on it.
    expect(await dovecot.count(account.folder)).toBe(0);
    expect(await dovecot.count(account.moveTo!)).toBe(2);
    expect(await fetchOnce(account.id)).toMatchObject({ stored: 0, cleared: 0 });
    expect(await imapRows(account.id)).toHaveLength(2);

    // The admin's review shows it with its header; processing it again keeps the reason.
    expect((await listFailedInboundMessages()).map((m) => m.id)).toContain(tooLarge.id);
    const review = await findInboundForReview(tooLarge.id);
    expect(review?.headers).toContainEqual(["subject", "Scan of the whole thesis"]);
    expect(review?.error).toBe(tooLarge.error);
    await expect(
      reprocessInboundAsAdmin({ actor: await adminActor(), id: tooLarge.id }),
    ).rejects.toMatchObject({ key: "rawNotKept" });
    const after = await db.inboundMessage.findUniqueOrThrow({ where: { id: tooLarge.id } });
    expect(after).toMatchObject({ status: "failed", error: tooLarge.error });

    // The mailbox rebuilt (new UIDVALIDITY) with the message in it again: not a second review item.
    await db.mailAccount.update({ where: { id: account.id }, data: { uidValidity: 1n } });
    await dovecot.append(account.folder, [big]);
    process.env.INBOUND_MAX_BYTES = "200000";
    try {
      expect(await fetchOnce(account.id)).toMatchObject({
        uidValidityChanged: true,
        stored: 1,
        tooLarge: 1,
      });
    } finally {
      if (limit === undefined) delete process.env.INBOUND_MAX_BYTES;
      else process.env.INBOUND_MAX_BYTES = limit;
    }
    const again = (await imapRows(account.id)).at(-1)!;
    expect(again).toMatchObject({ status: "duplicate", duplicateOfId: tooLarge.id });
    expect((await listFailedInboundMessages()).map((m) => m.id)).not.toContain(again.id);
  });

  it("records a changed UIDVALIDITY and makes no new tickets of the messages seen before", async () => {
    const account = await newAccount();
    const raws = [1, 2].map((i) =>
      buildMail({ messageId: newMessageId(), subject: `Validity ${i}` }),
    );
    await dovecot.append(account.folder, raws);
    await fetchOnce(account.id);
    const tickets = await db.ticket.count();
    // The server lost its state: the same mail is in the folder again, under another UIDVALIDITY.
    await db.mailAccount.update({ where: { id: account.id }, data: { uidValidity: 1n } });
    await dovecot.append(account.folder, raws);

    const outcome = await fetchOnce(account.id);

    expect(outcome).toMatchObject({ uidValidityChanged: true, stored: 2 });
    expect((await imapRows(account.id)).map((r) => r.status)).toEqual([
      "processed",
      "processed",
      "duplicate",
      "duplicate",
    ]);
    expect(await db.ticket.count()).toBe(tickets);
    const after = await db.mailAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(after.uidValidity).not.toBe(1n);
  });

  it("two fetchers running share an account: each message is fetched once, new mail arrives by IDLE", async () => {
    const account = await newAccount();
    const subjects = Array.from({ length: 12 }, (_, i) => `Two workers ${i + 1}`);
    await dovecot.append(
      account.folder,
      subjects.slice(0, 8).map((subject) => buildMail({ messageId: newMessageId(), subject })),
    );
    const options = { scanMs: 200, leaseMs: 5_000, idleRecheckMs: 60_000, log: () => {} };
    const one = startMailFetchers({ ...options, owner: "worker-one" });
    const two = startMailFetchers({ ...options, owner: "worker-two" });
    const until = async (check: () => Promise<boolean>) => {
      const deadline = Date.now() + 60_000;
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error("timed out waiting");
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    try {
      await until(async () => (await imapRows(account.id)).length === 8);
      // Appended while the fetcher idles on the folder.
      await dovecot.append(
        account.folder,
        subjects.slice(8).map((subject) => buildMail({ messageId: newMessageId(), subject })),
      );
      await until(
        async () =>
          (await dovecot.count(account.folder)) === 0 && (await imapRows(account.id)).length >= 12,
      );
      const holders = [...one.accounts(), ...two.accounts()].filter((id) => id === account.id);
      expect(holders).toHaveLength(1);
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
    const rows = await imapRows(account.id);
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.status === "processed")).toBe(true);
    const after = await db.mailAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(after).toMatchObject({ leaseOwner: null, lastError: null });
    expect(after.lastSuccessAt).not.toBeNull();
  }, 90_000);

  it("records failures with the server's words and tells the admins once the account has failed for an hour", async () => {
    const account = await newAccount({ password: "wrong-password" });
    const fetchers = startMailFetchers({ owner: "worker-failing", scanMs: 200, log: () => {} });
    try {
      const deadline = Date.now() + 30_000;
      while (!(await db.mailAccount.findUniqueOrThrow({ where: { id: account.id } })).lastError) {
        if (Date.now() > deadline) throw new Error("no failure recorded");
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await fetchers.stop();
    }
    const failed = await db.mailAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(failed.lastError).toMatch(/auth|login|fail/i);
    expect(failed.lastSuccessAt).toBeNull();
    const notices = () => db.notification.count({ where: { type: ACCOUNT_FAILING } });
    expect(await notices()).toBe(0);
    const later = new Date(failed.failingSince!.getTime() + FAILING_NOTICE_MS + 1000);
    expect(
      await recordFetchFailure({
        accountId: account.id,
        error: new Error("still down"),
        now: later,
      }),
    ).toBe(true);
    const admins = await db.agent.count({ where: { role: "admin", active: true } });
    expect(await notices()).toBe(admins);
    // Once per run of failures.
    expect(
      await recordFetchFailure({
        accountId: account.id,
        error: new Error("still down"),
        now: later,
      }),
    ).toBe(false);
  }, 60_000);
});
