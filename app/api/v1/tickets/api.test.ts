// The integration API against the built app and a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent } from "@/lib/agents/create-agent";
import { createApiToken } from "@/lib/agents/api-tokens";
import { db } from "@/lib/db";
import { seedDatabase } from "@/lib/setup/seed";
import { isValidTicketNumber } from "@/lib/tickets/ticket-number";
import { ADMIN, apiClient, startApp, type RunningApp } from "@/tests/kit/app-server";

let app: RunningApp;
let admin: ReturnType<typeof apiClient>;
let limited: ReturnType<typeof apiClient>;
let readOnly: ReturnType<typeof apiClient>;

const newTicket = (queue: string, subject = `About ${queue}`) => ({
  customer: { email: `Someone.${queue}@Example.org`, name: "Some One" },
  subject,
  body: "Please help.",
  queue,
});

beforeAll(async () => {
  await seedDatabase(); // as first start would, with our ADMIN settings applied below
  app = await startApp({
    shareDatabase: true,
    env: { API_MAX_BYTES: "65536", WORKER_IN_WEB: "false" },
  });
  admin = apiClient(app);

  // A non-admin agent: rw on WLAN, ro on VoIP, nothing else.
  const wlan = await db.group.create({ data: { name: "wlan-team" } });
  const voip = await db.group.create({ data: { name: "voip-team" } });
  await db.queue.update({ where: { name: "WLAN" }, data: { groupId: wlan.id } });
  await db.queue.update({ where: { name: "VoIP" }, data: { groupId: voip.id } });
  const agent = await createAgent({
    email: "limited@example.org",
    name: "Limited Agent",
    password: "limited-password",
    groups: [
      { groupId: wlan.id, permission: "rw" },
      { groupId: voip.id, permission: "ro" },
    ],
  });
  limited = apiClient(app, (await createApiToken({ agentId: agent.id, name: "t" })).token);
  const adminAgent = await db.agent.findUniqueOrThrow({ where: { email: ADMIN.email } });
  readOnly = apiClient(
    app,
    (await createApiToken({ agentId: adminAgent.id, name: "ro", readOnly: true })).token,
  );
});

afterAll(async () => {
  await app?.stop();
});

