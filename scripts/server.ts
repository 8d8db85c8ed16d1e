// The HTTP server behind `npm start`: Next's request handler behind a plain
// Node server that stamps each request with its socket address (see
// lib/http/socket-address.ts), so per-client rate limits work without a
// reverse proxy. A client-sent copy of that header is always dropped.
import { createServer } from "node:http";
import next from "next";
import "./env";
import { SOCKET_ADDRESS_FLAG, stampSocketAddress } from "../lib/http/socket-address";

async function main() {
  const port = Number(process.env.PORT || 3000);
  process.env[SOCKET_ADDRESS_FLAG] = "1";
  const app = next({ dev: false, dir: process.cwd(), port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    stampSocketAddress(req.headers, req.socket.remoteAddress);
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
