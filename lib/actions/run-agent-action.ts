import "server-only";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { scopeForAgent, type Scope } from "../access/scope";
import { UserFacingError } from "../errors";
import { StaleVersionError } from "../tickets/assert-ticket-version";
import type { Role } from "../generated/sqlite/enums";
import type { Messages } from "../i18n/catalogues";

/** A key of the `agentErrors` catalogue: what crosses to the form, never English text. */
export type AgentErrorKey = keyof Messages["agentErrors"];

export type ActionFailure = {
  ok: false;
  formError?: AgentErrorKey;
  fieldErrors?: Record<string, AgentErrorKey[]>;
  /** What the user sent (text fields), so the form can show it again. */
  values?: Record<string, string>;
  /** With `staleVersion`: who changed the ticket last and when (ISO), for "changed by … ago". */
  lastChange?: { by: string; kind: "agent" | "customer" | "system"; at: string } | null;
};
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

export interface ActionAgent {
  id: number;
  email: string;
  name: string;
  role: Role;
}

export interface AgentActionOptions<S extends z.ZodType, T> {
  /** For logs: which action failed. */
  name: string;
  /** The form's shared schema (lib/<concept>/schemas.ts); its messages are agentErrors keys. */
  schema: S;
  /** "admin" for admin-only actions; default any signed-in agent. */
  role?: Role;
  /** The one call into lib (plus revalidatePath/redirect). */
  run: (ctx: { agent: ActionAgent; scope: Scope; input: z.output<S> }) => Promise<T>;
}

const KEYS = new Set<string>([
  "generic",
  "forbidden",
  "required",
  "invalid",
  "notFound",
  "unknownAgent",
  "unknownQueue",
  "pendingTimeRequired",
  "tooLong",
  "invalidAddress",
  "invalidTime",
  "merged",
  "fileInvalid",
  "tooManyFiles",
  "fileTooLarge",
  "fileType",
  "fileContent",
  "bodyTooLarge",
  "staleVersion",
  "lockedByOther",
  "alreadyMerged",
  "mergeIntoItself",
  "invalidPeriod",
  "taken",
  "fallbackQueue",
  "unknownTimeZone",
  "unknownExtension",
] satisfies AgentErrorKey[]);
export const asKey = (key: string | undefined, fallback: AgentErrorKey): AgentErrorKey =>
  key && KEYS.has(key) ? (key as AgentErrorKey) : fallback;

/** FormData as a plain object: one string per text field, repeated names as arrays, files dropped. */
export function formValues(input: unknown): unknown {
  if (!(input instanceof FormData)) return input;
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of input.entries()) {
    if (typeof value !== "string" || name.startsWith("$ACTION")) continue;
    const seen = values[name];
    values[name] = seen === undefined ? value : [...[seen].flat(), value];
  }
  return values;
}

function echo(raw: unknown): Record<string, string> | undefined {
  if (!raw || typeof raw !== "object") return undefined;
  const entries = Object.entries(raw).filter(([, v]) => typeof v === "string");
  return entries.length ? Object.fromEntries(entries as [string, string][]) : undefined;
}

export function fieldErrorsOf(error: z.ZodError): Record<string, AgentErrorKey[]> {
  const errors: Record<string, AgentErrorKey[]> = {};
  for (const issue of error.issues) {
    const list = (errors[String(issue.path[0] ?? "form")] ??= []);
    const key = asKey(issue.message, "invalid");
    if (!list.includes(key)) list.push(key);
  }
  return errors;
}

/**
 * Runs an agent action for the given agent (null: no session): sign-in
 * redirect without a session, "forbidden" without the role, field errors from
 * the schema, then `run`. A UserFacingError becomes its `key` (see
 * lib/errors.ts) at each field it names, else as the form's error; anything
 * else is logged with the action, the agent and the error, and answered
 * "generic". Next's own redirect/notFound from `run` pass through.
 */
export async function runAgentAction<S extends z.ZodType, T>(
  agent: ActionAgent | null,
  options: AgentActionOptions<S, T>,
  input: unknown,
): Promise<ActionResult<T>> {
  if (!agent) redirect("/login");
  if (options.role === "admin" && agent.role !== "admin") {
    return { ok: false, formError: "forbidden" };
  }
  const raw = formValues(input);
  const parsed = options.schema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: echo(raw) };
  }
  try {
    const scope = await scopeForAgent(agent);
    return { ok: true, data: await options.run({ agent, scope, input: parsed.data }) };
  } catch (error) {
    unstable_rethrow(error);
    const values = echo(raw);
    if (error instanceof StaleVersionError) {
      const last = error.lastChange;
      return {
        ok: false,
        formError: "staleVersion",
        values,
        lastChange: last && { ...last, at: last.at.toISOString() },
      };
    }
    if (error instanceof UserFacingError) {
      if (!error.key)
        console.warn(`agent action ${options.name}: error without a message key`, { error });
      const key = asKey(error.key, "generic");
      const fields = Object.keys(error.fields ?? {});
      return fields.length
        ? { ok: false, fieldErrors: Object.fromEntries(fields.map((f) => [f, [key]])), values }
        : { ok: false, formError: key, values };
    }
    console.error(`agent action ${options.name} failed`, {
      agentId: agent.id,
      fields: Object.keys(values ?? {}),
      error,
    });
    return { ok: false, formError: "generic", values };
  }
}
