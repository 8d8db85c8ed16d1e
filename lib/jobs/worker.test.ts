// The job worker against a real database and the real Resend SDK pointed at
// the local stub. Time is injected (clock), never slept.
import { systemScope } from "../access/system-scope";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM } from "../actor";
import { db, transaction } from "../db";
import { webRequestsInFlight } from "../http/web-activity";
import { enqueueMail } from "../mail/outbound/enqueue-mail";
import { mailCustomerLink } from "../portal/mail-customer-link";
import { seedDatabase } from "../setup/seed";
import { addArticle } from "../tickets/add-article";
import { createTicket } from "../tickets/create-ticket";
import { startResendStub, type ResendStub } from "@/tests/kit/resend-stub";
import { startTrackedServer, type TrackedServer } from "@/tests/kit/tracked-server";
import { enqueue } from "./enqueue";
import { rerunJob } from "./finish-job";
import { jobHandlers } from "./handlers";
import { createWorker } from "./worker";

// Workers run as `node --import tsx` so that a kill reaches the worker itself
// (the tsx CLI would leave its child running).
const root = path.resolve(import.meta.dirname, "../..");
let stub: ResendStub;
let queueId: number;

beforeAll(async () => {
  stub = await startResendStub();
  await seedDatabase();
  const misc = await db.queue.findUniqueOrThrow({ where: { name: "Misc" } });
  queueId = misc.id;
  await db.queueAddress.create({
    data: { address: "support@example.net", queueId, isPrimary: true },
  });
});

afterAll(async () => {
  await stub.close();
});

beforeEach(async () => {
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = stub.url;
  stub.requests.length = 0;
  stub.delayMs = 0;
  await db.job.deleteMany();
});

afterEach(() => {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
});

