import { defineConfig } from "@playwright/test";

// Browser tests drive Debian's Chromium (no browser download). The app and a
// Resend stub are started per run by e2e/support/global-setup.ts on free ports.
export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e/artifacts/results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [
    ["list"],
    ["html", { outputFolder: "e2e/artifacts/report", open: "never" }],
    ["json", { outputFile: "e2e/artifacts/results.json" }],
  ],
  globalSetup: "./e2e/support/global-setup.ts",
  // Every spec in both languages: the browser's language picks the desk's (Accept-Language).
  projects: [
    { name: "en", use: { locale: "en-US" } },
    { name: "de", use: { locale: "de-DE" } },
  ],
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
});
