// The private header through which `npm start`'s server (scripts/server.ts)
// hands each request's socket address to the app. Pure, so the server script
// and the app share it without loading the app's config.

/** Request header carrying the socket address; any client-sent copy is dropped by the server. */
export const SOCKET_ADDRESS_HEADER = "x-helpdesk-socket-address";

/**
 * Set in the server process by scripts/server.ts before Next starts. Only then
 * is SOCKET_ADDRESS_HEADER trusted: under a plain `next start` a client could
 * send the header itself.
 */
export const SOCKET_ADDRESS_FLAG = "HELPDESK_SOCKET_ADDRESS_HEADER";

/**
 * The rate-limit identity of an address: IPv4 as is (also when IPv4-mapped,
 * `::ffff:192.0.2.1`), IPv6 as its /64 network (`2001:db8:0:1::/64`), since
 * one subscriber usually holds a whole /64. Anything unparsable is kept as is.
 */
export function addressBucket(address: string): string {
  const plain = address.trim().replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain);
  if (mapped) return mapped[1];
  if (!plain.includes(":")) return plain;
  const [head, tail = ""] = plain.split("%")[0].split("::");
  const left = head ? head.split(":") : [];
  const right = plain.includes("::") && tail ? tail.split(":") : [];
  const groups = plain.includes("::")
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right]
    : left;
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return plain;
  const network = groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16));
  return `${network.join(":")}::/64`;
}

/**
 * Replaces any client-sent SOCKET_ADDRESS_HEADER with the socket's address.
 * Works on Node's raw header object (IncomingMessage.headers, lower-case keys).
 */
export function stampSocketAddress(
  headers: Record<string, string | string[] | undefined>,
  socketAddress: string | undefined,
): void {
  delete headers[SOCKET_ADDRESS_HEADER];
  if (socketAddress) headers[SOCKET_ADDRESS_HEADER] = socketAddress;
}
