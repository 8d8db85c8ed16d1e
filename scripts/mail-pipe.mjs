#!/usr/bin/env node
// The MTA pipe (issue 20): reads one message on stdin and posts it, signed with
// INBOUND_WEBHOOK_SECRET, to the desk's POST /api/inbound/mime. Plain Node (no
// dependencies, no build), so an MTA can run it directly:
//
//   node scripts/mail-pipe.mjs --url https://desk.example/api/inbound/mime [--queue Name]
//     [--secret-file /etc/helpdesk/inbound-secret] [--timeout seconds]
//   npm run --silent mail:pipe -- --url …
//
// Exit codes as MTAs read them (sysexits.h; docs/inbound.md):
//   0   accepted (stored by the desk: a ticket, a follow-up, a duplicate, or kept as failed)
//   65  EX_DATAERR, the desk refused the message for good (413: larger than INBOUND_MAX_BYTES):
//       the MTA bounces it, as an SMTP server would answer 552
//   75  EX_TEMPFAIL, everything else: network errors, timeouts, 5xx, 429, and the desk's
//       configuration errors (401 signature, 404 URL, missing secret): the MTA keeps the
//       message and tries again, so a good mail is never bounced for the desk's fault
import { createHash, createHmac } from "node:crypto";
import { readFileSync } from "node:fs";

const EX_OK = 0;
const EX_DATAERR = 65;
const EX_TEMPFAIL = 75;

function option(name) {
  const at = process.argv.indexOf(`--${name}`);
  if (at !== -1) return process.argv[at + 1];
  const inline = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3);
}

function fail(code, message) {
  process.stderr.write(`mail-pipe: ${message}\n`);
  process.exit(code);
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Standard Webhooks headers over the exact bytes; the id is the message's sha256, so an MTA retry is a redelivery. */
function sign(raw, secret) {
  const id = `pipe_${createHash("sha256").update(raw).digest("hex").slice(0, 32)}`;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signature = createHmac("sha256", key)
    .update(Buffer.concat([Buffer.from(`${id}.${timestamp}.`), raw]))
    .digest("base64");
  return {
    "webhook-id": id,
    "webhook-timestamp": timestamp,
    "webhook-signature": `v1,${signature}`,
  };
}

async function main() {
  const url = option("url") ?? process.env.HELPDESK_INBOUND_URL;
  const secretFile = option("secret-file");
  let secret = process.env.INBOUND_WEBHOOK_SECRET;
  if (secretFile) {
    try {
      secret = readFileSync(secretFile, "utf8").trim();
    } catch (error) {
      fail(EX_TEMPFAIL, `cannot read ${secretFile}: ${error.message}`);
    }
  }
  const timeoutMs = Number(option("timeout") ?? 120) * 1000;
  if (!url) fail(EX_TEMPFAIL, "--url (or HELPDESK_INBOUND_URL) is required");
  if (!secret) fail(EX_TEMPFAIL, "INBOUND_WEBHOOK_SECRET is not set (or use --secret-file)");
  const target = new URL(url);
  const queue = option("queue");
  if (queue) target.searchParams.set("queue", queue);
  const raw = await readStdin();

  let response;
  try {
    response = await fetch(target, {
      method: "POST",
      headers: { "content-type": "message/rfc822", ...sign(raw, secret) },
      body: raw,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    fail(EX_TEMPFAIL, `desk not reachable: ${error?.cause?.code ?? error?.message ?? error}`);
  }
  const body = await response.text().catch(() => "");
  if (response.ok) {
    process.stdout.write(`${body}\n`);
    process.exit(EX_OK);
  }
  if (response.status === 413) fail(EX_DATAERR, "message too large for the desk (413)");
  fail(EX_TEMPFAIL, `desk answered ${response.status}: ${body.slice(0, 300)}`);
}

await main();
