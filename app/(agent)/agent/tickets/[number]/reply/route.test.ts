// The reply upload route and the zoom's server actions against the started app: session and
// write permission are checked before the body is read, the body is capped, and a read-only
// or foreign agent posting any action directly changes nothing (asserted on the data).
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemScope } from "@/lib/access/system-scope";
import { SYSTEM } from "@/lib/actor";
import { db } from "@/lib/db";
import { seedDatabase } from "@/lib/setup/seed";
import { createTicket } from "@/lib/tickets/create-ticket";
import { startApp, type RunningApp } from "@/tests/kit/app-server";
import { resetSettings } from "@/tests/kit/settings";
import { formOf, submitForm } from "@/tests/kit/form-post";
import { multipart, rawRequest } from "@/tests/kit/http-client";
import { createAgentWithAccess } from "@/tests/kit/scopes";

let app: RunningApp;
let base: string;
let number: string;
let ticketId: number;
const cookies: Record<"writer" | "reader" | "stranger", string> = {
  writer: "",
  reader: "",
  stranger: "",
};
// Small attachment limits: the body cap is 1 file × 50 kB + 1 MB of text.
const CAP = 50_000 + 1024 * 1024;

async function signIn(email: string) {
  const login = await submitForm(base, "/login", { email, password: "unused-password" });
  expect(login.status).toBe(303);
  return login.cookies.join("; ");
}

beforeAll(async () => {
  await seedDatabase();
  const wlan = await db.queue.findUniqueOrThrow({ where: { name: "WLAN" } });
  const writer = await createAgentWithAccess({ WLAN: "rw" });
  const wlanGroup = (await db.queue.findUniqueOrThrow({ where: { name: "WLAN" } })).groupId;
  const reader = await createAgentWithAccess({ VoIP: "rw" });
  await db.groupMember.create({
    data: { groupId: wlanGroup, agentId: reader.id, permission: "ro" },
  });
  const stranger = await createAgentWithAccess({ Misc: "rw" });
  const ticket = await createTicket({
    customer: { email: "carol@example.org" },
    title: "Eduroam drops",
    queueId: wlan.id,
    scope: systemScope,
    actor: SYSTEM,
    allowAutoResponse: false,
    article: { channel: "email", direction: "in", visibleToCustomer: true, text: "Help" },
  });
  number = ticket.number;
  ticketId = ticket.id;
  // The app's own environment sets the attachment limits: no stored settings may win.
  await resetSettings();
  app = await startApp({
    shareDatabase: true,
    env: {
      WORKER_IN_WEB: "false",
      PORTAL_MAX_ATTACHMENTS: "1",
      PORTAL_ATTACHMENT_MAX_BYTES: "50000",
    },
  });
  base = app.url.replace("localhost", "127.0.0.1");
  cookies.writer = await signIn(writer.email);
  cookies.reader = await signIn(reader.email);
  cookies.stranger = await signIn(stranger.email);
});
afterAll(() => app?.stop());

async function snapshot() {
  return {
    ticket: await db.ticket.findUniqueOrThrow({ where: { id: ticketId } }),
    articles: await db.article.count({ where: { ticketId } }),
    history: await db.historyEntry.count({ where: { ticketId } }),
    jobs: await db.job.count(),
    drafts: await db.formDraft.count(),
    tickets: await db.ticket.count(),
  };
}

const replyFields = (body: string) => ({
  to: "carol@example.org",
  subject: "Re: Eduroam drops",
  body,
  nextState: "",
});

const postReply = async (cookie: string, body: string, accept = "application/json") => {
  const form = await multipart(replyFields(body), [
    { name: "attachments", filename: "steps.txt", type: "text/plain", content: "1. reboot" },
  ]);
  return rawRequest(`${base}/agent/tickets/${number}/reply`, {
    method: "POST",
    headers: { "content-type": form.contentType, accept, cookie },
    body: form.body,
  });
};

