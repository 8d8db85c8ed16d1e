// The ESLint rule that fences the all-queues scopes (eslint.config.mjs), run
// on real file paths: it must fire outside the allowed folders and stay quiet inside.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, source: string) {
  const [result] = await eslint.lintText(`${source}\nexport const x = systemScope;\n`, {
    filePath,
  });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const fromLib = (dir: string) => `import { systemScope } from "${dir}/access/system-scope";`;

describe("the all-queues scope import rule", () => {
  it.each([
    ["lib/tickets/some-file.ts", fromLib("..")],
    ["lib/api/some-file.ts", fromLib("..")],
    ["lib/notifications/some-file.ts", fromLib("..")],
    [
      "app/(agent)/agent/some/actions.ts",
      `import { systemScope } from "@/lib/access/system-scope";`,
    ],
    ["lib/portal/some-file.ts", fromLib("..")],
  ])(
    "fires in %s",
    async (file, source) => {
      expect(await restrictedImports(file, source)).toEqual([
        expect.stringContaining("only lib/jobs, lib/mail/inbound and scripts"),
      ]);
    },
    60_000,
  );

  it.each([
    ["lib/jobs/some-file.ts", fromLib("..")],
    ["lib/mail/inbound/some-file.ts", `import { systemScope } from "../../access/system-scope";`],
    ["scripts/some-script.ts", `import { systemScope } from "../lib/access/system-scope";`],
  ])(
    "allows %s",
    async (file, source) => {
      expect(await restrictedImports(file, source)).toEqual([]);
    },
    60_000,
  );

  it("keeps the customer intake scope to lib/portal and the scope builder to lib/access", async () => {
    const intake = `import { customerIntakeScope as systemScope } from "../access/intake-scope";`;
    expect(await restrictedImports("lib/tickets/some-file.ts", intake)).toHaveLength(1);
    expect(await restrictedImports("lib/portal/some-file.ts", intake)).toEqual([]);
    const make = `import { makeScope as systemScope } from "../access/make-scope";`;
    expect(await restrictedImports("lib/api/some-file.ts", make)).toHaveLength(1);
  }, 60_000);
});
