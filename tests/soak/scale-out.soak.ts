// Issue 19 — the scale-out tier: two web processes and two workers
// (`npm run worker`) on one PostgreSQL database behind nginx, as README
// "Scale-out" describes. 500 concurrent creations through the balancer get 500
// unique numbers; every job runs once; portal rate limits hold across the
// processes; a worker killed mid-job is taken over after its lease; a
// permission change made through one web process is in force in the other.
// PostgreSQL only (TEST_DATABASE=postgresql; CI runs it so).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { ADMIN } from "../kit/app-server";
import { testProvider } from "../kit/databases";
import {
  deskEnv,
  prepareDesk,
  startWeb,
  startWorker,
  waitFor,
  type DeskProcess,
} from "../kit/desk-process";
import { submitForm } from "../kit/form-post";
import { startNginx, type Nginx } from "../kit/nginx";
import { startResendStub, type ResendStub } from "../kit/resend-stub";

const CREATIONS = 500;
const IN_FLIGHT = 100;
const PER_ADDRESS = 3;
const PER_IP = 8;

let stub: ResendStub;
let webs: DeskProcess[] = [];
let workers: DeskProcess[] = [];
let nginx: Nginx | undefined;
let env: NodeJS.ProcessEnv;

const allJobsFinished = async () =>
  (await db.job.count({
    // The recurring statistics job is always scheduled: it is never "left over" work.
    where: { status: { in: ["queued", "running"] }, type: { not: "stats.refresh" } },
  })) === 0
    ? true
    : undefined;