function clockAt(start: Date) {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

const newRequest = (email: string, title = "Mail test") =>
  createTicket({
    scope: systemScope,
    customer: { email, name: "Mia Muster" },
    title,
    queueId,
    actor: SYSTEM,
    article: {
      channel: "email",
      direction: "in",
      visibleToCustomer: true,
      text: "Hello",
      messageId: `<in-${email}>`,
    },
  });

/** Send attempts, optionally only those to one address (a new ticket also notifies agents). */
const sends = (to?: string) =>
  stub.requests.filter(
    (r) =>
      r.method === "POST" && r.path === "/emails" && (!to || JSON.stringify(r.body).includes(to)),
  );

describe("sending mail through Resend", () => {
  it("retries after two 500s with one idempotency key, and the mail is accepted once", async () => {
    const ticket = await newRequest("retry@example.org");
    await db.job.deleteMany({ where: { type: "ticket.event" } }); // no agent notifications in this count
    // The Message-ID is fixed when the mail is queued: every attempt sends that one.
    const queued = await db.job.findFirstOrThrow({ where: { type: "mail.send" } });
    const queuedId = (queued.payload as { messageId?: string }).messageId;
    expect(queuedId).toMatch(/^<.+@.+>$/);
    stub.failNext(2);
    const clock = clockAt(new Date());
    const worker = createWorker({ handlers: jobHandlers, clock: clock.now, log: () => {} });

    await worker.drain();
    expect(sends()).toHaveLength(1);
    clock.advance(31_000); // first backoff: 30 s
    await worker.drain();
    expect(sends()).toHaveLength(2);
    clock.advance(10_000); // not yet due (60 s)
    await worker.drain();
    expect(sends()).toHaveLength(2);
    clock.advance(51_000);
    await worker.drain();

    const attempts = sends();
    expect(attempts.map((r) => r.status)).toEqual([500, 500, 200]);
    const keys = new Set(attempts.map((r) => r.headers["idempotency-key"]));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toBeTruthy();
    expect(stub.emails()).toHaveLength(1);

    const job = await db.job.findFirstOrThrow({ where: { type: "mail.send" } });
    expect(job).toMatchObject({ status: "done", attempts: 3 });

    const sent = stub.emails()[0] as {
      to: string[] | string;
      subject: string;
      headers: Record<string, string>;
      reply_to?: unknown;
    };
    expect(sent.subject).toContain(`[Ticket#${ticket.number}]`);
    expect(sent.headers["Auto-Submitted"]).toBe("auto-replied");
    expect(sent.headers["X-Auto-Response-Suppress"]).toBe("All");
    expect(sent.headers["In-Reply-To"]).toBe("<in-retry@example.org>");
    expect(JSON.stringify(sent)).toContain("support@example.net"); // Reply-To: the queue address

    // The sent mail is an article with its Message-ID, so replies thread back.
    const article = await db.article.findFirstOrThrow({
      where: { ticketId: ticket.id, direction: "out" },
    });
    expect(article.messageId).toBe(sent.headers["Message-ID"]);
    expect(sent.headers["Message-ID"]).toBe(queuedId);
    expect(article).toMatchObject({ channel: "email", isAutomatic: true, visibleToCustomer: true });
  });

  it("marks a job dead with its error after the last attempt, and an admin can re-run it", async () => {
    await transaction((tx) =>
      enqueueMail(tx, {
        kind: "magic-link",
        to: "dead@example.org",
        data: { link: "https://x/y", expires: "soon" },
        secret: true,
      }),
    );
    await db.job.updateMany({ where: { type: "mail.send" }, data: { maxAttempts: 2 } });
    stub.failNext(10);
    const clock = clockAt(new Date());
    const worker = createWorker({ handlers: jobHandlers, clock: clock.now, log: () => {} });
    await worker.drain();
    clock.advance(31_000);
    await worker.drain();
    const dead = await db.job.findFirstOrThrow({ where: { type: "mail.send" } });
    expect(dead.status).toBe("dead");
    expect(dead.lastError).toContain("stub failure");
    // Kept for review, but without the link it carried.
    expect(JSON.stringify(dead.payload)).not.toContain("https://x/y");

    // Re-run: an ordinary mail goes out; the withheld link fails with a clear reason.
    await transaction((tx) =>
      enqueueMail(tx, {
        kind: "notification",
        to: "agent@example.org",
        data: { event: "escalation", message: "m" },
      }),
    );
    await db.job.updateMany({
      where: { type: "mail.send", status: "queued" },
      data: { maxAttempts: 1 },
    });
    stub.failNext(1);
    await worker.drain();
    const deadNotification = await db.job.findFirstOrThrow({
      where: { type: "mail.send", status: "dead", id: { not: dead.id } },
    });
    stub.failNext(0);
    expect(await rerunJob(deadNotification.id, clock.now())).toBe(true);
    await worker.drain();
    expect((await db.job.findUniqueOrThrow({ where: { id: deadNotification.id } })).status).toBe(
      "done",
    );

    expect(await rerunJob(dead.id, clock.now())).toBe(true);
    await worker.drain();
    const again = await db.job.findUniqueOrThrow({ where: { id: dead.id } });
    expect(again.lastError).toContain("link was withheld");
  });

  it("lets another worker finish a job whose worker was killed, without mailing twice", async () => {
    await newRequest("killed@example.org");
    await db.job.deleteMany({ where: { type: "ticket.event" } });
    stub.delayMs = 4000;
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "tests/kit/run-worker-process.ts"],
      {
        cwd: root,
        env: { ...process.env, LEASE_MS: "60000" },
        stdio: "ignore",
      },
    );
    try {
      const before = stub.arrivals();
      await waitFor(() => stub.arrivals() > before, 30_000);
      const running = await db.job.findFirstOrThrow({ where: { type: "mail.send" } });
      expect(running.status).toBe("running");
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
    } finally {
      child.kill("SIGKILL");
    }
    stub.delayMs = 0;
    // Before the lease runs out nobody takes the job; after it, this worker does.
    const clock = clockAt(new Date(Date.now() + 30_000));
    const rescuer = createWorker({ handlers: jobHandlers, clock: clock.now, log: () => {} });
    expect(await rescuer.drain()).toBe(0);
    clock.advance(31_000 + 1000);
    expect(await rescuer.drain()).toBe(1);

    const job = await db.job.findFirstOrThrow({ where: { type: "mail.send" } });
    expect(job).toMatchObject({ status: "done", attempts: 2, lockedBy: rescuer.workerId });
    await waitFor(() => sends().length >= 2, 10_000); // the killed attempt is answered late
    expect(new Set(sends().map((r) => r.headers["idempotency-key"])).size).toBe(1);
    expect(
      stub.emails().filter((e) => JSON.stringify(e).includes("killed@example.org")),
    ).toHaveLength(1);
  });
});

