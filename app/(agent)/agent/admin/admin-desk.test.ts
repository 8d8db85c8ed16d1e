// The admin pages' actions and the provisioning API against the built app (issue 14):
// a non-admin's direct POST of every admin action changes nothing, while the same POST by an
// admin does; the API takes admin tokens only and audits with via "api".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent } from "@/lib/agents/create-agent";
import { createApiToken } from "@/lib/agents/api-tokens";
import { db } from "@/lib/db";
import { ADMIN, apiClient, startApp, type RunningApp } from "@/tests/kit/app-server";
import { formOf, submitForm } from "@/tests/kit/form-post";

let app: RunningApp;
let adminCookie: string;
let agentCookie: string;
let agentApi: ReturnType<typeof apiClient>;
let readOnlyApi: ReturnType<typeof apiClient>;

async function signIn(email: string, password: string) {
  const login = await submitForm(app.url, "/login", { email, password });
  expect(login.status, `${email}: ${login.body.slice(0, 3000)}`).toBe(303);
  return login.cookies.join("; ");
}

/**
 * Posts the form with field `formWith` of the admin page `pathname` (its server action's
 * hidden fields as an admin's browser got them) with `fields`, as the holder of `cookie`.
 */
async function postAdminForm(
  cookie: string,
  pathname: string,
  formWith: string,
  fields: Record<string, string>,
  smallest = false,
) {
  const html = await (
    await fetch(`${app.url}${pathname}`, { headers: { cookie: adminCookie } })
  ).text();
  // Buttons whose only field is an id (deactivate, delete) are the smallest form with it;
  // the edit form has the same hidden id.
  const forms = [...html.matchAll(/<form[\s\S]*?<\/form>/g)]
    .map(([form]) => form)
    .filter((form) => form.includes(`name="${formWith}"`))
    .sort((x, y) => x.length - y.length);
  const { hidden } = formOf(smallest ? (forms[0] ?? "") : html, formWith);
  const form = new FormData();
  for (const [name, value] of hidden) if (!(name in fields)) form.append(name, value);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const res = await fetch(`${app.url}${pathname}`, {
    method: "POST",
    body: form,
    headers: { cookie },
    redirect: "manual",
  });
  await res.text();
  return res.status;
}

beforeAll(async () => {
  // The app's own first start seeds this database, with the ADMIN password (tests/kit/app-server.ts).
  app = await startApp({ shareDatabase: true, env: { WORKER_IN_WEB: "false" } });
  const group = await db.group.findFirstOrThrow();
  const agent = await createAgent({
    email: "plain@example.org",
    name: "Plain Agent",
    password: "plain-password-1",
    groups: [{ groupId: group.id, permission: "rw" }],
  });
  adminCookie = await signIn(ADMIN.email, ADMIN.password);
  agentCookie = await signIn("plain@example.org", "plain-password-1");
  agentApi = apiClient(app, (await createApiToken({ agentId: agent.id, name: "t" })).token);
  const admin = await db.agent.findUniqueOrThrow({ where: { email: ADMIN.email } });
  readOnlyApi = apiClient(
    app,
    (await createApiToken({ agentId: admin.id, name: "ro", readOnly: true })).token,
  );
});

afterAll(async () => {
  await app?.stop();
});

describe("admin pages and actions", () => {
  it("answer a non-admin 404", async () => {
    for (const path of [
      "/agent/admin/queues",
      "/agent/admin/queues/new",
      "/agent/admin/standard-responses",
      "/agent/admin/settings",
    ]) {
      const res = await fetch(`${app.url}${path}`, { headers: { cookie: agentCookie } });
      expect(res.status, path).toBe(404);
    }
  });

  it("change nothing when a non-admin posts them directly; an admin's same post does", async () => {
    const wlan = await db.queue.findUniqueOrThrow({ where: { name: "WLAN" } });
    const solved = await db.standardResponse.findUniqueOrThrow({ where: { name: "Solved" } });
    const audits = () => db.auditEntry.count();
    const before = await audits();
    const posts: [string, string, Record<string, string>, () => Promise<unknown>][] = [
      [
        "/agent/admin/queues/new",
        "addresses",
        { name: "Sneaky", groupId: String(wlan.groupId), addresses: "sneaky@uni.example" },
        () => db.queue.count({ where: { name: "Sneaky" } }),
      ],
      [
        `/agent/admin/queues/${wlan.id}`,
        "addresses",
        { name: "WLAN", groupId: String(wlan.groupId), addresses: "hijack@uni.example" },
        () => db.queueAddress.count({ where: { address: "hijack@uni.example" } }),
      ],
      [
        `/agent/admin/queues/${wlan.id}`,
        "active",
        { queueId: String(wlan.id), active: "false" },
        () => db.queue.count({ where: { id: wlan.id, active: false } }),
      ],
      [
        "/agent/admin/standard-responses/new",
        "body",
        { name: "Sneaky text", body: "x", active: "on" },
        () => db.standardResponse.count({ where: { name: "Sneaky text" } }),
      ],
      [
        `/agent/admin/standard-responses/${solved.id}`,
        "body",
        { responseId: String(solved.id), name: "Solved", body: "changed", active: "on" },
        () => db.standardResponse.count({ where: { id: solved.id, body: "changed" } }),
      ],
      [
        `/agent/admin/standard-responses/${solved.id}`,
        "responseId",
        { responseId: String(solved.id) },
        () => db.standardResponse.count({ where: { id: solved.id } }).then((n) => 1 - n),
      ],
      [
        "/agent/admin/settings",
        "autoMailDailyCap",
        { autoMailDailyCap: "99" },
        () => db.setting.count({ where: { key: "autoMailDailyCap", value: { equals: 99 } } }),
      ],
    ];
    for (const [path, formWith, fields, changed] of posts) {
      await postAdminForm(agentCookie, path, formWith, fields, Object.keys(fields).length === 1);
      expect(await changed(), `${path} ${formWith}`).toBe(0);
    }
    expect(await audits()).toBe(before);
    // The settings form, posted by the admin, does change (so the posts above could).
    await postAdminForm(adminCookie, "/agent/admin/settings", "autoMailDailyCap", {
      autoMailDailyCap: "99",
    });
    expect(await posts[6][3]()).toBe(1);
    await postAdminForm(adminCookie, "/agent/admin/standard-responses/new", "body", {
      name: "Admin text",
      body: "x",
      active: "on",
    });
    expect(await db.standardResponse.count({ where: { name: "Admin text" } })).toBe(1);
  });
});

