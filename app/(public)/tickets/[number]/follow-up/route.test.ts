// The follow-up upload route against the started app: the session is checked
// before the body is read; another customer's ticket looks like "not found".
import { Readable } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exchangeToken } from "@/lib/portal/exchange-token";
import { requestMagicLink } from "@/lib/portal/request-magic-link";
import { CUSTOMER_SESSION_COOKIE } from "@/lib/portal/tokens";
import { startApp, type RunningApp } from "@/tests/kit/app-server";
import { multipart, rawRequest } from "@/tests/kit/http-client";
import { freshIp, lastMailLink, runLinkRequests, submitRequest, tokenOf } from "@/tests/kit/portal";

let app: RunningApp;
let base: string;

beforeAll(async () => {
  await submitRequest({ email: "seed@example.org" }); // seeds queues before the app shares the file
  // No in-process worker: the test reads the magic link from its mail job before it is sent.
  app = await startApp({ shareDatabase: true, env: { WORKER_IN_WEB: "false" } });
  base = app.url.replace("localhost", "127.0.0.1");
});
afterAll(() => app?.stop());

/** A "my requests" session cookie for `email`, as the magic link gives it. */
async function sessionCookie(email: string) {
  await requestMagicLink({ email, ip: freshIp(), locale: "en" });
  await runLinkRequests();
  const result = await exchangeToken({
    token: tokenOf((await lastMailLink("magic-link", email))!),
  });
  return `${CUSTOMER_SESSION_COOKIE}=${result!.sessionToken}`;
}

const postFollowUp = async (number: string, cookie: string, text: string) => {
  const form = await multipart({ body: text }, [
    { name: "attachments", filename: "note.txt", type: "text/plain", content: "details" },
  ]);
  return rawRequest(`${base}/tickets/${number}/follow-up`, {
    method: "POST",
    headers: { "content-type": form.contentType, accept: "application/json", cookie },
    body: form.body,
  });
};

it("adds the customer's message with its attachment", async () => {
  const { number } = await submitRequest({ email: "fiona@example.org" });
  const res = await postFollowUp(number, await sessionCookie("fiona@example.org"), "More info.");
  expect(res.status).toBe(200);
  expect(JSON.parse(res.text).location).toBe(`/tickets/${number}?sent=1#messages`);
  const article = await db.article.findFirstOrThrow({
    where: { ticket: { number }, text: "More info." },
    include: { attachments: true },
  });
  expect(article.attachments.map((a) => a.filename)).toEqual(["note.txt"]);
});

it("answers without a session before reading the body", async () => {
  const status = await new Promise<number>((resolve, reject) => {
    const body = new Readable({ read() {} });
    body.push("--x\r\n"); // the rest never comes
    rawRequest(`${base}/tickets/2026113010000011/follow-up`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body,
    }).then((res) => resolve(res.status), reject);
    setTimeout(() => body.push(null), 15_000).unref();
  });
  expect(status).toBe(303);
});

it("treats another customer's ticket as not found and adds nothing", async () => {
  const { number } = await submitRequest({ email: "owner@example.org" });
  await submitRequest({ email: "intruder@example.org" }); // a customer with tickets of their own
  const res = await postFollowUp(number, await sessionCookie("intruder@example.org"), "Mine now.");
  expect(res.status).toBe(404);
  expect(await db.article.count({ where: { text: "Mine now." } })).toBe(0);
});
