import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The all-queues scopes bypass queue permissions: each may be imported only where
// its reason holds (lib/access/*.ts explains which). Tests may use them to arrange data.
const scopeRule = (allowed) => ({
  patterns: [
    {
      group: ["**/access/system-scope", "@/lib/access/system-scope"],
      message:
        "systemScope reads and writes every queue: only lib/jobs, lib/mail/inbound and scripts may use it. Use the caller's scope (requireAgentScope, ApiCaller.scope).",
    },
    {
      group: ["**/access/intake-scope", "@/lib/access/intake-scope"],
      message:
        "customerIntakeScope is for the customer portal (lib/portal) after its own proof of the customer's right.",
    },
    {
      group: ["**/access/make-scope", "@/lib/access/make-scope"],
      message: "Scopes are built in lib/access only: use scopeForAgent or a named scope.",
    },
  ].filter((p) => !allowed.some((name) => p.group[0].includes(name))),
});
const TESTS = ["**/*.test.ts", "tests/kit/**"];

const config = [
  ...next,
  ...nextTs,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-*/**",
      "lib/generated/**",
      "data/**",
      "test-results/**",
      "e2e/artifacts/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    // Playwright fixtures call their callback `use`, which is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  { rules: { "no-restricted-imports": ["error", scopeRule([])] } },
  {
    files: ["lib/jobs/**", "lib/mail/inbound/**", "scripts/**"],
    rules: { "no-restricted-imports": ["error", scopeRule(["system-scope"])] },
  },
  {
    files: ["lib/portal/**"],
    rules: { "no-restricted-imports": ["error", scopeRule(["intake-scope"])] },
  },
  {
    files: ["lib/access/**"],
    rules: { "no-restricted-imports": ["error", scopeRule(["make-scope"])] },
  },
  {
    files: TESTS,
    rules: { "no-restricted-imports": ["error", scopeRule(["system-scope", "intake-scope"])] },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
];
export default config;
