// The request form's upload route against the started app: normal requests
// with attachments, errors back on the page without JavaScript, and oversized
// bodies refused early without the server's memory growing by their size.
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import en from "@/messages/en.json";
import { startApp, type RunningApp } from "@/tests/kit/app-server";
import { multipart, rawRequest } from "@/tests/kit/http-client";
import { publicQueueId } from "@/tests/kit/portal";

let app: RunningApp;
let base: string;
let topic: string;
const MB = 1024 * 1024;
const pngOf = (size: number) => {
  const bytes = new Uint8Array(size);
  bytes.set(fs.readFileSync(path.join(process.cwd(), "app/apple-icon.png")));
  return bytes;
};

beforeAll(async () => {
  topic = String(await publicQueueId());
  app = await startApp({ shareDatabase: true });
  base = app.url.replace("localhost", "127.0.0.1");
});
afterAll(() => app?.stop());

const fields = (overrides: Record<string, string> = {}) => ({
  name: "Ann Upload",
  email: "ann.upload@example.org",
  topic,
  subject: "Scanner",
  body: "It scans nothing.",
  ...overrides,
});

const post = async (
  form: { body: Buffer; contentType: string },
  options: { json?: boolean; localAddress?: string } = {},
) =>
  rawRequest(`${base}/request/submit`, {
    method: "POST",
    headers: {
      "content-type": form.contentType,
      ...(options.json ? { accept: "application/json" } : {}),
    },
    body: form.body,
    localAddress: options.localAddress,
  });