describe("customer links", () => {
  it("mail access and magic links with every placeholder filled, and keep no link once sent", async () => {
    const ticket = await newRequest("links@example.org", "Lost password");
    const customer = await db.customer.findUniqueOrThrow({ where: { email: "links@example.org" } });
    await mailCustomerLink({
      kind: "access",
      customer,
      ticket,
      lifetimeMs: 86_400_000,
      locale: "de",
      now: new Date(),
    });
    await mailCustomerLink({
      kind: "magic",
      customer,
      lifetimeMs: 900_000,
      locale: "en",
      now: new Date(),
    });
    await createWorker({ handlers: jobHandlers, log: () => {} }).drain();

    const linkMails = stub
      .emails()
      .filter(
        (e) =>
          JSON.stringify(e.to).includes("links@example.org") &&
          JSON.stringify(e).includes("/access/"),
      ) as {
      subject: string;
      text: string;
      headers: Record<string, string>;
    }[];
    // The access and sign-in links, and the new ticket's confirmation with its direct link.
    expect(linkMails).toHaveLength(3);
    for (const mail of linkMails) {
      expect(mail.text).not.toMatch(/\{\w+\}/);
      expect(mail.headers["Auto-Submitted"]).toBe("auto-replied");
    }
    expect(linkMails.map((m) => m.subject)).toEqual(
      expect.arrayContaining([
        `[Ticket#${ticket.number}] Ihr Link zur Anfrage ${ticket.number}`,
        "Sign in to your requests",
      ]),
    );
    const jobs = await db.job.findMany({
      where: { type: "mail.send", payload: { not: { equals: null } } },
    });
    expect(jobs.filter((j) => JSON.stringify(j.payload).includes("/access/"))).toEqual([]);
    const articles = await db.article.findMany({ where: { ticketId: ticket.id } });
    expect(articles.some((a) => a.text.includes("/access/"))).toBe(false);
  });
});

describe("agent replies", () => {
  it("go out with the article's Message-ID, threaded to the customer's mail, without auto headers", async () => {
    const ticket = await newRequest("reply@example.org", "Printer jams");
    const agent = await db.agent.findFirstOrThrow();
    const { article } = await addArticle({
      scope: systemScope,
      ticketId: ticket.id,
      actor: { kind: "agent", agentId: agent.id },
      article: {
        channel: "email",
        direction: "out",
        visibleToCustomer: true,
        subject: "Re: Printer jams",
        text: "Please open tray 2.",
        authorAgentId: agent.id,
        messageId: "<reply-1@helpdesk.test>",
      },
    });
    await createWorker({ handlers: jobHandlers, log: () => {} }).drain();

    const reply = stub.emails().find((e) => JSON.stringify(e).includes("Please open tray 2.")) as {
      subject: string;
      headers: Record<string, string>;
      to: string[] | string;
    };
    expect(reply.subject).toBe(`[Ticket#${ticket.number}] Re: Printer jams`);
    expect(reply.headers["Message-ID"]).toBe("<reply-1@helpdesk.test>");
    expect(reply.headers["In-Reply-To"]).toBe("<in-reply@example.org>");
    expect(reply.headers.References).toBe("<in-reply@example.org>");
    expect(reply.headers["Auto-Submitted"]).toBeUndefined();
    expect(String(reply.to)).toContain("reply@example.org");
    const stored = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(stored.inReplyTo).toBe("<in-reply@example.org>");
    expect(await db.historyEntry.count({ where: { ticketId: ticket.id, type: "mail_sent" } })).toBe(
      2,
    ); // auto-response + reply
  });
});

describe("stopping a worker", () => {
  it("lets a job in flight finish, or releases it when the grace time runs out", async () => {
    const slow = await transaction((tx) =>
      enqueue(tx, { type: "system.probe", payload: { ms: 400 } }),
    );
    const worker = createWorker({ handlers: jobHandlers, log: () => {}, pollMs: 10 });
    worker.start();
    await waitFor(
      async () => (await db.job.findUniqueOrThrow({ where: { id: slow.id } })).status === "running",
      10_000,
    );
    await worker.stop();
    expect(await db.job.findUniqueOrThrow({ where: { id: slow.id } })).toMatchObject({
      status: "done",
      attempts: 1,
    });

    const stuck = await transaction((tx) =>
      enqueue(tx, { type: "system.probe", payload: { ms: 3000 } }),
    );
    const impatient = createWorker({ handlers: jobHandlers, log: () => {}, pollMs: 10 });
    impatient.start();
    await waitFor(
      async () =>
        (await db.job.findUniqueOrThrow({ where: { id: stuck.id } })).status === "running",
      10_000,
    );
    await impatient.stop({ graceMs: 50 });
    // Back in the queue at once, the cut-off attempt not counted.
    expect(await db.job.findUniqueOrThrow({ where: { id: stuck.id } })).toMatchObject({
      status: "queued",
      attempts: 0,
      lockedBy: null,
    });
  });
});

