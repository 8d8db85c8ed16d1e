// Shared arrangements for the portal's integration tests.
import { db } from "../../lib/db";
import { jobHandlers } from "../../lib/jobs/handlers";
import { createWorker } from "../../lib/jobs/worker";
import { seedDatabase } from "../../lib/setup/seed";
import { createWebRequest } from "../../lib/portal/create-web-request";
import { exchangeToken } from "../../lib/portal/exchange-token";
import { getCustomerSession } from "../../lib/portal/get-customer-session";
import { requestMagicLink } from "../../lib/portal/request-magic-link";
import type { RequestInput } from "../../lib/portal/schemas";

export async function publicQueueId(name = "Misc") {
  await seedDatabase();
  return (await db.queue.findUniqueOrThrow({ where: { name } })).id;
}

let ipCounter = 0;
/** A fresh client address per call, so tests do not share rate-limit windows by accident. */
export const freshIp = () => `192.0.2.${++ipCounter}`;

export async function submitRequest(overrides: Partial<RequestInput> = {}, ip = freshIp()) {
  const input: RequestInput = {
    name: "Alice Example",
    email: "alice@example.org",
    subject: "Printer on fire",
    body: "It smokes.",
    topic: await publicQueueId(),
    attachments: [],
    ...overrides,
  };
  return createWebRequest({ input, ip, locale: "en" });
}

/**
 * Runs the queued link requests (status lookups, sign-in requests) as the
 * worker would, at `now`; the mail jobs they queue stay queued for lastMailLink.
 */
export async function runLinkRequests(now = new Date()) {
  const failures: unknown[] = [];
  const ran = await createWorker({
    handlers: jobHandlers,
    types: ["portal.link-request"],
    clock: () => now,
    log: (message, error) => failures.push(error ?? message),
  }).drain();
  if (failures.length) throw new AggregateError(failures, "link request jobs failed");
  return ran;
}

/** The link of the newest mail job of a kind to an address (the worker scrubs it once sent). */
export async function lastMailLink(kind: "access-link" | "magic-link", to: string) {
  const jobs = await db.job.findMany({ where: { type: "mail.send" }, orderBy: { id: "desc" } });
  const job = jobs
    .map((j) => j.payload as { kind: string; to: string; data?: { link?: string } })
    .find((p) => p.kind === kind && p.to === to);
  return job?.data?.link ?? null;
}

export const tokenOf = (link: string) => link.split("/access/")[1];

/**
 * What a browser does on the link page: GET it, then submit its "Continue"
 * form (the server action's hidden fields included) as a plain POST.
 */
export async function submitAccessForm(
  appUrl: string,
  token: string,
  headers: Record<string, string> = {},
) {
  const html = await (await fetch(`${appUrl}/access/${token}`)).text();
  const form = html.split("<form").find((part) => part.includes('name="token"'));
  if (!form) throw new Error(`no link form on the page:\n${html.slice(0, 2000)}`);
  const body = new FormData();
  for (const input of form.split("</form>")[0].matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    if (name) body.append(name, /value="([^"]*)"/.exec(input[0])?.[1] ?? "");
  }
  return fetch(`${appUrl}/access/${token}`, {
    method: "POST",
    body,
    headers: { origin: appUrl, ...headers },
    redirect: "manual",
  });
}

/** A customer's portal session, signed in by magic link as the browser would. */
export async function signInCustomer(email: string) {
  await requestMagicLink({ email, ip: freshIp(), locale: "en" });
  await runLinkRequests();
  const result = await exchangeToken({
    token: tokenOf((await lastMailLink("magic-link", email))!),
  });
  return (await getCustomerSession({ token: result!.sessionToken }))!;
}
