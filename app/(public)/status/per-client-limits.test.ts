// Rate limits under plain `npm start` (TRUSTED_PROXY_HOPS=0): each client has
// its own bucket, known from the socket, and a forged header never wins.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startApp, type RunningApp } from "@/tests/kit/app-server";
import { submitFormWithoutScript } from "@/tests/kit/http-client";
import en from "@/messages/en.json";
import { SOCKET_ADDRESS_HEADER } from "@/lib/http/socket-address";

let app: RunningApp;
const LIMIT = 20; // PORTAL_LINKS_PER_IP_HOUR's default

beforeAll(async () => {
  app = await startApp({
    env: { TRUSTED_PROXY_HOPS: "0", PORTAL_LINKS_PER_IP_HOUR: String(LIMIT) },
  });
});
afterAll(() => app?.stop());

const lookUp = (localAddress: string, i: number, headers: Record<string, string> = {}) =>
  submitFormWithoutScript(
    `${app.url.replace("localhost", "127.0.0.1")}/status`,
    { number: `20261130100${String(i).padStart(5, "0")}`, email: `someone${i}@example.org` },
    { localAddress, headers },
  );

// The form's alert (the catalogue itself also travels in the page, as the form's props).
const alertOf = (html: string, role: "alert" | "status") =>
  new RegExp(`role="${role}"[^>]*>([^<]*)<`).exec(html)?.[1] ?? "";
const refused = (html: string) => alertOf(html, "alert") === en.portal.errors.rateLimited;

it("counts each client by its socket address; forged addresses never win", async () => {
  // One client guesses 25 times, each time claiming another address in the
  // private header and in X-Forwarded-For.
  const answers: boolean[] = [];
  for (let i = 0; i < 25; i++) {
    const forged = `203.0.113.${i + 1}`;
    const res = await lookUp("127.0.0.2", i, {
      [SOCKET_ADDRESS_HEADER]: forged,
      "x-forwarded-for": forged,
    });
    expect(res.status).toBe(200);
    answers.push(refused(res.text));
  }
  expect(answers.slice(0, LIMIT)).not.toContain(true);
  expect(answers.slice(LIMIT)).toEqual([true, true, true, true, true]);

  // Another client's lookup goes through.
  const other = await lookUp("127.0.0.3", 99);
  expect(other.status).toBe(200);
  expect(refused(other.text)).toBe(false);
  expect(alertOf(other.text, "status")).toContain(en.portal.status.sent.split("{")[0]);
});

it("warns at start only when limits cannot see clients", () => {
  expect(app.output()).not.toContain("Rate limits cannot tell clients apart");
});
