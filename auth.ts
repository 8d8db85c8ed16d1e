// Auth.js (next-auth v5) for agents: credentials, JWT sessions, roles.
// Customers never use this; they have their own token flow.
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { adoptAgentLocale } from "@/lib/agents/agent-locale";
import { authenticateAgent } from "@/lib/agents/authenticate-agent";
import {
  cookieFromHeader,
  issueTrustedDevice,
  TRUSTED_DEVICE_COOKIE,
  TRUSTED_DEVICE_MAX_AGE,
  trustedDeviceId,
} from "@/lib/agents/trusted-device";
import { config } from "@/lib/config";
import { logAuthError } from "@/lib/auth/log-auth-error";
import { clientIp } from "@/lib/http/client-ip";
import { rememberLocale } from "@/lib/i18n/locale-cookie";
import { resolveRequestLocale } from "@/lib/i18n/request-locale";
import { readAuthSecret } from "@/lib/setup/auth-secret";
import type { Role } from "@/lib/generated/sqlite/enums";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; sessionVersion: number } & DefaultSession["user"];
  }
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
}

/** Too many failed sign-ins for this account from this source: the login form says so (429). */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: readAuthSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  // A wrong password is one log line, not a stack trace (issue 12).
  logger: { error: logAuthError },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        if (!email || !password) return null;
        const secret = readAuthSecret();
        const device = cookieFromHeader(request.headers.get("cookie"), TRUSTED_DEVICE_COOKIE);
        const result = await authenticateAgent({
          email,
          password,
          ip: clientIp(request.headers),
          trustedDeviceId: trustedDeviceId(device, email, secret),
        });
        if (!result.ok) {
          if (result.reason === "rate_limited")
            throw new SignInRateLimited(result.retryAfterSeconds);
          return null;
        }
        const { agent } = result;
        // This device may keep signing in while others guess at the account.
        (await cookies()).set(TRUSTED_DEVICE_COOKIE, issueTrustedDevice(agent.email, secret), {
          httpOnly: true,
          sameSite: "lax",
          secure: config.appUrl.startsWith("https:"),
          path: "/",
          maxAge: TRUSTED_DEVICE_MAX_AGE,
        });
        return {
          id: String(agent.id),
          email: agent.email,
          name: agent.name,
          role: agent.role,
          sessionVersion: agent.sessionVersion,
        };
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
      if (user) {
        token.role = user.role;
        // Compared on every request (lib/auth/session.ts): a password reset, a role
        // change or deactivation raises the stored one and ends this session.
        token.sessionVersion = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = (token.role as Role) ?? "agent";
      session.user.sessionVersion = Number(token.sessionVersion ?? 0);
      return session;
    },
  },
}));