describe("the reply route", () => {
  it("sends the writer's reply with its attachment", async () => {
    const res = await postReply(cookies.writer, "Try again now.");
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).location).toBe(`/agent/tickets/${number}?sent=1#articles`);
    const article = await db.article.findFirstOrThrow({
      where: { ticketId, text: "Try again now." },
      include: { attachments: true },
    });
    expect(article.attachments.map((a) => a.filename)).toEqual(["steps.txt"]);
  });

  it("answers field errors as keys, and without JavaScript keeps the input as a draft", async () => {
    const json = await postReply(cookies.writer, "   ");
    expect(json.status).toBe(422);
    expect(JSON.parse(json.text).fieldErrors).toEqual({ body: ["required"] });
    const plain = await postReply(cookies.writer, "   ", "text/html");
    expect(plain.status).toBe(303);
    expect(plain.headers.location).toBe(`/agent/tickets/${number}?draft=1#reply`);
    const page = await rawRequest(`${base}/agent/tickets/${number}`, {
      headers: { cookie: cookies.writer },
    });
    expect(page.text).toContain("carol@example.org");
    expect(formOf(page.text, "subject").action).toBe(`/agent/tickets/${number}/reply`);
  });

  it("refuses a body over the cap, declared or chunked, and stores nothing", async () => {
    const before = await snapshot();
    // A declared length over the cap is refused before any of the body comes.
    const pending = new Readable({ read() {} });
    pending.push("--x\r\n");
    const declared = await rawRequest(`${base}/agent/tickets/${number}/reply`, {
      method: "POST",
      headers: {
        "content-type": "multipart/form-data; boundary=x",
        "content-length": String(CAP + 1),
        accept: "application/json",
        cookie: cookies.writer,
      },
      body: pending,
    });
    pending.destroy();
    expect(declared.status).toBe(413);
    const big = await multipart(replyFields("x".repeat(CAP)), []);
    const chunked = await rawRequest(`${base}/agent/tickets/${number}/reply`, {
      method: "POST",
      headers: {
        "content-type": big.contentType,
        accept: "application/json",
        cookie: cookies.writer,
      },
      body: Readable.from([big.body.subarray(0, CAP / 2), big.body.subarray(CAP / 2)]),
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.text).formError).toBe("bodyTooLarge");
    expect(await snapshot()).toEqual(before);
  });

  it("sends the original attachments by id; another queue's is not found, and they count against the limit", async () => {
    const withFile = async (queue: string) => {
      const queueId = (await db.queue.findUniqueOrThrow({ where: { name: queue } })).id;
      const created = await createTicket({
        customer: { email: "carol@example.org" },
        title: `Log from ${queue}`,
        queueId,
        scope: systemScope,
        actor: SYSTEM,
        allowAutoResponse: false,
        article: {
          channel: "email",
          direction: "in",
          visibleToCustomer: true,
          text: "Log attached",
          attachments: [
            { filename: "log.txt", contentType: "text/plain", content: Buffer.from("boot") },
          ],
        },
      });
      const file = await db.attachment.findFirstOrThrow({
        where: { article: { ticketId: created.id } },
      });
      return { ...created, fileId: String(file.id) };
    };
    const own = await withFile("WLAN");
    const foreign = await withFile("Misc");
    const forward = async (ticket: string, fields: Record<string, string>, upload = false) => {
      const form = await multipart(
        { ...replyFields("Forwarded."), mode: "forward", ...fields },
        upload
          ? [{ name: "attachments", filename: "steps.txt", type: "text/plain", content: "1" }]
          : [],
      );
      return rawRequest(`${base}/agent/tickets/${ticket}/reply`, {
        method: "POST",
        headers: {
          "content-type": form.contentType,
          accept: "application/json",
          cookie: cookies.writer,
        },
        body: form.body,
      });
    };
    const before = await snapshot();
    const refused = await forward(own.number, { originalAttachments: foreign.fileId });
    expect(refused.status).toBe(404);
    expect(JSON.parse(refused.text).formError).toBe("notFound");
    // One file at most (PORTAL_MAX_ATTACHMENTS): the original and an upload are two.
    const tooMany = await forward(own.number, { originalAttachments: own.fileId }, true);
    expect(tooMany.status).toBe(422);
    expect(JSON.parse(tooMany.text).fieldErrors).toEqual({ attachments: ["tooManyFiles"] });
    expect(await snapshot()).toEqual(before);

    const sent = await forward(own.number, { originalAttachments: own.fileId });
    expect(sent.status).toBe(200);
    const article = await db.article.findFirstOrThrow({
      where: { ticketId: own.id, direction: "out" },
      include: { attachments: true },
    });
    expect(
      article.attachments.map((a) => [a.filename, Buffer.from(a.content!).toString()]),
    ).toEqual([["log.txt", "boot"]]);
  });

  it("answers without a session, or without write access, before reading the body", async () => {
    for (const cookie of ["", cookies.reader, cookies.stranger]) {
      const body = new Readable({ read() {} });
      body.push("--x\r\n"); // the rest never comes
      const status = await new Promise<number>((resolve, reject) => {
        rawRequest(`${base}/agent/tickets/${number}/reply`, {
          method: "POST",
          headers: {
            "content-type": "multipart/form-data; boundary=x",
            accept: "application/json",
            cookie,
          },
          body,
        }).then((res) => resolve(res.status), reject);
        setTimeout(() => body.push(null), 15_000).unref();
      });
      expect(status).toBe(cookie ? 404 : 401);
    }
  });
});

