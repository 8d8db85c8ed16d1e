import fs from "node:fs";
import { test as base, expect } from "@playwright/test";
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

export const test = base.extend<{ state: E2eState; cspViolations: CspViolation[] }>({
  state: async ({}, use) => {
    await use(JSON.parse(fs.readFileSync(STATE_FILE, "utf8")));
  },
  baseURL: async ({}, use) => {
    await use(JSON.parse(fs.readFileSync(STATE_FILE, "utf8")).url);
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
