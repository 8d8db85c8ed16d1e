import fs from "node:fs";
import { test as base, expect } from "@playwright/test";
import { getTranslator } from "../../lib/i18n/translator";
import { isLocale, type Locale } from "../../lib/i18n/locales";
import { ADMIN } from "../../tests/kit/app-server";
import { STATE_FILE } from "./global-setup";

interface E2eState {
  url: string;
  stubUrl: string;
  databaseUrl: string;
}

/** One `securitypolicyviolation` event as the page saw it. */
export interface CspViolation {
  page: string;
  directive: string;
  blocked: string;
  sample: string;
}

/**
 * Every spec runs once per language (projects "en" and "de" in playwright.config.ts: the
 * browser's language, as Accept-Language). `t` reads the same catalogue as the app, so a
 * spec finds "Sign in" / "Anmelden" by its key.
 */
export const test = base.extend<{
  state: E2eState;
  cspViolations: CspViolation[];
  language: Locale;
  t: ReturnType<typeof getTranslator>;
}>({
  state: async ({}, use) => {
    await use(JSON.parse(fs.readFileSync(STATE_FILE, "utf8")));
  },
  baseURL: async ({}, use) => {
    await use(JSON.parse(fs.readFileSync(STATE_FILE, "utf8")).url);
  },
  language: async ({ locale }, use) => {
    const language = locale?.split("-")[0];
    await use(isLocale(language) ? language : "en");
  },
  t: async ({ language }, use) => {
    await use(getTranslator(language));
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

export { expect, ADMIN };
