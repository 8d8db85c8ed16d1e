// Auth.js (next-auth v5) for agents: credentials, JWT sessions, roles.
// Customers never use this; they have their own token flow.
import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { adoptAgentLocale } from "@/lib/agents/agent-locale";
import { authenticateAgent } from "@/lib/agents/authenticate-agent";
import { clientIp } from "@/lib/http/client-ip";
import { rememberLocale } from "@/lib/i18n/locale-cookie";
import { resolveRequestLocale } from "@/lib/i18n/request-locale";
import { readAuthSecret } from "@/lib/setup/auth-secret";
import type { Role } from "@/lib/generated/sqlite/enums";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role } & DefaultSession["user"];
  }
  interface User {
    role?: Role;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: readAuthSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        if (!email || !password) return null;
        const agent = await authenticateAgent(email, password, clientIp(request.headers));
        if (!agent) return null;
        return { id: String(agent.id), email: agent.email, name: agent.name, role: agent.role };
      },
    }),
  ],
  events: {
    // The agent's stored language wins; else the one they are using is stored (issue 9).
    async signIn({ user }) {
      const id = Number(user.id);
      if (!Number.isInteger(id) || id <= 0) return;
      await rememberLocale(await adoptAgentLocale(id, await resolveRequestLocale()));
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) token.role = user.role;
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = (token.role as Role) ?? "agent";
      return session;
    },
  },
}));
