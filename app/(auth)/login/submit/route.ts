// Agent sign-in as a route handler, so a refused sign-in can answer with its
// own status (a server action cannot): the login form posts here. With
// JavaScript (Accept: application/json) the answer is JSON — 200 with where to
// go, 401 for wrong credentials, 429 with Retry-After when this account is
// rate-limited from this source (lib/agents/authenticate-agent.ts). Without
// JavaScript it is 303 to the agent area, 303 back to /login with the error
// for wrong credentials, and a real 429 with Retry-After when rate-limited:
// a small page in the visitor's language with the form again (issue 10, item 3).
import { AuthError, CredentialsSignin } from "next-auth";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { signIn } from "@/auth";
import { renderThrottledSignInPage } from "@/lib/auth/throttled-sign-in-page";
import { readBodyWithLimit } from "@/lib/http/read-body-with-limit";
import { safeAgentCallback } from "@/lib/http/same-site-path";

export const dynamic = "force-dynamic";

/** A sign-in form is small; anything larger is not read. */
const MAX_BODY_BYTES = 16 * 1024;

type Outcome =
  { ok: true; to: string } | { ok: false; error: "failed" | "rate_limited"; retryAfter?: number };

async function attempt(form: URLSearchParams): Promise<Outcome> {
  const to = safeAgentCallback(form.get("callbackUrl"));
  try {
    await signIn("credentials", {
      email: form.get("email") ?? "",
      password: form.get("password") ?? "",
      redirect: false,
    });
    return { ok: true, to };
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      const seconds = Number((error as { retryAfterSeconds?: number }).retryAfterSeconds);
      return { ok: false, error: "rate_limited", retryAfter: seconds > 0 ? seconds : 15 * 60 };
    }
    if (error instanceof AuthError) return { ok: false, error: "failed" };
    throw error;
  }
}

/** The posted fields, as a browser sends a form: URL-encoded (the default) or multipart. */
async function readForm(req: Request, bytes: Uint8Array): Promise<URLSearchParams> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data"))
    return new URLSearchParams(Buffer.from(bytes).toString("utf8"));
  const fields = new URLSearchParams();
  const data = await new Response(new Uint8Array(bytes), {
    headers: { "content-type": type },
  }).formData();
  for (const [name, value] of data) if (typeof value === "string") fields.append(name, value);
  return fields;
}

/** The no-JavaScript answer to a rate-limited sign-in: 429, Retry-After, the form with the address. */
async function throttledPage(form: URLSearchParams | null, retryAfter: number) {
  const [t, format, locale] = await Promise.all([
    getTranslations("login"),
    getFormatter(),
    getLocale(),
  ]);
  const minutes = Math.max(1, Math.ceil(retryAfter / 60));
  const time = format.dateTime(new Date(Date.now() + retryAfter * 1000), { timeStyle: "short" });
  const html = renderThrottledSignInPage({
    locale,
    title: t("title"),
    message: t("rateLimitedUntil", { minutes, time }),
    emailLabel: t("email"),
    passwordLabel: t("password"),
    submitLabel: t("submit"),
    email: form?.get("email") ?? "",
    callbackUrl: safeAgentCallback(form?.get("callbackUrl") ?? null),
  });
  return new Response(html, {
    status: 429,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Retry-After": String(retryAfter),
    },
  });
}

export async function POST(req: Request) {
  const wantsJson = (req.headers.get("accept") ?? "").includes("application/json");
  const bytes = await readBodyWithLimit(req, MAX_BODY_BYTES);
  const form = bytes ? await readForm(req, bytes).catch(() => null) : null;
  const outcome = form ? await attempt(form) : ({ ok: false, error: "failed" } satisfies Outcome);
  const retryHeaders: Record<string, string> =
    !outcome.ok && outcome.retryAfter ? { "Retry-After": String(outcome.retryAfter) } : {};
  if (wantsJson) {
    const status = outcome.ok ? 200 : outcome.error === "rate_limited" ? 429 : 401;
    return Response.json(outcome.ok ? { redirectTo: outcome.to } : { error: outcome.error }, {
      status,
      headers: { "Cache-Control": "no-store", ...retryHeaders },
    });
  }
  if (!outcome.ok && outcome.error === "rate_limited")
    return throttledPage(form, outcome.retryAfter ?? 15 * 60);
  const target = outcome.ok
    ? outcome.to
    : `/login?${new URLSearchParams({
        error: outcome.error,
        email: form?.get("email") ?? "",
        callbackUrl: safeAgentCallback(form?.get("callbackUrl") ?? null),
      })}`;
  return new Response(null, {
    status: 303,
    headers: { Location: target, "Cache-Control": "no-store", ...retryHeaders },
  });
}
