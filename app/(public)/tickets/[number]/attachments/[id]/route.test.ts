// Against the built app: attachment downloads (bytes, headers, who may fetch them).
import { systemScope } from "@/lib/access/system-scope";
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentActor } from "@/lib/actor";
import { db } from "@/lib/db";
import { requestAccessLink } from "@/lib/portal/request-access-link";
import {
  freshIp,
  lastMailLink,
  runLinkRequests,
  submitAccessForm,
  submitRequest,
  tokenOf,
} from "@/tests/kit/portal";
import { addArticle } from "@/lib/tickets/add-article";
import { startApp, type RunningApp } from "@/tests/kit/app-server";

let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ shareDatabase: true, env: { WORKER_IN_WEB: "false" } });
});
afterAll(async () => {
  await app?.stop();
});

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function openAccessLink(number: string, email: string) {
  await requestAccessLink({ number, email, ip: freshIp(), locale: "en" });
  await runLinkRequests();
  const token = tokenOf((await lastMailLink("access-link", email))!);
  const res = await submitAccessForm(app.url, token);
  expect(res.status).toBe(303);
  return { res, token };
}

describe("attachment downloads", () => {
  it("serve attachment bytes unchanged, as attachment with nosniff, only to the owner", async () => {
    const bytes = new Uint8Array(randomBytes(300_000));
    bytes.set(Buffer.from("<html><script>alert(1)</script>"), 0);
    const { number } = await submitRequest({
      email: "kim@example.org",
      attachments: [new File([bytes], "Bericht März.pdf", { type: "application/pdf" })],
    });
    const ticket = await db.ticket.findUniqueOrThrow({
      where: { number },
      include: { articles: { include: { attachments: true } } },
    });
    const attachment = ticket.articles[0].attachments[0];
    const admin = await db.agent.findFirstOrThrow();
    const note = await addArticle({
      scope: systemScope,
      ticketId: ticket.id,
      actor: agentActor(admin.id),
      article: {
        channel: "note",
        direction: "internal",
        visibleToCustomer: false,
        text: "internal",
        attachments: [
          { filename: "int.txt", contentType: "text/plain", content: Buffer.from("x") },
        ],
      },
    });
    const internal = await db.attachment.findFirstOrThrow({
      where: { articleId: note.article.id },
    });

    const { res } = await openAccessLink(number, "kim@example.org");
    const cookie = res.headers.get("set-cookie")!.split(";")[0];
    const url = (id: number) => `${app.url}/tickets/${number}/attachments/${id}`;

    const download = await fetch(url(attachment.id), { headers: { cookie } });
    expect(download.status).toBe(200);
    const body = new Uint8Array(await download.arrayBuffer());
    expect(sha256(body)).toBe(attachment.sha256);
    expect(sha256(body)).toBe(sha256(bytes));
    expect(download.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(download.headers.get("content-disposition")).toContain(
      "filename*=UTF-8''Bericht%20M%C3%A4rz.pdf",
    );
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(download.headers.get("content-type")).toBe("application/pdf");

    expect((await fetch(url(attachment.id))).status).toBe(404);
    expect((await fetch(url(internal.id), { headers: { cookie } })).status).toBe(404);
    const other = await submitRequest({ email: "lou@example.org" });
    const { res: otherRes } = await openAccessLink(other.number, "lou@example.org");
    const otherCookie = otherRes.headers.get("set-cookie")!.split(";")[0];
    expect((await fetch(url(attachment.id), { headers: { cookie: otherCookie } })).status).toBe(
      404,
    );
  });

  async function downloadAll(email: string) {
    // text/plain and HTML are what Next would compress; the global header
    // rule (next.config.ts) must not replace the route's CSP either.
    const files = [
      new File(["<script>alert(1)</script>".repeat(400)], "page.html", { type: "text/html" }),
      new File(["plain text ".repeat(500)], "notes.txt", { type: "text/plain" }),
      new File([new Uint8Array(randomBytes(2_000))], "blob.bin", { type: "application/x-thing" }),
    ];
    const { number } = await submitRequest({ email, attachments: files });
    const { res } = await openAccessLink(number, email);
    const cookie = res.headers.get("set-cookie")!.split(";")[0];
    const stored = await db.attachment.findMany({
      where: { article: { ticket: { number } } },
      orderBy: { id: "asc" },
    });
    expect(stored).toHaveLength(3);
    return Promise.all(
      stored.map(async (attachment) => {
        const response = await fetch(`${app.url}/tickets/${number}/attachments/${attachment.id}`, {
          headers: { cookie, "accept-encoding": "gzip, deflate, br" },
        });
        const body = new Uint8Array(await response.arrayBuffer());
        return { attachment, response, body };
      }),
    );
  }

  it("keep their own headers: sandbox CSP, attachment, nosniff, uncompressed", async () => {
    for (const { attachment, response, body } of await downloadAll("hal@example.org")) {
      expect(response.status).toBe(200);
      expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("content-encoding")).toBeNull();
      expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("cache-control")).toBe("private, no-store, no-transform");
      expect(sha256(body)).toBe(attachment.sha256);
    }
  });

  // Next 16.4.6 drops Content-Length from every route handler response
  // (FORBIDDEN_HEADERS in next/dist/server/send-response.js); our server
  // (scripts/server.ts) restores it from the route's private header.
  it("keep their Content-Length, and never show the private header", async () => {
    for (const { attachment, response } of await downloadAll("ida@example.org")) {
      expect(response.headers.get("content-length")).toBe(String(attachment.size));
      expect(response.headers.get("x-helpdesk-content-length")).toBeNull();
    }
  });
});
