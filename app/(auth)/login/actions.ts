"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/auth";

export interface LoginState {
  email: string;
  failed: boolean;
  /** Too many failed attempts for this account from here: wait (HTTP would say 429). */
  rateLimited?: boolean;
}

/** Only same-site relative paths: never an open redirect. */
function safeCallback(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/agent") && !path.startsWith("//") ? path : "/agent";
}

export async function login(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: String(formData.get("password") ?? ""),
      redirectTo: safeCallback(formData.get("callbackUrl")),
    });
  } catch (error) {
    // signIn redirects by throwing; only a failed sign-in is ours to handle.
    if (error instanceof CredentialsSignin && error.code === "rate_limited")
      return { email, failed: true, rateLimited: true };
    if (error instanceof AuthError) return { email, failed: true };
    throw error;
  }
  return { email, failed: false };
}
