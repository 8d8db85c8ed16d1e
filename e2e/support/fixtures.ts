import fs from "node:fs";
import { test as base, expect, type Page } from "@playwright/test";
import { ADMIN } from "../../tests/kit/app-server";
import { STATE_FILE } from "./global-setup";

interface E2eState {
  url: string;
  stubUrl: string;
  databaseUrl: string;
}

export const test = base.extend<{ state: E2eState; signIn: (page?: Page) => Promise<void> }>({
  state: async ({}, use) => {
    await use(JSON.parse(fs.readFileSync(STATE_FILE, "utf8")));
  },
  baseURL: async ({}, use) => {
    await use(JSON.parse(fs.readFileSync(STATE_FILE, "utf8")).url);
  },
  signIn: async ({ page }, use) => {
    await use(async (target = page) => {
      await target.goto("/login");
      await target.getByLabel(/e-mail/i).fill(ADMIN.email);
      await target.getByLabel(/password|passwort/i).fill(ADMIN.password);
      await target.getByRole("button", { name: /sign in|anmelden/i }).click();
      await expect(target).toHaveURL(/\/agent$/);
    });
  },
});

export { expect, ADMIN };
