// A local stand-in for the Resend API: records every request and answers like
// Resend. Point the real SDK at it with RESEND_BASE_URL. It can be told to fail.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  status: number;
  at: Date;
}

export interface ResendStub {
  url: string;
  requests: RecordedRequest[];
  /** Accepted sends (POST /emails answered 200), once per idempotency key. */
  emails: () => Record<string, unknown>[];
  /**
   * Every POST /emails as it arrived, in order: repeats with the same
   * idempotency key and failed ones included (what "sent exactly once" counts).
   */
  posts: () => { idempotencyKey: string | null; status: number; body: Record<string, unknown> }[];
  /** The next `count` sends answer `status`. */
  failNext: (count: number, status?: number) => void;
  /** Received (inbound) e-mails served by GET /emails/receiving/:id. */
  receiving: Map<string, unknown>;
  /** Raw files served by GET /raw/:id (download URLs of received mail). */
  rawFiles: Map<string, Buffer>;
  delayMs: number;
  /** Requests counted on arrival, before any delay (as `requests`; its status is 0 until answered). */
  arrivals: () => number;
  close: () => Promise<void>;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export async function startResendStub(): Promise<ResendStub> {
  const requests: RecordedRequest[] = [];
  const accepted = new Map<string, { id: string; body: Record<string, unknown> }>();
  const receiving = new Map<string, unknown>();
  const rawFiles = new Map<string, Buffer>();
  let failures = 0;
  let arrived = 0;
  let failStatus = 500;

  const server = http.createServer(async (req, res) => {
    const text = await readBody(req);
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* keep the text */
    }
    const path = (req.url ?? "/").split("?")[0];
    // Inspection for tests in another process (Playwright specs): the accepted sends.
    if (req.method === "GET" && path === "/__stub/emails") {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify(stub.emails()));
    }
    // Recorded on arrival (status 0 until answered), so a request whose
    // sender died while it waited (kill -9) is counted too.
    const record: RecordedRequest = {
      method: req.method ?? "",
      path,
      headers: req.headers,
      body,
      status: 0,
      at: new Date(),
    };
    requests.push(record);
    const send = (status: number, payload: unknown) => {
      record.status = status;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(payload));
    };
    arrived++;
    if (stub.delayMs) await new Promise((r) => setTimeout(r, stub.delayMs));

    if (req.method === "POST" && path === "/emails") {
      if (failures > 0) {
        failures--;
        return send(failStatus, {
          statusCode: failStatus,
          name: "internal_server_error",
          message: "stub failure",
        });
      }
      const key = String(req.headers["idempotency-key"] ?? randomUUID());
      const existing = accepted.get(key);
      // As Resend: a replay answers the first response; a changed payload under the key is refused.
      if (existing && JSON.stringify(existing.body) !== JSON.stringify(body))
        return send(409, {
          statusCode: 409,
          name: "invalid_idempotent_request",
          message: "Same idempotency key used with a different request payload.",
        });
      if (existing) return send(200, { id: existing.id });
      const id = randomUUID();
      accepted.set(key, { id, body: body as Record<string, unknown> });
      return send(200, { id });
    }
    const received = /^\/emails\/receiving\/([^/]+)$/.exec(path);
    if (req.method === "GET" && received) {
      const email = receiving.get(received[1]);
      return email
        ? send(200, email)
        : send(404, { statusCode: 404, name: "not_found", message: "not found" });
    }
    const attachments = /^\/emails\/receiving\/([^/]+)\/attachments$/.exec(path);
    if (req.method === "GET" && attachments) {
      const email = receiving.get(attachments[1]) as { attachments?: unknown[] } | undefined;
      return send(200, { object: "list", has_more: false, data: email?.attachments ?? [] });
    }
    const raw = /^\/raw\/([^/]+)$/.exec(path);
    if (req.method === "GET" && raw && rawFiles.has(raw[1])) {
      record.status = 200;
      res.writeHead(200, { "content-type": "message/rfc822" });
      return res.end(rawFiles.get(raw[1]));
    }
    send(404, { statusCode: 404, name: "not_found", message: `no stub for ${req.method} ${path}` });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const stub: ResendStub = {
    url: `http://127.0.0.1:${port}`,
    requests,
    emails: () => [...accepted.values()].map((e) => e.body),
    posts: () =>
      requests
        .filter((r) => r.method === "POST" && r.path === "/emails")
        .map((r) => ({
          idempotencyKey: (r.headers["idempotency-key"] as string | undefined) ?? null,
          status: r.status,
          body: r.body as Record<string, unknown>,
        })),
    failNext: (count, status = 500) => {
      failures = count;
      failStatus = status;
    },
    receiving,
    rawFiles,
    delayMs: 0,
    arrivals: () => arrived,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return stub;
}
