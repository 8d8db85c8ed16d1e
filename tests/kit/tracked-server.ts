// A real node:http server whose requests are counted as in flight the way
// scripts/server.ts counts them (lib/http/web-activity.ts). A request for `/now` is
// answered at once; any other path is held open in `held` until the test ends it.
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { trackWebRequest } from "@/lib/http/web-activity";

export interface TrackedServer {
  url: string;
  /** Responses held open, in arrival order. */
  held: ServerResponse[];
  /** Ends the held responses, drops every connection and closes the server. */
  close: () => Promise<void>;
}

/** Starts a TrackedServer on a free port of 127.0.0.1. */
export async function startTrackedServer(): Promise<TrackedServer> {
  const held: ServerResponse[] = [];
  const server = createServer((req, res) => {
    trackWebRequest(res);
    if (req.url === "/now") res.end("ok");
    else held.push(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held,
    close: async () => {
      held.splice(0).forEach((res) => res.end());
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
