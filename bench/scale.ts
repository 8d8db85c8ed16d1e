// Reads at scale (issue 18, part 3): p50/p95 of what agents and customers open
// most, over a seeded desk — whole request time at the client and the server's
// own time (the Server-Timing header scripts/server.ts adds: time to the
// response's headers).
import { ADMIN } from "../tests/kit/app-server";
import { percentile } from "./options";
import type { SeedResult } from "./seed";

export interface ReadResult {
  name: string;
  requests: number;
  p50: number;
  p95: number;
  serverP50: number;
  serverP95: number;
  status: number;
}

/** Signs the admin in through Auth.js's credentials endpoint; returns the Cookie header. */
export async function signInAgent(url: string, email = ADMIN.email, password = ADMIN.password) {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${url}/agent` }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(";")[0]);
  const all = [...cookies, ...session].join("; ");
  if (!/authjs\.session-token=/.test(all))
    throw new Error(
      `sign-in failed (${res.status} ${res.headers.get("location")}): ${(await res.text()).slice(0, 200)}`,
    );
  return all;
}

async function measure(
  name: string,
  url: string,
  headers: Record<string, string>,
  requests: number,
): Promise<ReadResult> {
  const total: number[] = [];
  const server: number[] = [];
  let status = 0;
  // One warm-up request (compiles the route, fills caches), then sequential requests.
  await (await fetch(url, { headers, redirect: "manual" })).arrayBuffer();
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers, redirect: "manual" });
    await res.arrayBuffer();
    total.push(performance.now() - started);
    status = res.status;
    const dur = /app;dur=([\d.]+)/.exec(res.headers.get("server-timing") ?? "")?.[1];
    if (dur) server.push(Number(dur));
  }
  return {
    name,
    requests,
    p50: percentile(total, 50),
    p95: percentile(total, 95),
    serverP50: percentile(server, 50),
    serverP95: percentile(server, 95),
    status,
  };
}

/** The link with `rel` (next / prev) in a listing page, or null. */
const relLink = (html: string, rel: string) =>
  new RegExp(`<a[^>]*rel="${rel}"[^>]*href="([^"]+)"|<a[^>]*href="([^"]+)"[^>]*rel="${rel}"`)
    .exec(html)
    ?.slice(1)
    .find(Boolean)
    ?.replace(/&amp;/g, "&") ?? null;
const nextLink = (html: string) => relLink(html, "next");

/** Follows rel="next" `pages - 1` times from `start`; the URL of that page, or null if the listing ends first. */
async function pageUrl(base: string, start: string, pages: number, cookie: string) {
  let path: string | null = start;
  for (let i = 1; i < pages && path; i++) {
    const html = await (await fetch(`${base}${path}`, { headers: { cookie } })).text();
    path = nextLink(html);
  }
  return path;
}

/**
 * Measures every read the issue lists. Parts whose page does not exist yet
 * (404) are reported with that status, so the table says what is missing.
 */
export async function measureReads(url: string, seed: SeedResult, requests: number) {
  const cookie = await signInAgent(url);
  const agent = { cookie };
  const api = { authorization: `Bearer ${ADMIN.apiToken}` };
  const queue = encodeURIComponent(seed.queueNames[0]);
  const reads: [string, string, Record<string, string>][] = [
    ["dashboard", "/agent", agent],
    ["ticket zoom (50 articles)", `/agent/tickets/${seed.bigTicket}`, agent],
    ["REST list", "/api/v1/tickets?limit=50", api],
    ["REST list, one queue", `/api/v1/tickets?limit=50&queue=${queue}`, api],
    [
      "my requests (customer)",
      "/my-requests",
      { cookie: `hd_customer_session=${seed.customerSession}` },
    ],
    ["search: common word", `/agent/search?q=${seed.commonWord}`, agent],
    ["search: rare word", `/agent/search?q=${seed.rareWord}`, agent],
    ["search: common word, one queue", `/agent/search?q=${seed.commonWord}&queue=${queue}`, agent],
  ];
  for (const sort of ["priority", "age", "escalation", "manual"]) {
    const first = `/agent/queues/${seed.queueIds[0]}?sort=${sort}`;
    reads.push([`queue view, first page, by ${sort}`, first, agent]);
    // "All my queues" (the admin: every queue); open tickets are read per queue and state.
    reads.push([`queue view, all queues, by ${sort}`, `/agent/queues?sort=${sort}`, agent]);
    const page100 = await pageUrl(url, first, 100, cookie);
    if (!page100) continue;
    reads.push([`queue view, page 100, by ${sort}`, page100, agent]);
    // Back from page 100 (?before=, keyset backwards): as fast as forwards.
    const html = await (await fetch(`${url}${page100}`, { headers: { cookie } })).text();
    const page99 = relLink(html, "prev");
    if (page99) reads.push([`queue view, back to page 99, by ${sort}`, page99, agent]);
  }
  const results: ReadResult[] = [];
  for (const [name, path, headers] of reads)
    results.push(await measure(name, `${url}${path}`, headers, requests));
  return results;
}
