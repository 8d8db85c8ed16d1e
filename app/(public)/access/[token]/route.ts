import { cookies } from "next/headers";
import { NextResponse, type NextRequest } from "next/server";
import { config } from "@/lib/config";
import { exchangeToken } from "@/lib/portal/exchange-token";
import { readSessionCookie, sessionCookieOptions } from "@/lib/portal/session-cookie";
import { CUSTOMER_SESSION_COOKIE } from "@/lib/portal/tokens";

export const dynamic = "force-dynamic";

const NO_LEAK = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

/**
 * Opens an access or sign-in link: the token becomes a customer session cookie
 * and the browser moves on to a URL without it. Every failure (unknown,
 * expired, used) leads to the same "link not valid" page.
 */
export async function GET(_req: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const result = await exchangeToken({ token, currentSessionToken: await readSessionCookie() });
  const to = (path: string) => new URL(path, `${config.appUrl}/`);
  if (!result) {
    return NextResponse.redirect(to("/status?link=invalid"), { status: 303, headers: NO_LEAK });
  }
  if (result.sessionToken) {
    (await cookies()).set(
      CUSTOMER_SESSION_COOKIE,
      result.sessionToken,
      sessionCookieOptions(result.expiresAt),
    );
  }
  return NextResponse.redirect(to(result.redirectTo), { status: 303, headers: NO_LEAK });
}
