// The customer session cookie: separate from Auth.js's agent session (own name,
// own token table), httpOnly, SameSite=Lax, Secure when the desk runs on https.
import { cookies, headers } from "next/headers";
import { config } from "../config";
import { getCustomerSession } from "./get-customer-session";
import { CUSTOMER_SESSION_COOKIE } from "./tokens";

export function sessionCookieOptions(expiresAt: Date) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: config.appUrl.startsWith("https:"),
    path: "/",
    expires: expiresAt,
  };
}

export async function readSessionCookie(): Promise<string | undefined> {
  return (await cookies()).get(CUSTOMER_SESSION_COOKIE)?.value;
}

/** The signed-in customer of this request, or null. */
export async function getCurrentCustomer() {
  return getCustomerSession({ token: await readSessionCookie() });
}

/**
 * The client address for rate limits: the last X-Forwarded-For entry, which the
 * nearest reverse proxy (or Next itself, when there is none) vouches for.
 */
export async function getClientIp(): Promise<string> {
  const list = await headers();
  const forwarded = list
    .get("x-forwarded-for")
    ?.split(",")
    .map((part) => part.trim());
  return forwarded?.filter(Boolean).at(-1) || list.get("x-real-ip") || "unknown";
}
