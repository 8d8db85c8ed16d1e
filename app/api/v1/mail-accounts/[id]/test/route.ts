import { adminApiRoute } from "@/lib/api/handle";
import { assertMailAccountAdmin, parseAccountId } from "@/lib/mail/accounts/mail-accounts-api";
import { testMailAccount } from "@/lib/mail/accounts/test-mail-account";

export const dynamic = "force-dynamic";

/** Signs in with the stored settings and opens the folder: `{ ok, messages? , error? }`. */
export const POST = adminApiRoute<{ id: string }>(async ({ caller, params }) => {
  assertMailAccountAdmin(caller, { write: false });
  return Response.json(await testMailAccount(parseAccountId(params.id)));
});
