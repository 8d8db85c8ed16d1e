"use server";

import { redirect } from "next/navigation";
import { setPasswordWithLink } from "@/lib/agents/password-links";
import { setPasswordSchema } from "@/lib/agents/schemas";
import type { AgentErrorKey } from "@/lib/actions/run-agent-action";
import { UserFacingError } from "@/lib/errors";

export interface SetPasswordState {
  fieldErrors?: Partial<Record<"password" | "confirm", AgentErrorKey>>;
  formError?: AgentErrorKey;
}

/** Sets the password through an invitation or reset link (no session: the link is the proof). */
export async function setPassword(
  _previous: SetPasswordState,
  formData: FormData,
): Promise<SetPasswordState> {
  const parsed = setPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors: SetPasswordState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === "password" || field === "confirm") && !fieldErrors[field])
        fieldErrors[field] = issue.message as AgentErrorKey;
    }
    return { fieldErrors };
  }
  try {
    await setPasswordWithLink(parsed.data);
  } catch (error) {
    if (error instanceof UserFacingError) return { formError: "linkInvalid" };
    throw error;
  }
  redirect("/login?passwordSet=1");
}
