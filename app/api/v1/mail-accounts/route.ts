import { adminApiRoute } from "@/lib/api/handle";
import { parseWith } from "@/lib/api/respond";
import { apiActor, assertMailAccountAdmin } from "@/lib/mail/accounts/mail-accounts-api";
import { createMailAccount, listMailAccounts } from "@/lib/mail/accounts/manage-mail-accounts";
import { mailAccountSchema } from "@/lib/mail/accounts/schemas";

export const dynamic = "force-dynamic";

/** Admins: every IMAP mail account with its state (never a password). */
export const GET = adminApiRoute(async ({ caller }) => {
  assertMailAccountAdmin(caller, { write: false });
  return Response.json({ accounts: await listMailAccounts() });
});

/** Admins: creates a mail account; the worker starts fetching it within seconds. */
export const POST = adminApiRoute(async ({ caller, body }) => {
  assertMailAccountAdmin(caller, { write: true });
  const input = parseWith(mailAccountSchema, await body());
  return Response.json(await createMailAccount(input, apiActor(caller)), { status: 201 });
});
