// Issue 19 — nothing lost when the server dies mid-intake. The desk runs as
// `next start` with its in-process worker, sending mail through the real
// Resend SDK to the local stub. Each phase starts it with a test-only fail
// point (HELPDESK_FAIL_POINT, lib/system/fail-point.ts) that kill -9s the
// process at a chosen step of an intake (API, request form, inbound mail);
// one phase kills it from outside in the middle of a mixed burst. After a
// final clean restart: every request answered 2xx exists with its first
// article, no ticket lacks one, every delivery ends processed, and every
// mail is delivered exactly once — counted as raw POSTs at the stub.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import type { FailPointName } from "../../lib/system/fail-point";
import { ADMIN } from "../kit/app-server";
import { deskEnv, prepareDesk, startWeb, waitFor, type DeskProcess } from "../kit/desk-process";
import { submitForm } from "../kit/form-post";
import { buildMail, postMime } from "../kit/mail";
import { startResendStub, type ResendStub } from "../kit/resend-stub";

const SECRET = `whsec_${Buffer.from("crash-test-secret-0123456789abcdef").toString("base64")}`;
type Kind = "api" | "form" | "mail";

let stub: ResendStub;
let env: NodeJS.ProcessEnv;
let web: DeskProcess | undefined;
let seq = 0;
/** Tickets whose creation was answered 2xx: number → what the customer sent. */
const confirmed = new Map<string, { kind: Kind; text: string }>();
/** Inbound deliveries not answered 2xx: the provider sends them again (same webhook id). */
const undelivered = new Map<string, Buffer>();
/** Index into stub.posts() where each phase began, to tell which phase sent what. */
const phaseStarts: { name: string; index: number }[] = [];

async function intake(kind: Kind, url: string): Promise<void> {
  const i = ++seq;
  const text = `Crash test request ${i} (${kind}) — please help.`;
  const email = `crash-${i}@customer.example`;
  try {
    if (kind === "api") {
      const res = await fetch(`${url}/api/v1/tickets`, {
        method: "POST",
        headers: { authorization: `Bearer ${ADMIN.apiToken}`, "content-type": "application/json" },
        body: JSON.stringify({ customer: { email }, subject: `API ${i}`, body: text }),
      });
      if (res.status === 201) confirmed.set((await res.json()).number, { kind, text });
    } else if (kind === "form") {
      const res = await submitForm(url, "/request", {
        email,
        name: `Customer ${i}`,
        subject: `Form ${i}`,
        body: text,
        topic: topicId,
        website: "",
      });
      const number = /number=(\d+)/.exec(res.location)?.[1];
      if (res.status === 303 && number) confirmed.set(number, { kind, text });
    } else {
      const id = `msg_crash_${i}`;
      const raw = buildMail({ from: `<${email}>`, subject: `Mail ${i}`, text });
      undelivered.set(id, raw);
      await deliver(url, id, raw);
    }
  } catch {
    /* the connection died with the server: no 2xx, no promise made */
  }
}

async function deliver(url: string, id: string, raw: Buffer) {
  const res = await postMime(url, raw, SECRET, { id });
  if (res.status < 200 || res.status >= 300) {
    if (process.env.DEBUG_SOAK) console.log("delivery", id, res.status, res.body);
    return;
  }
  undelivered.delete(id);
  if (res.body.ticketNumber)
    confirmed.set(res.body.ticketNumber, { kind: "mail", text: raw.toString("utf8") });
}

async function openJobs() {
  return db.job.count({
    // The recurring statistics job is always scheduled: it is never "left over" work.
    where: { status: { in: ["queued", "running"] }, type: { not: "stats.refresh" } },
  });
}

let topicId = "";