describe("provisioning API", () => {
  const calendar = { timeZone: "Europe/Berlin", hours: { "1": ["08:00", "17:00"] }, holidays: [] };

  it("creates, changes and deactivates a queue, audited via api", async () => {
    const api = apiClient(app);
    const group = await db.group.findFirstOrThrow();
    const created = await api("POST", "/api/v1/queues", {
      name: "Plotters",
      groupId: group.id,
      addresses: ["Plot@Uni.example"],
      calendar,
      autoResponses: [
        { event: "new_ticket", locale: "en", subject: "Thanks", body: "Hi {{customer.name}}" },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "Plotters",
      addresses: ["plot@uni.example"],
      calendar,
      active: true,
    });
    const id = created.body.id;

    const bad = await api("PATCH", `/api/v1/queues/${id}`, {
      calendar: { hours: { "1": ["17:00", "08:00"] } },
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields)).toEqual(["calendar.hours.1"]);
    const taken = await api("POST", "/api/v1/queues", { name: "Plotters", groupId: group.id });
    expect([taken.status, taken.body.error.code]).toEqual([409, "conflict"]);

    const patched = await api("PATCH", `/api/v1/queues/${id}`, {
      slaSolutionMinutes: 480,
      calendar: null,
    });
    expect(patched.body).toMatchObject({ slaSolutionMinutes: 480, calendar: null });
    expect((await api("DELETE", `/api/v1/queues/${id}`)).body.active).toBe(false);
    const entries = await db.auditEntry.findMany({
      where: { objectType: "queue", objectId: String(id) },
      orderBy: { id: "asc" },
    });
    expect(entries.map((e) => [e.action, e.via])).toEqual([
      ["queue.create", "api"],
      ["queue.update", "api"],
      ["queue.deactivate", "api"],
    ]);
    expect(entries[1].changes).toMatchObject({
      slaSolutionMinutes: { old: null, new: 480 },
      calendar: { old: calendar, new: null },
    });
  });

  it("manages standard responses", async () => {
    const api = apiClient(app);
    const web = await db.queue.findUniqueOrThrow({ where: { name: "Web" } });
    const created = await api("POST", "/api/v1/standard-responses", {
      name: "Cookies",
      body: "Clear your cookies, {{customer.name}}.",
      queueIds: [web.id],
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(
      (await api("PATCH", `/api/v1/standard-responses/${id}`, { active: false })).body,
    ).toMatchObject({ active: false, queueIds: [web.id] });
    expect(
      (await api("GET", "/api/v1/standard-responses")).body.standardResponses.map(
        (r: { name: string }) => r.name,
      ),
    ).toContain("Cookies");
    expect((await api("DELETE", `/api/v1/standard-responses/${id}`)).status).toBe(204);
    expect((await api("GET", `/api/v1/standard-responses/${id}`)).status).toBe(404);
  });

  it("answers a non-admin token 404 and a read-only admin token 403 on writes, changing nothing", async () => {
    const group = await db.group.findFirstOrThrow();
    expect((await agentApi("GET", "/api/v1/queues")).status).toBe(404);
    expect(
      (await agentApi("POST", "/api/v1/queues", { name: "Nope", groupId: group.id })).status,
    ).toBe(404);
    expect(
      (await agentApi("POST", "/api/v1/standard-responses", { name: "Nope", body: "x" })).status,
    ).toBe(404);
    expect((await readOnlyApi("GET", "/api/v1/queues")).status).toBe(200);
    expect(
      (await readOnlyApi("POST", "/api/v1/queues", { name: "Nope", groupId: group.id })).status,
    ).toBe(403);
    expect(await db.queue.count({ where: { name: "Nope" } })).toBe(0);
    expect(await db.standardResponse.count({ where: { name: "Nope" } })).toBe(0);
  });
});
