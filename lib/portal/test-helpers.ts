// Shared arrangements for the portal's integration tests.
import { db } from "../db";
import { seedDatabase } from "../setup/seed";
import { createWebRequest } from "./create-web-request";
import type { RequestInput } from "./schemas";

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

/** The link of the newest mail job of a kind to an address (the worker scrubs it once sent). */
export async function lastMailLink(kind: "access-link" | "magic-link", to: string) {
  const jobs = await db.job.findMany({ where: { type: "mail.send" }, orderBy: { id: "desc" } });
  const job = jobs
    .map((j) => j.payload as { kind: string; to: string; data?: { link?: string } })
    .find((p) => p.kind === kind && p.to === to);
  return job?.data?.link ?? null;
}

export const tokenOf = (link: string) => link.split("/access/")[1];
