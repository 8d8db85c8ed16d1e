import { Button } from "@/components/ui/button";
import { listApiTokens } from "@/lib/agents/api-tokens";
import { requireAgent } from "@/lib/auth/session";
import { getMessages, localizedTitle } from "@/lib/i18n/server";
import { revokeToken } from "./actions";
import { CreateTokenForm } from "./create-token-form";

export const generateMetadata = localizedTitle((t) => t.tokens.title);

export default async function TokensPage() {
  const agent = await requireAgent();
  const { locale, t } = await getMessages();
  const tokens = await listApiTokens(agent.id);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">{t.tokens.title}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">{t.tokens.intro}</p>
      <CreateTokenForm t={t.tokens} errors={t.agentErrors} />
      {tokens.length === 0 ? (
        <p>{t.tokens.empty}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-zinc-200 dark:border-zinc-800">
              <th className="py-2">{t.tokens.name}</th>
              <th className="py-2">{t.tokens.created}</th>
              <th className="py-2">{t.tokens.lastUsed}</th>
              <th className="py-2">
                <span className="sr-only">{t.common.revoke}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} className="border-b border-zinc-100 dark:border-zinc-900">
                <td className="py-2">
                  {token.name} <code className="text-zinc-500">{token.prefix}…</code>
                  {token.readOnly && <span className="ml-2 text-xs">({t.tokens.readOnly})</span>}
                </td>
                <td className="py-2">{date.format(token.createdAt)}</td>
                <td className="py-2">
                  {token.lastUsedAt ? date.format(token.lastUsedAt) : t.tokens.never}
                </td>
                <td className="py-2 text-right">
                  <form action={revokeToken}>
                    <input type="hidden" name="tokenId" value={token.id} />
                    <Button variant="secondary">{t.common.revoke}</Button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
