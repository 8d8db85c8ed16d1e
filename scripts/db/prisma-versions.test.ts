// Issue 8: the Prisma packages move together, and the WASM schema engine we migrate with
// is the build of the same engines commit as the Prisma CLI and client.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const pinned = { ...manifest.dependencies, ...manifest.devDependencies };
/** Version of `name` as Node resolves it from the file `from` (works despite "exports"). */
function installed(from: string, name: string): string {
  const dirs = createRequire(from).resolve.paths(name) ?? [];
  const file = dirs.map((dir) => path.join(dir, name, "package.json")).find(fs.existsSync);
  if (!file) throw new Error(`${name} is not installed (from ${from})`);
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
}

it("pins every Prisma package on one version", () => {
  const prisma = Object.entries(pinned).filter(
    ([name]) =>
      (name === "prisma" || name.startsWith("@prisma/")) && name !== "@prisma/schema-engine-wasm",
  );
  expect(prisma.length).toBeGreaterThanOrEqual(5);
  expect(new Set(prisma.map(([, version]) => version))).toEqual(new Set([pinned.prisma]));
});

it("migrates with the schema engine built from the CLI's and client's engines commit", () => {
  const root = path.join(ROOT, "package.json");
  const engines = createRequire(createRequire(root).resolve("prisma/package.json")).resolve(
    "@prisma/engines",
  );
  const cliEngines = installed(engines, "@prisma/engines-version");
  const clientEngines = installed(
    createRequire(root).resolve("@prisma/client/package.json"),
    "@prisma/engines-version",
  );
  const schemaEngine = installed(root, "@prisma/schema-engine-wasm");
  expect(pinned["@prisma/schema-engine-wasm"]).toBe(schemaEngine);
  expect(schemaEngine).toBe(cliEngines);
  expect(clientEngines).toBe(cliEngines);
});
