import { config } from "../config";
import { addressBucket, SOCKET_ADDRESS_FLAG, SOCKET_ADDRESS_HEADER } from "./socket-address";

/** Stands for "every client" when the desk cannot see client addresses (see clientIp). */
export const UNKNOWN_CLIENT = "*";

/** True when this process can tell clients apart (a proxy count is set, or npm start's server). */
export function canSeeClients(): boolean {
  return config.trustedProxyHops > 0 || process.env[SOCKET_ADDRESS_FLAG] === "1";
}

let warnedAboutForwarding = false;

/**
 * The client address for rate limits (IPv6 as its /64, see addressBucket).
 * - Behind TRUSTED_PROXY_HOPS reverse proxies that append the address they saw
 *   to X-Forwarded-For: the entry that many places from the end (what the
 *   client prepended itself is ignored; Next keeps a client-sent header).
 * - Without proxies, under `npm start`: the socket address its server stamped
 *   (scripts/server.ts drops any client-sent copy of the header).
 * - Otherwise (`next start` directly) every client shares UNKNOWN_CLIENT;
 *   instrumentation.ts warns about it at start.
 */
export function clientIp(headers: Headers): string {
  const hops = config.trustedProxyHops;
  if (hops === 0) {
    if (headers.has("x-forwarded-for") && !warnedAboutForwarding) {
      warnedAboutForwarding = true;
      console.warn(
        "Requests arrive with X-Forwarded-For but TRUSTED_PROXY_HOPS=0: behind a reverse proxy, " +
          "set TRUSTED_PROXY_HOPS or rate limits count every client as the proxy.",
      );
    }
    const socket = process.env[SOCKET_ADDRESS_FLAG] === "1" && headers.get(SOCKET_ADDRESS_HEADER);
    return socket ? addressBucket(socket) : UNKNOWN_CLIENT;
  }
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const entry = entries[entries.length - hops];
  return entry ? addressBucket(entry) : UNKNOWN_CLIENT;
}

/** When clients share UNKNOWN_CLIENT, their one bucket gets this many times the per-client limit. */
const SHARED_BUCKET_FACTOR = 25;

/** The per-IP limit that applies to `ip` (larger for the shared UNKNOWN_CLIENT bucket). */
export function perIpLimit(ip: string, perClient: number): number {
  return ip === UNKNOWN_CLIENT ? perClient * SHARED_BUCKET_FACTOR : perClient;
}