beforeAll(async () => {
  stub = await startResendStub();
  env = deskEnv(process.env.DATABASE_URL!, {
    RESEND_API_KEY: "re_test_crash",
    RESEND_BASE_URL: stub.url,
    INBOUND_WEBHOOK_SECRET: SECRET,
    WORKER_LEASE_SECONDS: "10",
    // One desk address across restarts on new ports (links in mail carry it).
    APP_URL: "http://127.0.0.1:8080",
    PORTAL_REQUESTS_PER_IP_HOUR: "1000",
    // A mail cut off while it held its inbound lock is accepted again after 20 s, not 2 min.
    INBOUND_LOCK_SECONDS: "20",
  });
  await prepareDesk(env);
  const topic = await db.queue.findFirstOrThrow({ where: { isPublic: true } });
  topicId = String(topic.id);
});

afterAll(async () => {
  await web?.stop();
  await stub?.close();
});

/** Starts the desk with `point`, runs `burst` until the fail point kills it; returns the exit. */
async function crashAt(point: FailPointName, burst: (url: string) => Promise<void>) {
  phaseStarts.push({ name: point, index: stub.posts().length });
  web = await startWeb({ ...env, HELPDESK_FAIL_POINT: point }, { name: point });
  const url = web.url;
  const exit = web.exited;
  await Promise.race([burst(url), exit, new Promise((r) => setTimeout(r, 60_000))]);
  // The fail point must really have fired: the process died by SIGKILL.
  const killed = await Promise.race([
    exit.then(() => web!.child.signalCode),
    new Promise((r) => setTimeout(() => r("still running"), 60_000)),
  ]);
  expect(killed, `${point}:\n${web.output().slice(-2000)}`).toBe("SIGKILL");
}

const burstOf = (kind: Kind, count: number) => (url: string) =>
  Promise.all(Array.from({ length: count }, () => intake(kind, url))).then(() => {});

