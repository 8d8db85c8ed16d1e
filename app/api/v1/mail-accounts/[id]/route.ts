import { adminApiRoute } from "@/lib/api/handle";
import { parseWith } from "@/lib/api/respond";
import {
  apiActor,
  assertMailAccountAdmin,
  parseAccountId,
} from "@/lib/mail/accounts/mail-accounts-api";
import {
  deactivateMailAccount,
  findMailAccount,
  updateMailAccount,
} from "@/lib/mail/accounts/manage-mail-accounts";
import { mailAccountSchema } from "@/lib/mail/accounts/schemas";

export const dynamic = "force-dynamic";

export const GET = adminApiRoute<{ id: string }>(async ({ caller, params }) => {
  assertMailAccountAdmin(caller, { write: false });
  return Response.json(await findMailAccount(parseAccountId(params.id)));
});

/** Replaces the settings; a missing or blank password keeps the stored one. */
export const PUT = adminApiRoute<{ id: string }>(async ({ caller, params, body }) => {
  assertMailAccountAdmin(caller, { write: true });
  const id = parseAccountId(params.id);
  const input = parseWith(mailAccountSchema, await body());
  return Response.json(await updateMailAccount(id, input, apiActor(caller)));
});

/** Deactivates (the account and its recorded state are kept; PUT with active: true resumes). */
export const DELETE = adminApiRoute<{ id: string }>(async ({ caller, params }) => {
  assertMailAccountAdmin(caller, { write: true });
  await deactivateMailAccount(parseAccountId(params.id), apiActor(caller));
  return new Response(null, { status: 204 });
});
