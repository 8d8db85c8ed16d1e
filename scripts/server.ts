// The HTTP server behind `npm start`: Next's request handler behind a plain
// Node server that stamps each request with its socket address (see
// lib/http/socket-address.ts), so per-client rate limits work without a
// reverse proxy. A client-sent copy of that header is always dropped. It also
// gives download routes their Content-Length back (lib/http/content-length.ts).
import "./source-maps";
import { createServer, type ServerResponse } from "node:http";
import next from "next";
import "./env";
import { keepHeapSmall } from "./heap";
import { restoreContentLength } from "../lib/http/content-length";
import { SOCKET_ADDRESS_FLAG, stampSocketAddress } from "../lib/http/socket-address";
import { trackWebRequest } from "../lib/http/web-activity";

/**
 * Server-Timing `app;dur=<ms>`: the time from the request's arrival to its
 * response headers — the server's own share of a request, which the benchmark
 * (BENCHMARKS.md) reads beside the whole request time. Durations only: it tells
 * a client nothing a stopwatch would not.
 */
function timeToHeaders(res: ServerResponse) {
  const started = performance.now();
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<typeof writeHead>) {
    if (!this.headersSent && !this.hasHeader("server-timing"))
      this.setHeader("Server-Timing", `app;dur=${(performance.now() - started).toFixed(1)}`);
    return writeHead.apply(this, args);
  } as typeof writeHead;
}

/**
 * Download routes' Content-Length (dropped by Next) comes back as the head is
 * written — explicitly, or implicitly by the first body write (Node then calls
 * writeHead itself).
 */
function restoreContentLengthOnHead(res: ServerResponse) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<typeof writeHead>) {
    if (!this.headersSent) restoreContentLength(this);
    return writeHead.apply(this, args);
  } as typeof writeHead;
}

async function main() {
  keepHeapSmall();
  if (process.env.BENCH_RAISE_PORTAL_LIMITS === "1")
    console.warn(
      "\n*** BENCH_RAISE_PORTAL_LIMITS=1: the portal's rate limits are OFF. For benchmarks only — never in production. ***\n",
    );
  const port = Number(process.env.PORT || 3000);
  process.env[SOCKET_ADDRESS_FLAG] = "1";
  const app = next({ dev: false, dir: process.cwd(), port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    trackWebRequest(res);
    stampSocketAddress(req.headers, req.socket.remoteAddress);
    timeToHeaders(res);
    restoreContentLengthOnHead(res);
    void handle(req, res);
  });
  // As `next start`: keep-alive past typical proxy idle timeouts.
  server.keepAliveTimeout = 65_000;
  server.listen(port, () => {
    console.log(`Help desk listening on http://localhost:${port}`);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
