// Rejected portal form submissions kept briefly (FormDraft) for browsers
// without JavaScript: the upload route answers 303 to the form with ?draft=id,
// and the page fills the form and its errors from the draft.
import { randomBytes } from "node:crypto";
import { db } from "../db";
import type { FieldErrors } from "./field-errors";

/** How long a draft can be read (15 minutes). */
const DRAFT_SECONDS = 15 * 60;

/** What a portal form shows after a rejection. */
export interface PortalFormState<V extends Record<string, string> = Record<string, string>> {
  /** What the user typed, to fill the form again. */
  values?: V;
  fieldErrors?: FieldErrors;
  formError?: string;
  /** Files that were sent but cannot be refilled by the browser: choose them again. */
  reselect?: string[];
}

/** Stores `state` for `scope` (e.g. "request", "follow-up:<number>:<customerId>"); returns its id. */
export async function saveFormDraft(scope: string, state: PortalFormState, now = new Date()) {
  const id = randomBytes(18).toString("base64url");
  await db.formDraft.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.formDraft.create({
    data: {
      id,
      scope,
      payload: JSON.stringify(state),
      expiresAt: new Date(now.getTime() + DRAFT_SECONDS * 1000),
    },
  });
  return id;
}

/** The state saved under `id` for this `scope`, or {} (unknown, expired or another form's). */
export async function readFormDraft<V extends Record<string, string>>(
  scope: string,
  id: string | undefined,
  now = new Date(),
): Promise<PortalFormState<V>> {
  if (!id || id.length > 64) return {};
  const draft = await db.formDraft.findFirst({ where: { id, scope, expiresAt: { gt: now } } });
  return draft ? (JSON.parse(draft.payload) as PortalFormState<V>) : {};
}
