"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { exchangeToken } from "@/lib/portal/exchange-token";
import { readSessionCookie, sessionCookieOptions } from "@/lib/portal/session-cookie";
import { CUSTOMER_SESSION_COOKIE } from "@/lib/portal/tokens";

/**
 * Opens an access or sign-in link on the customer's explicit "Continue" (a
 * same-origin POST: Next refuses server actions from other origins). The token
 * becomes a customer session cookie and the browser moves on to a URL without
 * it. Every failure (unknown, expired, used) leads to the same "link not valid" page.
 */
export async function openLink(formData: FormData) {
  const result = await exchangeToken({
    token: String(formData.get("token") ?? ""),
    currentSessionToken: await readSessionCookie(),
  });
  if (!result) redirect("/status?link=invalid");
  if (result.sessionToken) {
    (await cookies()).set(
      CUSTOMER_SESSION_COOKIE,
      result.sessionToken,
      sessionCookieOptions(result.expiresAt),
    );
  }
  redirect(result.redirectTo);
}
