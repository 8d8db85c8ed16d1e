// Intake under load (issue 18, part 1): 20 connections creating tickets through
// the REST API, the raw-MIME webhook and the public request form, with
// autocannon (a kept load tool) in this process — on the same cores as the server.
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { ADMIN } from "../tests/kit/app-server";
import { signWebhook } from "../tests/kit/webhooks";

export interface LoadResult {
  name: string;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  ok: number;
  errors: number;
}

/**
 * `amount` requests over `connections` connections; autocannon waits for every
 * answer, so the rows created can be compared with the 2xx answers exactly
 * (a duration-bound run abandons the requests in flight when the clock stops).
 */
async function load(
  name: string,
  url: string,
  amount: number,
  connections: number,
  request: () => {
    method: "POST" | "GET";
    path: string;
    headers: Record<string, string>;
    body?: string | Buffer;
  },
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections,
    amount,
    timeout: 30,
    requests: [{ setupRequest: (req) => ({ ...req, ...request() }) }],
  });
  const seconds = result.duration;
  return {
    name,
    seconds,
    requestsPerSecond: result["2xx"] / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

const SUBJECTS = [
  "Drucker im 2. Stock druckt nicht",
  "VPN connection drops every few minutes",
  "Passwort zurücksetzen für das Uni-Konto",
  "Projector in lecture hall B flickers",
  "WLAN im Wohnheim sehr langsam",
];
const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];

/** (a) POST /api/v1/tickets: a new customer per request, as a phone intake would. */
export function apiIntake(url: string, amount: number, connections: number) {
  return load("intake: POST /api/v1/tickets", url, amount, connections, () => ({
    method: "POST",
    path: "/api/v1/tickets",
    headers: { authorization: `Bearer ${ADMIN.apiToken}`, "content-type": "application/json" },
    body: JSON.stringify({
      customer: { email: `bench-${randomUUID()}@example.org`, name: "Bench Customer" },
      subject: pick(SUBJECTS),
      body: "Guten Tag,\n\nseit heute Morgen geht es nicht mehr. Bitte um Hilfe.\n\nDanke",
      queue: "Misc",
    }),
  }));
}

const PDF = Buffer.alloc(20_000, "%PDF-1.4 bench attachment ");

/** One realistic mail: 3 in 10 follow up on a known ticket by its tag, 1 in 5 carries a 20 kB PDF. */
function benchMail(followUpNumbers: string[]): Buffer {
  const followUp = followUpNumbers.length > 0 && Math.random() < 0.3;
  const subject = followUp
    ? `Re: [Ticket#${pick(followUpNumbers)}] ${pick(SUBJECTS)}`
    : pick(SUBJECTS);
  const from = `bench-${randomUUID().slice(0, 8)}@example.org`;
  const head = [
    `From: Bench Sender <${from}>`,
    "To: support@desk.example",
    `Subject: ${subject}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${randomUUID()}@example.org>`,
    "MIME-Version: 1.0",
  ];
  const text = "Hallo,\r\n\r\nder Drucker zeigt wieder Fehler 0x42.\r\n\r\nViele Grüße\r\n";
  const lines =
    Math.random() < 0.2
      ? [
          ...head,
          'Content-Type: multipart/mixed; boundary="b"',
          "",
          "--b",
          "Content-Type: text/plain; charset=utf-8",
          "",
          text,
          "--b",
          'Content-Type: application/pdf; name="report.pdf"',
          'Content-Disposition: attachment; filename="report.pdf"',
          "Content-Transfer-Encoding: base64",
          "",
          PDF.toString("base64").replace(/.{76}/g, "$&\r\n"),
          "--b--",
          "",
        ]
      : [...head, "Content-Type: text/plain; charset=utf-8", "", text];
  return Buffer.from(lines.join("\r\n"));
}

/** (b) POST /api/inbound/mime, signed: new tickets and follow-ups, some with attachments. */
export function mimeIntake(
  url: string,
  amount: number,
  connections: number,
  secret: string,
  followUpNumbers: string[],
) {
  return load("intake: POST /api/inbound/mime", url, amount, connections, () => {
    const raw = benchMail(followUpNumbers);
    return {
      method: "POST",
      path: "/api/inbound/mime",
      headers: { "content-type": "message/rfc822", ...signWebhook(raw, secret) },
      body: raw,
    };
  });
}

/** (c) The public request form's submission (POST /request/submit, multipart, as the form's script sends it). */
export function formIntake(url: string, amount: number, connections: number, topic: number) {
  return load("intake: request form", url, amount, connections, () => {
    const boundary = `----bench${randomUUID()}`;
    const field = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const body =
      field("name", "Bench Kundin") +
      field("email", `form-${randomUUID()}@example.org`) +
      field("subject", pick(SUBJECTS)) +
      field("body", "Seit heute Morgen geht es nicht mehr.") +
      field("topic", String(topic)) +
      `--${boundary}--\r\n`;
    return {
      method: "POST",
      path: "/request/submit",
      headers: {
        "content-type": `multipart/form-data; boundary=${boundary}`,
        accept: "application/json",
      },
      body,
    };
  });
}

/** A no-op route of the same app (GET /api/ping): what the framework alone costs. */
export function noopLoad(url: string, amount: number, connections: number) {
  return load("no-op: GET /api/ping", url, amount, connections, () => ({
    method: "GET",
    path: "/api/ping",
    headers: {},
  }));
}
