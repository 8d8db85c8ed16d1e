import fs from "node:fs";
import { test as base, expect } from "@playwright/test";
import { ADMIN } from "../../tests/kit/app-server";
import { STATE_FILE } from "./global-setup";

interface E2eState {
  url: string;
  stubUrl: string;
  databaseUrl: string;
}

export const test = base.extend<{ state: E2eState }>({
  state: async ({}, use) => {
    await use(JSON.parse(fs.readFileSync(STATE_FILE, "utf8")));
  },
  baseURL: async ({}, use) => {
    await use(JSON.parse(fs.readFileSync(STATE_FILE, "utf8")).url);
  },
});

export { expect, ADMIN };
