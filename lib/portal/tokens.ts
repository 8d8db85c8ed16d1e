// Customer tokens (access links, sign-in links, sessions): random, only their hash is stored.
import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * Kinds of CustomerToken: `access` (a link to one ticket, mailed on a status lookup),
 * `magic` (a one-time sign-in link for "my requests"), `session` (the cookie a link is
 * exchanged for). Stored in CustomerToken.kind; write them through these names only.
 */
export const CUSTOMER_TOKEN_KINDS = ["access", "magic", "session"] as const;
export type CustomerTokenKind = (typeof CUSTOMER_TOKEN_KINDS)[number];
/** The kinds that are mailed as a link. */
export type CustomerLinkKind = Exclude<CustomerTokenKind, "session">;

export const CUSTOMER_SESSION_COOKIE = "hd_customer_session";

export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashCustomerToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Tokens we issue are 43 base64url characters; anything else is not looked up at all. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}
