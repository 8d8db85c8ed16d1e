"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { sameSitePath } from "@/lib/http/same-site-path";
import { THEME_COOKIE, isTheme } from "@/lib/ui/theme";

/**
 * The theme switcher's action: remember the choice for a year (cookie; "system"
 * removes it) and return to the page it was pressed on, as the language switcher does.
 */
export async function setTheme(formData: FormData) {
  const theme = formData.get("theme");
  const jar = await cookies();
  if (theme === "system") jar.delete(THEME_COOKIE);
  else if (isTheme(theme))
    jar.set(THEME_COOKIE, theme, {
      path: "/",
      maxAge: 365 * 24 * 3600,
      sameSite: "lax",
      httpOnly: true,
    });
  const h = await headers();
  redirect(
    sameSitePath(formData.get("back")) ?? sameSitePath(h.get("referer"), h.get("host")) ?? "/",
  );
}