/** Resident memory of the app's process, in bytes. */
const rss = () => {
  const status = fs.readFileSync(`/proc/${app.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
};

describe("POST /request/submit", () => {
  it("creates the ticket with its attachments and redirects (no JavaScript)", async () => {
    const form = await multipart(fields(), [
      { name: "attachments", filename: "log.txt", type: "text/plain", content: "line 1\n" },
      {
        name: "attachments",
        filename: "shot.png",
        type: "image/png",
        // A real PNG (the attachment policy checks the content), padded to 2 MB.
        content: pngOf(2 * MB),
      },
    ]);
    const res = await post(form, { localAddress: "127.0.0.11" });
    expect(res.status).toBe(303);
    const number = /^\/request\/sent\?number=(\d+)$/.exec(String(res.headers.location))?.[1];
    expect(number).toBeTruthy();
    const ticket = await db.ticket.findUniqueOrThrow({
      where: { number },
      include: { articles: { include: { attachments: true } } },
    });
    expect(ticket.title).toBe("Scanner");
    expect(
      ticket.articles[0].attachments.map((a) => [a.filename, a.contentType, a.size]).sort(),
    ).toEqual([
      ["log.txt", "text/plain", 7],
      ["shot.png", "image/png", 2 * MB],
    ]);
  });

  it("answers a script with JSON: where to go, or the field errors", async () => {
    const ok = await post(await multipart(fields()), { json: true, localAddress: "127.0.0.12" });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text).location).toMatch(/^\/request\/sent\?number=\d+$/);

    const bad = await post(await multipart(fields({ email: "not-an-address", body: "" })), {
      json: true,
      localAddress: "127.0.0.12",
    });
    expect(bad.status).toBe(422);
    expect(JSON.parse(bad.text).fieldErrors).toEqual({
      email: [en.portal.errors.email],
      body: [en.portal.errors.required],
    });
  });

  it("brings errors back on the form with the input kept (no JavaScript)", async () => {
    const form = await multipart(fields({ subject: "" }), [
      {
        name: "attachments",
        filename: "virus.exe",
        type: "application/x-msdownload",
        content: "MZ",
      },
    ]);
    const res = await post(form, { localAddress: "127.0.0.13" });
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/request\?draft=[\w-]+#request-errors$/);
    const page = await rawRequest(`${base}${res.headers.location}`);
    expect(page.text).toContain('value="Ann Upload"');
    expect(page.text).toContain("It scans nothing.</textarea>");
    expect(page.text).toContain(en.portal.errors.required);
    expect(page.text).toContain("virus.exe: this file type is not accepted.");
    // The draft belongs to the request form only and expires; an unknown id shows an empty form.
    const unknown = await rawRequest(`${base}/request?draft=nope`);
    expect(unknown.text).not.toContain('value="Ann Upload"');
  });

  it("counts the client before reading the body, and refuses past the limit at once", async () => {
    // PORTAL_REQUESTS_PER_IP_HOUR (20) × 3 upload posts per client and hour.
    const small = await multipart(fields({ body: "" }));
    for (let i = 0; i < 60; i++) await post(small, { json: true, localAddress: "127.0.0.14" });
    // The next one is answered while its body is still unsent: nothing was read.
    const answered = await new Promise<number>((resolve, reject) => {
      const body = new Readable({ read() {} });
      body.push(small.body.subarray(0, 100));
      rawRequest(`${base}/request/submit`, {
        method: "POST",
        headers: { "content-type": small.contentType, accept: "application/json" },
        body,
        localAddress: "127.0.0.14",
      }).then((res) => resolve(res.status), reject);
      setTimeout(() => body.push(null), 15_000).unref();
    });
    expect(answered).toBe(429);
    // Without JavaScript the refusal comes back on the form, with the text that was typed.
    const noScript = await post(await multipart(fields({ subject: "Kept" })), {
      localAddress: "127.0.0.14",
    });
    expect(noScript.status).toBe(303);
    const page = await rawRequest(`${base}${noScript.headers.location}`);
    expect(page.text).toContain('value="Kept"');
    expect(page.text).toContain(en.portal.errors.rateLimited);
    // Another client is not affected.
    const other = await post(small, { json: true, localAddress: "127.0.0.15" });
    expect(other.status).toBe(422);
  });
});

describe("oversized anonymous posts", () => {
  const figures: string[] = [];
  afterAll(() => console.log(`upload memory (RSS) figures:\n${figures.join("\n")}`));

  /** Posts `body` and returns the RSS growth of the app across the request. */
  const measured = async (label: string, send: () => Promise<{ status: number; text: string }>) => {
    const before = rss();
    const res = await send();
    const grown = rss() - before;
    figures.push(
      `  ${label}: status ${res.status}, RSS ${Math.round(before / MB)} MB → +${(grown / MB).toFixed(1)} MB`,
    );
    return { res, grown };
  };

  const big = async () =>
    multipart(fields(), [
      {
        name: "attachments",
        filename: "huge.bin",
        type: "application/pdf",
        content: new Uint8Array(50 * MB),
      },
    ]);

  it("warms up the route (first-use code loading is not the body's memory)", async () => {
    await post(await multipart(fields({ body: "" })), { json: true, localAddress: "127.0.0.16" });
  });

  it("refuses a 50 MB file with a length, reading no further than the file limit", async () => {
    const form = await big();
    const { res, grown } = await measured("50 MB, Content-Length", () =>
      post(form, { localAddress: "127.0.0.17" }),
    );
    expect(res.status).toBe(303);
    expect(grown).toBeLessThan(40 * MB); // under the 50 MB sent: at most one file's cap is held
    const page = await rawRequest(
      `${base}${(res as { headers?: { location?: string } }).headers?.location}`,
    );
    expect(page.text).toContain("huge.bin is larger than 10 MB.");
  });

  it("refuses a chunked 50 MB body (no length) the same way", async () => {
    const form = await big();
    const { res, grown } = await measured("50 MB, chunked", () =>
      rawRequest(`${base}/request/submit`, {
        method: "POST",
        headers: { "content-type": form.contentType, accept: "application/json" },
        body: Readable.from(
          Array.from({ length: Math.ceil(form.body.length / MB) }, (_, i) =>
            form.body.subarray(i * MB, (i + 1) * MB),
          ),
        ),
        localAddress: "127.0.0.18",
      }),
    );
    expect(res.status).toBe(422);
    expect(JSON.parse(res.text).fieldErrors.attachments).toEqual([
      "huge.bin is larger than 10 MB.",
    ]);
    expect(grown).toBeLessThan(40 * MB); // well under the 50 MB sent
  });

  it("refuses a body declared larger than all attachments together without reading it", async () => {
    const form = await multipart(fields(), [
      {
        name: "attachments",
        filename: "a.pdf",
        type: "application/pdf",
        content: new Uint8Array(60 * MB),
      },
    ]);
    const { res, grown } = await measured("60 MB, Content-Length over the cap", () =>
      post(form, { json: true, localAddress: "127.0.0.19" }),
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text).formError).toBe(
      "Together, the files are too large: send at most 5 files of up to 10 MB each.",
    );
    expect(grown).toBeLessThan(10 * MB); // the body was never read
  });
});