describe("authentication", () => {
  it("answers 401 without or with a wrong token, as JSON", async () => {
    const res = await fetch(`${app.url}/api/v1/tickets`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
    expect((await apiClient(app, "hd_wrong")("GET", "/api/v1/tickets")).status).toBe(401);
  });

  it("stops accepting a revoked token", async () => {
    const agent = await db.agent.findUniqueOrThrow({ where: { email: ADMIN.email } });
    const { token, record } = await createApiToken({ agentId: agent.id, name: "short-lived" });
    expect((await apiClient(app, token)("GET", "/api/v1/tickets")).status).toBe(200);
    await db.apiToken.update({ where: { id: record.id }, data: { revokedAt: new Date() } });
    expect((await apiClient(app, token)("GET", "/api/v1/tickets")).status).toBe(401);
  });
});

describe("tickets", () => {
  it("creates a ticket and returns it with its number and first article", async () => {
    const res = await admin("POST", "/api/v1/tickets", { ...newTicket("Misc"), priority: 4 });
    expect(res.status).toBe(201);
    const ticket = res.body;
    expect(isValidTicketNumber(ticket.number)).toBe(true);
    expect(typeof ticket.number).toBe("string");
    expect(ticket).toMatchObject({
      title: "About Misc",
      state: "new",
      queue: "Misc",
      priority: 4,
      owner: null,
      customer: { email: "someone.misc@example.org", name: "Some One" },
    });
    expect(ticket.articles).toHaveLength(1);
    expect(ticket.articles[0]).toMatchObject({
      channel: "web",
      direction: "in",
      visibleToCustomer: true,
      text: "Please help.",
      attachments: [],
    });

    const fetched = await admin("GET", `/api/v1/tickets/${ticket.number}`);
    expect(fetched.status).toBe(200);
    // The answer is built from the rows written, not read back: it must equal what GET reads.
    expect(fetched.body).toEqual(ticket);
    expect(Object.keys(fetched.body)).toEqual(
      expect.arrayContaining([
        "number",
        "title",
        "state",
        "queue",
        "priority",
        "owner",
        "customer",
        "createdAt",
        "updatedAt",
        "articles",
      ]),
    );
  });

  it("answers a new ticket in a queue with an SLA exactly as GET reads it (due times written after the insert)", async () => {
    const group = await db.group.findFirstOrThrow({
      where: { queues: { some: { name: "Misc" } } },
    });
    await db.queue.create({
      data: {
        name: "Contracts",
        groupId: group.id,
        slaFirstResponseMinutes: 60,
        slaSolutionMinutes: 480,
      },
    });
    const created = await admin("POST", "/api/v1/tickets", {
      ...newTicket("Contracts"),
      channel: "phone",
    });
    expect(created.status).toBe(201);
    const fetched = await admin("GET", `/api/v1/tickets/${created.body.number}`);
    expect(fetched.body).toEqual(created.body);
    const stored = await db.ticket.findUniqueOrThrow({ where: { number: created.body.number } });
    expect(stored.solutionDueAt).not.toBeNull();
    expect(created.body.updatedAt).toBe(stored.updatedAt.toISOString());
  });

  it("rejects malformed JSON (400), invalid fields (422) and oversized bodies (413)", async () => {
    const malformed = await admin("POST", "/api/v1/tickets", "{not json");
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("bad_request");

    const invalid = await admin("POST", "/api/v1/tickets", {
      customer: { email: "nope" },
      subject: "",
      body: "x",
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.fields).toHaveProperty(["customer.email"]);
    expect(invalid.body.error.fields).toHaveProperty("subject");

    const unknownQueue = await admin("POST", "/api/v1/tickets", newTicket("NoSuchQueue"));
    expect(unknownQueue.status).toBe(422);

    const huge = await admin("POST", "/api/v1/tickets", {
      ...newTicket("Misc"),
      body: "x".repeat(70_000),
    });
    expect(huge.status).toBe(413);
  });

  it("answers 404 for an unknown number", async () => {
    const res = await admin("GET", "/api/v1/tickets/2026112810999991");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });

  it("changes state, priority, queue, owner and pending time, with validation", async () => {
    const { body: ticket } = await admin("POST", "/api/v1/tickets", newTicket("Misc"));
    const path = `/api/v1/tickets/${ticket.number}`;

    const pendingWithoutTime = await admin("PATCH", path, { state: "pending_reminder" });
    expect(pendingWithoutTime.status).toBe(422);
    expect(pendingWithoutTime.body.error.fields).toHaveProperty("pendingUntil");

    const until = new Date(Date.now() + 86_400_000).toISOString();
    const changed = await admin("PATCH", path, {
      state: "pending_reminder",
      pendingUntil: until,
      priority: 5,
      queue: "Web",
      owner: ADMIN.email,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      state: "pending_reminder",
      pendingUntil: until,
      priority: 5,
      queue: "Web",
      owner: { email: ADMIN.email, name: "Administrator" },
    });

    expect((await admin("PATCH", path, { state: "bogus" })).status).toBe(422);
    expect((await admin("PATCH", path, { owner: "nobody@example.org" })).status).toBe(422);
    expect((await admin("PATCH", path, {})).status).toBe(422);
    expect((await admin("PATCH", path, { owner: null })).body.owner).toBeNull();
  });

  it("answers 409 for a change to a merged ticket", async () => {
    const { body: ticket } = await admin("POST", "/api/v1/tickets", newTicket("Misc"));
    await db.ticket.update({ where: { number: ticket.number }, data: { state: "merged" } });
    const res = await admin("PATCH", `/api/v1/tickets/${ticket.number}`, { priority: 1 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("conflict");
  });

  it("adds notes, phone and e-mail articles in order", async () => {
    const { body: ticket } = await admin("POST", "/api/v1/tickets", newTicket("Misc"));
    const path = `/api/v1/tickets/${ticket.number}/articles`;
    const note = await admin("POST", path, { channel: "note", body: "internal remark" });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({
      channel: "note",
      direction: "internal",
      visibleToCustomer: false,
      text: "internal remark",
    });
    const reply = await admin("POST", path, { channel: "email", body: "Here is the answer." });
    expect(reply.body).toMatchObject({
      channel: "email",
      direction: "out",
      visibleToCustomer: true,
      to: "someone.misc@example.org",
    });
    expect(reply.body.messageId).toMatch(/^<.+@.+>$/);
    expect((await admin("POST", path, { channel: "fax", body: "x" })).status).toBe(422);
    const hiddenMail = await admin("POST", path, {
      channel: "email",
      body: "x",
      visibleToCustomer: false,
    });
    expect(hiddenMail.status).toBe(422);

    const full = await admin("GET", `/api/v1/tickets/${ticket.number}`);
    // The in-process worker may have added the auto-response by now; it is not what this checks.
    const written = full.body.articles.filter((a: { isAutomatic: boolean }) => !a.isAutomatic);
    expect(written.map((a: { text: string }) => a.text)).toEqual([
      "Please help.",
      "internal remark",
      "Here is the answer.",
    ]);
  });

  it("lists with filters and a cursor", async () => {
    const subject = `paging-${Date.now()}`;
    for (let i = 0; i < 3; i++)
      await admin("POST", "/api/v1/tickets", newTicket("Web", `${subject} ${i}`));
    const first = await admin("GET", `/api/v1/tickets?q=${subject}&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.data.map((t: { title: string }) => t.title)).toEqual([
      `${subject} 2`,
      `${subject} 1`,
    ]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await admin(
      "GET",
      `/api/v1/tickets?q=${subject}&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.data.map((t: { title: string }) => t.title)).toEqual([`${subject} 0`]);
    expect(second.body.nextCursor).toBeNull();

    const byQueue = await admin("GET", `/api/v1/tickets?queue=Web&state=new&q=${subject}`);
    expect(byQueue.body.data).toHaveLength(3);
    expect((await admin("GET", `/api/v1/tickets?state=nonsense`)).status).toBe(422);
    expect((await admin("GET", `/api/v1/tickets?cursor=abc`)).status).toBe(422);
  });

  it("searches the article text with q: ranked hits with a snippet and a total, own queues only", async () => {
    const word = `wombat${Date.now()}`;
    const { body: misc } = await admin("POST", "/api/v1/tickets", {
      ...newTicket("Misc", "Body only"),
      body: `The ${word} ate the cable.`,
    });
    const found = await admin("GET", `/api/v1/tickets?q=${word}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ total: 1, totalCapped: false, nextCursor: null });
    expect(found.body.data[0]).toMatchObject({ number: misc.number, title: "Body only" });
    expect(found.body.data[0].snippet).toContainEqual({ text: word, match: true });
    // The limited agent reads WLAN and VoIP only: not found, not counted.
    expect((await limited("GET", `/api/v1/tickets?q=${word}`)).body).toMatchObject({
      data: [],
      total: 0,
    });
    expect((await admin("GET", `/api/v1/tickets?q=${word}&cursor=abc`)).status).toBe(422);
  });
});

describe("permissions", () => {
  it("hides tickets of queues the agent has no access to (404, never 403)", async () => {
    const { body: misc } = await admin("POST", "/api/v1/tickets", newTicket("Misc"));
    const { body: wlan } = await admin("POST", "/api/v1/tickets", newTicket("WLAN"));
    const res = await limited("GET", `/api/v1/tickets/${misc.number}`);
    expect(res.status).toBe(404);
    expect((await limited("PATCH", `/api/v1/tickets/${misc.number}`, { priority: 1 })).status).toBe(
      404,
    );
    expect(
      (await limited("POST", `/api/v1/tickets/${misc.number}/articles`, { body: "x" })).status,
    ).toBe(404);
    const list = await limited("GET", "/api/v1/tickets?limit=200");
    expect(list.body.data.every((t: { queue: string }) => ["WLAN", "VoIP"].includes(t.queue))).toBe(
      true,
    );
    expect(list.body.data.map((t: { number: string }) => t.number)).toContain(wlan.number);
    expect((await limited("POST", "/api/v1/tickets", newTicket("Misc"))).status).toBe(422);
  });

  it("lets a ro member read but not write (403), and a rw member write", async () => {
    const { body: voip } = await admin("POST", "/api/v1/tickets", newTicket("VoIP"));
    expect((await limited("GET", `/api/v1/tickets/${voip.number}`)).status).toBe(200);
    const denied = await limited("PATCH", `/api/v1/tickets/${voip.number}`, { priority: 1 });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe("forbidden");
    expect(
      (await limited("POST", `/api/v1/tickets/${voip.number}/articles`, { body: "x" })).status,
    ).toBe(403);

    const created = await limited("POST", "/api/v1/tickets", newTicket("WLAN"));
    expect(created.status).toBe(201);
    const moved = await limited("PATCH", `/api/v1/tickets/${created.body.number}`, {
      queue: "VoIP",
    });
    expect(moved.status).toBe(422); // only ro there
    // Only agents who may work in the ticket's queue can own it.
    const { body: miscTicket } = await admin("POST", "/api/v1/tickets", newTicket("Misc"));
    const badOwner = await admin("PATCH", `/api/v1/tickets/${miscTicket.number}`, {
      owner: "limited@example.org",
    });
    expect(badOwner.status).toBe(422);
    const goodOwner = await admin("PATCH", `/api/v1/tickets/${created.body.number}`, {
      owner: "limited@example.org",
    });
    expect(goodOwner.body.owner).toEqual({ email: "limited@example.org", name: "Limited Agent" });
    const ok = await limited("PATCH", `/api/v1/tickets/${created.body.number}`, { state: "open" });
    expect(ok.status).toBe(200);
    expect(ok.body.state).toBe("open");
  });

  it("refuses every write with a read-only token (403) but reads", async () => {
    const { body: ticket } = await admin("POST", "/api/v1/tickets", newTicket("Misc"));
    expect((await readOnly("GET", `/api/v1/tickets/${ticket.number}`)).status).toBe(200);
    expect(
      (await readOnly("PATCH", `/api/v1/tickets/${ticket.number}`, { priority: 1 })).status,
    ).toBe(403);
    expect((await readOnly("POST", "/api/v1/tickets", newTicket("Misc"))).status).toBe(403);
  });
});

describe("health", () => {
  it("reports the database", async () => {
    const res = await fetch(`${app.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: "ok",
      db: "ok",
      database: process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite",
      version: expect.any(String),
    });
  });
});