describe("crash mid-intake (kill -9 at fail points, then restart)", () => {
  for (const point of ["ticket.after-insert", "ticket.after-commit"] as const) {
    for (const kind of ["api", "form", "mail"] as const) {
      it(`${kind} intake killed at ${point}`, async () => {
        await crashAt(point, burstOf(kind, 3));
      });
    }
  }

  it("inbound mail killed after it was stored, before it was processed", async () => {
    await crashAt("inbound.after-store", burstOf("mail", 2));
  });

  it("mail killed after the Resend POST, before it was recorded", async () => {
    await crashAt("mail.after-send", async (url) => {
      await burstOf("api", 2)(url);
      await burstOf("form", 1)(url);
      // The in-process worker sends the auto-responses; the first send kills it.
      await new Promise(() => {});
    });
  });

  it("kill -9 from outside in the middle of a mixed burst", async () => {
    phaseStarts.push({ name: "external", index: stub.posts().length });
    web = await startWeb(env, { name: "external" });
    const url = web.url;
    const kinds: Kind[] = ["api", "form", "mail"];
    const before = confirmed.size;
    const burst = Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        new Promise((r) => setTimeout(r, i * 40)).then(() => intake(kinds[i % 3], url)),
      ),
    );
    await waitFor("a few answered requests", async () =>
      confirmed.size >= before + 4 ? true : undefined,
    );
    await web.stop("SIGKILL");
    await burst;
  });

  it("after a clean restart nothing is lost, half-written or sent twice", async () => {
    phaseStarts.push({ name: "recovery", index: stub.posts().length });
    web = await startWeb(env, { name: "recovery" });
    // The provider retries deliveries that got no 2xx (same webhook id) until
    // one is accepted. A mail cut off while it held its inbound lock answers
    // 503 until the lock expires (INBOUND_LOCK_SECONDS), as a provider's retry schedule expects.
    const { url } = web;
    await waitFor(
      "every delivery accepted",
      async () => {
        for (const [id, raw] of [...undelivered]) await deliver(url, id, raw);
        return undelivered.size === 0 ? true : undefined;
      },
      240_000,
    );
    // Leases of jobs cut off by the kills expire (10 s); the new worker finishes them.
    await waitFor("all jobs finished", async () => ((await openJobs()) === 0 ? true : undefined));
    await web.stop("SIGTERM");

    // Every request answered 2xx exists, with the customer's words as its first article.
    const tickets = await db.ticket.findMany({
      include: { articles: { orderBy: { id: "asc" }, take: 1 } },
    });
    const byNumber = new Map(tickets.map((t) => [t.number, t]));
    expect(confirmed.size).toBeGreaterThan(10);
    for (const [number, sent] of confirmed) {
      const ticket = byNumber.get(number);
      expect(ticket, `ticket ${number} (${sent.kind}) was confirmed but is missing`).toBeDefined();
      expect(ticket!.articles[0]?.direction).toBe("in");
      expect(sent.text).toContain(ticket!.articles[0].text.trim().split("\n")[0]);
    }
    // No ticket without its first article (a crash between the two writes).
    expect(tickets.filter((t) => t.articles.length === 0).map((t) => t.number)).toEqual([]);

    // No half-written inbound message: each delivery ended processed (one
    // row per webhook id) or as a duplicate of the one that was.
    const inbound = await db.inboundMessage.findMany();
    for (const row of inbound) {
      expect(["processed", "duplicate"], `inbound ${row.id}`).toContain(row.status);
      if (row.status === "processed") {
        expect(row.ticketId).not.toBeNull();
        expect(row.articleId).not.toBeNull();
      }
    }
    const processedPerDelivery = new Map<string, number>();
    for (const row of inbound.filter((r) => r.status === "processed"))
      processedPerDelivery.set(
        row.providerId!,
        (processedPerDelivery.get(row.providerId!) ?? 0) + 1,
      );
    expect([...processedPerDelivery.values()].every((n) => n === 1)).toBe(true);

    // Mail: every POST carries an idempotency key; each mail job went out
    // under exactly one key; a key is POSTed again only by a retry after a
    // crash between the send and its record.
    const posts = stub.posts();
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.filter((p) => !p.idempotencyKey)).toEqual([]);
    const keysPerJob = new Map<number, Set<string>>();
    const postsPerKey = new Map<string, number[]>();
    posts.forEach((post, index) => {
      const key = post.idempotencyKey!;
      const jobId = Number(/^helpdesk-mail-(\d+)-/.exec(key)?.[1]);
      keysPerJob.set(jobId, (keysPerJob.get(jobId) ?? new Set()).add(key));
      postsPerKey.set(key, [...(postsPerKey.get(key) ?? []), index]);
    });
    const mailJobs = await db.job.findMany({ where: { type: "mail.send" } });
    expect(mailJobs.filter((j) => j.status !== "done")).toEqual([]);
    for (const job of mailJobs) expect(keysPerJob.get(job.id)?.size, `job ${job.id}`).toBe(1);
    expect(stub.emails().length).toBe(mailJobs.length);
    const phaseOf = (index: number) => phaseStarts.findLast((p) => p.index <= index)!.name;
    const repeated = [...postsPerKey.values()].filter((indexes) => indexes.length > 1);
    for (const indexes of repeated) {
      // Sent again only because a kill cut in between an earlier send and its
      // record: never in the recovery run, where nothing was killed.
      for (const index of indexes.slice(0, -1)) expect(phaseOf(index)).not.toBe("recovery");
      const [first, ...others] = indexes.map((index) => posts[index].body);
      for (const other of others) expect(other).toEqual(first);
    }
    // The mail.after-send crash really happened between a POST and its record.
    expect(repeated.some((indexes) => phaseOf(indexes[0]) === "mail.after-send")).toBe(true);
    // Each auto-response article was recorded once per ticket.
    const autoArticles = await db.article.groupBy({
      by: ["ticketId"],
      where: { isAutomatic: true, direction: "out" },
      _count: true,
    });
    expect(autoArticles.filter((a) => a._count > 1)).toEqual([]);
    console.log(
      `crash test: ${confirmed.size} confirmed tickets, ${tickets.length} in the database, ` +
        `${inbound.length} inbound rows, ${mailJobs.length} mails, ${posts.length} raw POSTs ` +
        `(${repeated.length} repeated with the same key)`,
    );
  });
});
