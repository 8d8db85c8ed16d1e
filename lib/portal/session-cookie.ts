// The customer session cookie: separate from Auth.js's agent session (own name,
// own token table), httpOnly, SameSite=Lax, Secure when the desk runs on https.
import "server-only";
import { cookies, headers } from "next/headers";
import { clientIp } from "../http/client-ip";
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

/** The client address for rate limits (see clientIp). */
export async function getClientIp(): Promise<string> {
  return clientIp(await headers());
}