describe("direct posts by a read-only or foreign agent", () => {
  it("change nothing, for the reply route and every server action of the zoom", async () => {
    const zoom = await rawRequest(`${base}/agent/tickets/${number}`, {
      headers: { cookie: cookies.writer },
    });
    // The actions' hidden fields as the writer's page renders them, with values to post.
    const forms: [string, Record<string, string>][] = [
      ["kind", { kind: "phone", call: "in", body: "taken over", visibleToCustomer: "on" }],
      ["state", { state: "closed_successful" }],
      ["priority", { priority: "1" }],
      [
        "queueId",
        { queueId: String((await db.queue.findUniqueOrThrow({ where: { name: "Misc" } })).id) },
      ],
      ["agent", { role: "owner", agent: "admin@example.com" }],
    ];
    const reader = await rawRequest(`${base}/agent/tickets/${number}`, {
      headers: { cookie: cookies.reader },
    });
    expect(reader.status).toBe(200);
    expect(reader.text).not.toContain(`/agent/tickets/${number}/reply`); // no forms for ro
    const before = await snapshot();
    for (const who of ["reader", "stranger"] as const) {
      expect((await postReply(cookies[who], "Mine now.")).status).toBe(404);
      for (const [field, values] of forms) {
        const { hidden } = formOf(zoom.text, field);
        const body = new FormData();
        for (const [name, value] of hidden) body.append(name, value);
        for (const [name, value] of Object.entries(values)) body.append(name, value);
        const res = await fetch(`${base}/agent/tickets/${number}`, {
          method: "POST",
          body,
          headers: { cookie: cookies[who] },
          redirect: "manual",
        });
        expect(res.status, `${who} ${field}`).toBeLessThan(500);
      }
    }
    expect(await snapshot()).toEqual(before);
    // The same posts by the writer do change the ticket: the posts above were real actions.
    const { hidden } = formOf(zoom.text, "priority");
    const body = new FormData();
    for (const [name, value] of hidden) body.append(name, value);
    body.append("priority", "1");
    await fetch(`${base}/agent/tickets/${number}`, {
      method: "POST",
      body,
      headers: { cookie: cookies.writer },
      redirect: "manual",
    });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).priority).toBe(1);
  });
});