describe.skipIf(testProvider() !== "postgresql")("scale-out on PostgreSQL behind nginx", () => {
  beforeAll(async () => {
    stub = await startResendStub();
    env = deskEnv(process.env.DATABASE_URL!, {
      RESEND_API_KEY: "re_test_scale",
      RESEND_BASE_URL: stub.url,
      WORKER_IN_WEB: "false",
      WORKER_LEASE_SECONDS: "10",
      TRUSTED_PROXY_HOPS: "1",
      PORTAL_REQUESTS_PER_ADDRESS_HOUR: String(PER_ADDRESS),
      PORTAL_REQUESTS_PER_IP_HOUR: String(PER_IP),
      AUTO_MAIL_DAILY_CAP: "1000",
    });
    await prepareDesk(env);
    webs = await Promise.all([startWeb(env, { name: "web-a" }), startWeb(env, { name: "web-b" })]);
    workers = await Promise.all([startWorker(env, "worker-1"), startWorker(env, "worker-2")]);
    nginx = await startNginx(webs.map((w) => w.url));
  });

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all([...webs, ...workers].map((p) => p.stop("SIGTERM")));
    await stub?.close();
  });

  it(`${CREATIONS} concurrent creations through both web processes get unique numbers; every job runs once`, async () => {
    let next = 0;
    const results: { status: number; number?: string }[] = [];
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < CREATIONS) {
          const i = next++;
          const res = await fetch(`${nginx!.url}/api/v1/tickets`, {
            method: "POST",
            headers: {
              authorization: `Bearer ${ADMIN.apiToken}`,
              "content-type": "application/json",
            },
            body: JSON.stringify({
              customer: { email: `scale-${i}@customer.example` },
              subject: `Scale ${i}`,
              body: `Request ${i}`,
            }),
          });
          const body = await res.json().catch(() => ({}));
          results.push({ status: res.status, number: body.number });
        }
      }),
    );
    // On failure, the web processes' own words say why (e.g. P2028: the pool starved).
    const logs = webs.map((w) => `${w.name}:\n${w.output().slice(-2000)}`).join("\n");
    expect(
      results.filter((r) => r.status !== 201),
      logs,
    ).toEqual([]);
    const numbers = results.map((r) => r.number!);
    expect(new Set(numbers).size).toBe(CREATIONS);
    expect(await db.ticket.count()).toBe(CREATIONS);
    // nginx spread them over both web processes.
    const served = new Set(nginx!.upstreams());
    expect(served).toEqual(new Set(webs.map((w) => new URL(w.url).host)));

    await waitFor("all jobs finished", allJobsFinished, 300_000);
    // The recurring statistics refresh is always scheduled for its next slot: not work left over.
    const jobs = (await db.job.findMany()).filter(
      (j) => !(j.type === "stats.refresh" && j.status === "queued"),
    );
    expect(jobs.filter((j) => j.status !== "done")).toEqual([]);
    // Every job ran once: claimed once, and each mail POSTed once.
    expect(
      jobs
        .filter((j) => j.attempts !== 1)
        .map(({ id, type, attempts, lastError }) => ({ id, type, attempts, lastError })),
    ).toEqual([]);
    const mailJobs = jobs.filter((j) => j.type === "mail.send");
    expect(mailJobs.length).toBeGreaterThanOrEqual(CREATIONS);
    const posts = stub.posts();
    expect(posts.length).toBe(mailJobs.length);
    expect(new Set(posts.map((p) => p.idempotencyKey)).size).toBe(mailJobs.length);
    const autoResponses = await db.article.groupBy({
      by: ["ticketId"],
      where: { isAutomatic: true, direction: "out" },
      _count: true,
    });
    expect(autoResponses.length).toBe(CREATIONS);
    expect(autoResponses.every((a) => a._count === 1)).toBe(true);
    // Both workers took their share.
    expect(new Set(jobs.map((j) => j.lockedBy)).size).toBe(2);
    console.log(
      `scale-out: ${CREATIONS} tickets, ${jobs.length} jobs (${mailJobs.length} mails); ` +
        `jobs per worker ${JSON.stringify(
          Object.values(
            jobs.reduce<Record<string, number>>(
              (n, j) => ({ ...n, [j.lockedBy!]: (n[j.lockedBy!] ?? 0) + 1 }),
              {},
            ),
          ),
        )}`,
    );
  });

  it("portal rate limits hold across both web processes", async () => {
    const topic = String((await db.queue.findFirstOrThrow({ where: { isPublic: true } })).id);
    const request = (email: string, i: number) =>
      submitForm(
        nginx!.url,
        "/request",
        { email, name: "Rate", subject: `Rate ${i}`, body: "Please help", topic, website: "" },
        // A forged address does not help: nginx appends the real one, which counts.
        { headers: { "x-forwarded-for": `10.0.0.${i}` } },
      ).then((res) => res.status === 303 && res.location.includes("/request/sent"));
    const before = nginx!.upstreams().length;
    // One address, twice its limit: only PER_ADDRESS get through, whichever process serves them.
    const sameAddress = await Promise.all(
      Array.from({ length: PER_ADDRESS * 2 }, (_, i) => request("same@customer.example", i)),
    );
    expect(sameAddress.filter(Boolean).length).toBe(PER_ADDRESS);
    // New addresses from the same client: the IP's remaining hits, no more.
    const sameIp = await Promise.all(
      Array.from({ length: PER_IP }, (_, i) => request(`other-${i}@customer.example`, 100 + i)),
    );
    expect(sameIp.filter(Boolean).length).toBe(PER_IP - PER_ADDRESS * 2);
    expect(new Set(nginx!.upstreams().slice(before)).size).toBe(2);
  });

  it("a worker killed mid-job is taken over after its lease", async () => {
    await waitFor("quiet queue", allJobsFinished);
    stub.delayMs = 5_000; // the send is in flight when the worker dies
    const res = await fetch(`${nginx!.url}/api/v1/tickets`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN.apiToken}`, "content-type": "application/json" },
      body: JSON.stringify({
        customer: { email: "lease@customer.example" },
        subject: "Lease",
        body: "x",
      }),
    });
    expect(res.status).toBe(201);
    const ticketId = (await db.ticket.findFirstOrThrow({ where: { title: "Lease" } })).id;
    const arrivals = stub.arrivals();
    const job = await waitFor("the auto-response being sent", async () => {
      const running = await db.job.findMany({ where: { type: "mail.send", status: "running" } });
      const mine = running.find(
        (j) =>
          (j.payload as { ticketId?: number; kind?: string }).kind === "auto-response" &&
          (j.payload as { ticketId?: number }).ticketId === ticketId,
      );
      return mine && stub.arrivals() > arrivals ? mine : undefined;
    });
    const holder = workers.find((w) => job.lockedBy!.includes(`:${w.child.pid}:`))!;
    const other = workers.find((w) => w !== holder)!;
    expect(holder).toBeDefined();
    await holder.stop("SIGKILL");
    stub.delayMs = 0;

    const done = await waitFor("the job taken over", async () => {
      const row = await db.job.findUniqueOrThrow({ where: { id: job.id } });
      return row.status === "done" ? row : undefined;
    });
    expect(done.lockedBy).toContain(`:${other.child.pid}:`);
    expect(done.attempts).toBe(2);
    // The resend carried the same idempotency key, so the customer got one mail.
    const keys = stub
      .posts()
      .filter((p) => p.idempotencyKey?.startsWith(`helpdesk-mail-${job.id}-`));
    expect(keys.length).toBe(2);
    expect(new Set(keys.map((k) => k.idempotencyKey)).size).toBe(1);
    expect(
      await db.article.count({ where: { ticketId, isAutomatic: true, direction: "out" } }),
    ).toBe(1);
    workers = [other, await startWorker(env, "worker-3")];
  });

  it("a permission change made through one web process is in force in the other", async () => {
    const [a, b] = webs;
    const list = (web: DeskProcess) =>
      fetch(`${web.url}/api/v1/tickets?limit=1`, {
        headers: { authorization: `Bearer ${ADMIN.apiToken}` },
      }).then((r) => r.status);
    expect(await list(b)).toBe(200);
    // The admin signs in at web A and revokes the token there (no JavaScript needed).
    const login = await submitForm(a.url, "/login", {
      email: ADMIN.email,
      password: ADMIN.password,
    });
    expect(login.status).toBe(303);
    const cookie = login.cookies.join("; ");
    expect(cookie).toMatch(/session-token=/);
    const revoke = await submitForm(
      a.url,
      "/agent/tokens",
      {},
      {
        headers: { cookie },
        formWith: "tokenId",
      },
    );
    expect(revoke.status).toBeLessThan(400);
    // Web B refuses it at once: nothing about tokens is cached per process.
    expect(await list(b)).toBe(401);
    expect(await list(a)).toBe(401);
  });
});
