import { config } from "../config";

/** Stands for "every client" when no proxy vouches for addresses (see clientIp). */
export const UNKNOWN_CLIENT = "*";

/**
 * The client address for rate limits. Next keeps an X-Forwarded-For header
 * the client sent (it only fills it in when absent), so the header is trusted
 * only behind TRUSTED_PROXY_HOPS reverse proxies that append the address they
 * saw: the entry that many places from the end is the client. Without proxies
 * every client shares UNKNOWN_CLIENT (per-address limits still apply).
 */
export function clientIp(headers: Headers): string {
  const hops = config.trustedProxyHops;
  if (hops === 0) return UNKNOWN_CLIENT;
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  return entries[entries.length - hops] ?? UNKNOWN_CLIENT;
}

/** Without a trusted proxy all clients share one bucket, this many times the per-client limit. */
const SHARED_BUCKET_FACTOR = 25;

/** The per-IP limit that applies to `ip` (larger for the shared UNKNOWN_CLIENT bucket). */
export function perIpLimit(ip: string, perClient: number): number {
  return ip === UNKNOWN_CLIENT ? perClient * SHARED_BUCKET_FACTOR : perClient;
}
