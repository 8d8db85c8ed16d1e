// The count of requests in flight that the job worker yields to, on a real
// node:http server and real connections.
import { EventEmitter } from "node:events";
import { request, type ServerResponse } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { waitFor } from "@/tests/kit/desk-process";
import { startTrackedServer, type TrackedServer } from "@/tests/kit/tracked-server";
import { trackWebRequest, webRequestsInFlight, whenWebIdle } from "./web-activity";

let server: TrackedServer;
let url: string;
let held: ServerResponse[];

beforeEach(async () => {
  server = await startTrackedServer();
  ({ url, held } = server);
});

afterEach(() => server.close());

const requestHeld = () =>
  waitFor("the held request", async () => held.length === 1 || undefined, 5_000);
const countBackTo = (n: number) =>
  waitFor(`${n} requests in flight`, async () => webRequestsInFlight() === n || undefined, 5_000);

describe("requests in flight", () => {
  it("count from arrival until the response is done", async () => {
    const base = webRequestsInFlight();
    const answered = fetch(`${url}/hold`).then((r) => r.text());
    await requestHeld();
    expect(webRequestsInFlight()).toBe(base + 1);
    expect(await (await fetch(`${url}/now`)).text()).toBe("ok");
    expect(webRequestsInFlight()).toBe(base + 1);
    held[0].end("late");
    expect(await answered).toBe("late");
    await countBackTo(base);
  });

  it("stop counting a request whose client went away before the answer", async () => {
    const base = webRequestsInFlight();
    const req = request(`${url}/hold`);
    req.on("error", () => {});
    req.end();
    await requestHeld();
    expect(webRequestsInFlight()).toBe(base + 1);
    req.destroy();
    await countBackTo(base);
  });
});

describe("whenWebIdle", () => {
  it("waits while a request is in flight and resolves as the last one is answered", async () => {
    const answered = fetch(`${url}/hold`).then((r) => r.text());
    await requestHeld();
    let idle = false;
    const waiting = whenWebIdle(60_000).then(() => (idle = true));
    await new Promise((r) => setTimeout(r, 200));
    expect(idle).toBe(false);
    held[0].end("done");
    await answered;
    await waiting;
    expect(webRequestsInFlight()).toBe(0);
  });

  it("resolves after the longest wait when the server stays busy, and at once when idle", async () => {
    void fetch(`${url}/hold`).catch(() => {});
    await requestHeld();
    const started = Date.now();
    await whenWebIdle(150);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(webRequestsInFlight()).toBe(1);
    held.splice(0).forEach((res) => res.end());
    await countBackTo(0);
    let idle = false;
    void whenWebIdle(60_000).then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(true);
  });

  it("stays busy when the next request arrives in the turn in which the last was answered", async () => {
    // What a keep-alive client does under load: its next request follows the answer at once.
    // The EventEmitters stand in for the server's responses (trackWebRequest needs only "close").
    const first = new EventEmitter();
    trackWebRequest(first);
    let idle = false;
    const waiting = whenWebIdle(60_000).then(() => (idle = true));
    first.emit("close");
    const next = new EventEmitter();
    trackWebRequest(next);
    await new Promise((r) => setTimeout(r, 50));
    expect(idle).toBe(false);
    next.emit("close");
    await waiting;
  });
});
