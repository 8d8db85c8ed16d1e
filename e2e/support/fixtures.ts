import fs from "node:fs";
import { test as base, expect, type Locator } from "@playwright/test";
import { catalogueTranslator } from "../../lib/i18n/catalogue-translator";
import { isLocale, type Locale } from "../../lib/i18n/locales";
import { ADMIN } from "../../tests/kit/app-server";
import { STATE_FILE } from "./global-setup";

interface E2eState {
  url: string;
  stubUrl: string;
  databaseUrl: string;
  /** INBOUND_WEBHOOK_SECRET of the shared app: post mail with tests/kit/mail.ts postMime. */
  inboundSecret: string;
}

/** One `securitypolicyviolation` event as the page saw it. */
export interface CspViolation {
  page: string;
  directive: string;
  blocked: string;
  sample: string;
}

export interface SignInOptions {
  /** The desk to sign in to; default the suite's shared app (global setup). */
  url?: string;
  /** Default: the seeded administrator. */
  agent?: { email: string; password: string };
}

/** Signs the page in through the real login form and waits for the agent area. */
export type SignIn = (options?: SignInOptions) => Promise<void>;

const readState = (): E2eState => JSON.parse(fs.readFileSync(STATE_FILE, "utf8"));

/**
 * Every spec runs once per language (projects "en" and "de" in playwright.config.ts: the
 * browser's language, as Accept-Language). `t` reads the same catalogue as the app, so a
 * spec finds "Sign in" / "Anmelden" by its key.
 */
export const test = base.extend<{
  state: E2eState;
  cspViolations: CspViolation[];
  language: Locale;
  t: ReturnType<typeof catalogueTranslator>;
  signIn: SignIn;
}>({
  state: async ({}, use) => {
    await use(readState());
  },
  signIn: async ({ page, t, language }, use) => {
    await use(async (options = {}) => {
      const url = options.url ?? readState().url;
      const agent = options.agent ?? ADMIN;
      await page.goto(`${url}/login`);
      const form = page.locator("form").filter({ has: page.getByLabel(t("login.password")) });
      await form.getByLabel(t("login.email")).fill(agent.email);
      await form.getByLabel(t("login.password")).fill(agent.password);
      await form.getByRole("button", { name: t("login.submit") }).click();
      await expect(page).toHaveURL(new RegExp(`^${url}/agent`));
      // An agent's stored language wins over the browser's; a desk shared by both language
      // runs may carry the other run's choice, so speak this run's language.
      if ((await page.locator("html").getAttribute("lang")) !== language) {
        await page.getByRole("button", { name: t(`language.${language}`) }).click();
        await expect(page.locator("html")).toHaveAttribute("lang", language);
      }
    });
  },
  baseURL: async ({}, use) => {
    await use(JSON.parse(fs.readFileSync(STATE_FILE, "utf8")).url);
  },
  language: async ({ locale }, use) => {
    const language = locale?.split("-")[0];
    await use(isLocale(language) ? language : "en");
  },
  t: async ({ language }, use) => {
    await use(catalogueTranslator(language, "UTC"));
  },
  // Every page of every spec listens for CSP violations; any one fails the test.
  // A test that provokes one on purpose empties the list after checking it.
  cspViolations: async ({}, use) => {
    const violations: CspViolation[] = [];
    await use(violations);
    expect(violations, "Content-Security-Policy violations").toEqual([]);
  },
  context: async ({ context, cspViolations }, use) => {
    await context.exposeFunction("__reportCspViolation", (violation: CspViolation) => {
      cspViolations.push(violation);
    });
    // Init scripts run before the page's own, and are not subject to its CSP.
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        const report = (window as unknown as { __reportCspViolation: (v: unknown) => void })
          .__reportCspViolation;
        report({
          page: location.pathname,
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
          sample: event.sample,
        });
      });
    });
    await use(context);
  },
});

/**
 * Waits until React has hydrated `element` (it carries React's fiber). Before that, a
 * button with only a client handler does nothing, and a form is submitted by the browser
 * itself as a full page load, which races the hydration and the test's next look at the
 * page. The rare failures of e2e/agent/collab.spec.ts on PostgreSQL (the link or merge
 * form's work not on the page) looked like that; not confirmed.
 */
export async function expectHydrated(element: Locator) {
  await expect
    .poll(() => element.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactFiber"))))
    .toBe(true);
}

export { expect, ADMIN };
