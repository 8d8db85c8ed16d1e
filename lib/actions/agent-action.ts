import "server-only";
import type { z } from "zod";
import { getCurrentAgent } from "../auth/session";
import { runAgentAction, type ActionResult, type AgentActionOptions } from "./run-agent-action";

export type { ActionResult, AgentErrorKey } from "./run-agent-action";

// The one way to write an agent server action (CONTRIBUTING.md): the session
// comes from Auth.js here; everything else happens in runAgentAction.

/**
 * Defines an agent server action (export it from an `actions.ts` with "use server").
 * Call it with an object or a <form>'s FormData; for useActionState use agentFormAction.
 */
export function agentAction<S extends z.ZodType, T>(options: AgentActionOptions<S, T>) {
  return async (input: unknown): Promise<ActionResult<T>> =>
    runAgentAction(await getCurrentAgent(), options, input);
}

/** The same for `useActionState(action, null)`: (previous result, FormData). */
export function agentFormAction<S extends z.ZodType, T>(options: AgentActionOptions<S, T>) {
  return async (_previous: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> =>
    runAgentAction(await getCurrentAgent(), options, formData);
}

/**
 * The same for a plain `<form action>` button whose only input is hidden ids
 * (revoke, re-run, mark read): nothing is typed, so nothing is shown back;
 * unexpected failures are logged as above.
 */
export function agentButtonAction<S extends z.ZodType, T>(options: AgentActionOptions<S, T>) {
  return async (formData: FormData): Promise<void> => {
    await runAgentAction(await getCurrentAgent(), options, formData);
  };
}
