"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/translate";

export async function setLocale(formData: FormData) {
  const locale = formData.get("locale");
  const back = String(formData.get("back") ?? "/");
  if (isLocale(locale)) {
    (await cookies()).set(LOCALE_COOKIE, locale, {
      path: "/",
      maxAge: 365 * 24 * 3600,
      sameSite: "lax",
    });
  }
  // Same-site paths only ("//x" and "/\\x" would leave the site).
  redirect(/^\/(?![/\\])[^\s\\]*$/.test(back) ? back : "/");
}