describe("a worker in the web process", () => {
  it("lets the event loop turn between claims, so a backlog does not hold up requests", async () => {
    await transaction(async (tx) => {
      for (let i = 0; i < 40; i++) await enqueue(tx, { type: "system.probe", payload: { ms: 0 } });
    });
    const done = () => db.job.count({ where: { type: "system.probe", status: "done" } });
    const worker = createWorker({ handlers: jobHandlers, log: () => {}, pollMs: 10 });
    worker.start();
    try {
      // What a request arriving now waits for: the next turn of the event loop. Without the
      // turn between claims, all 40 jobs would be done by then (on SQLite, no statement
      // waits for I/O); with it, one claim's jobs at most (concurrency 4).
      await new Promise<void>((resolve) => setImmediate(resolve));
      expect(await done()).toBeLessThanOrEqual(4);
      await waitFor(async () => (await done()) === 40, 10_000);
    } finally {
      await worker.stop();
    }
  });
});

describe("a worker in the web process, while requests are in flight", () => {
  let server: TrackedServer;

  beforeEach(async () => {
    server = await startTrackedServer();
    await transaction(async (tx) => {
      for (let i = 0; i < 8; i++) await enqueue(tx, { type: "system.probe", payload: { ms: 0 } });
    });
  });

  afterEach(() => server.close());

  const done = () => db.job.count({ where: { type: "system.probe", status: "done" } });

  async function requestInFlight() {
    void fetch(server.url).catch(() => {});
    await waitFor(() => server.held.length === 1, 5_000);
  }

  it("lets them go first: no job is claimed until the last one is answered", async () => {
    await requestInFlight();
    const worker = createWorker({ handlers: jobHandlers, log: () => {}, webYieldMs: 60_000 });
    worker.start();
    try {
      await new Promise((r) => setTimeout(r, 300));
      expect(await done()).toBe(0);
      server.held.splice(0).forEach((res) => res.end());
      await waitFor(async () => (await done()) === 8, 10_000);
    } finally {
      await worker.stop();
    }
  });

  it("still claims every webYieldMs when the server never runs out of requests", async () => {
    await requestInFlight();
    const worker = createWorker({ handlers: jobHandlers, log: () => {}, webYieldMs: 50 });
    worker.start();
    try {
      await waitFor(async () => (await done()) === 8, 10_000);
      expect(webRequestsInFlight()).toBe(1);
    } finally {
      await worker.stop();
    }
  });
});

describe("several worker processes", () => {
  const children: ChildProcess[] = [];
  afterEach(() => children.forEach((c) => c.kill("SIGKILL")));

  it("share 240 slow jobs between two processes, none run twice", async () => {
    const count = 240;
    // The jobs are queued once both processes are up: a process that is still starting
    // (on a busy machine, seconds apart) would otherwise find the work already done.
    const ready: Promise<void>[] = [];
    for (let i = 0; i < 2; i++) {
      const child = spawn(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", "tests/kit/run-worker-process.ts"],
        {
          cwd: root,
          env: { ...process.env, CONCURRENCY: "4", POLL_MS: "20" },
          stdio: ["ignore", "pipe", "ignore"],
        },
      );
      children.push(child);
      ready.push(
        new Promise((resolve, reject) => {
          let out = "";
          child.stdout!.on("data", (chunk) => {
            out += chunk;
            if (out.includes("ready ")) resolve();
          });
          child.on("exit", (code) => reject(new Error(`worker process exited (${code})`)));
        }),
      );
    }
    await Promise.all(ready);
    await transaction(async (tx) => {
      for (let i = 0; i < count; i++)
        await enqueue(tx, { type: "system.probe", payload: { ms: 20 } });
    });
    await waitFor(
      async () =>
        (await db.job.count({ where: { type: "system.probe", status: "done" } })) === count,
      120_000,
    );

    const jobs = await db.job.findMany({ where: { type: "system.probe" } });
    expect(jobs.every((j) => j.status === "done" && j.attempts === 1)).toBe(true);
    const byWorker = new Map<string, number>();
    for (const j of jobs) byWorker.set(j.lockedBy!, (byWorker.get(j.lockedBy!) ?? 0) + 1);
    expect(byWorker.size).toBe(2);
    console.log(`jobs per worker: ${[...byWorker.values()].join(" / ")}`);
    // Execution counters of these jobs (a released job of an earlier test may still finish).
    const ids = new Set(jobs.map((j) => String(j.id)));
    const executions = (
      await db.rateLimit.findMany({ where: { key: { startsWith: "probe:" } } })
    ).filter((e) => ids.has(e.key.split(":")[1]));
    expect(executions).toHaveLength(count);
    expect(executions.every((e) => e.count === 1)).toBe(true);
  });
});

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}
