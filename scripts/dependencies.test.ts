// Issue 8: `dependencies` holds what the desk needs to run (`npm start`: build, migrate,
// serve, work jobs); test-only packages are devDependencies; nothing unused is listed.
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

// Used without an import in our code, and why.
const NOT_IMPORTED: Record<string, string> = {
  tsx: "runs scripts/start.ts, build.ts, worker.ts (npm start, npm run worker)",
  prisma: "postinstall generates the clients (prisma generate)",
  "react-dom": "peer of next, rendered by it",
  "@prisma/client": "runtime of the generated clients in lib/generated",
  "react-is": "peer of recharts, pinned to React 19's version",
};

// Development tools used without an import in our code, and why.
const TOOLS: Record<string, string> = {
  eslint: "npm run lint",
  prettier: "npm run format",
  typescript: "npm run typecheck; next build",
  tailwindcss: "styles (app/globals.css)",
  "@tailwindcss/postcss": "plugin named in postcss.config.mjs",
  vite: "pinned for vitest 4 (vite 8 on Node 20)",
  vitest: "npm run test:unit",
  "@playwright/test": "npm run test:e2e",
  "typescript-eslint": "pins what eslint-config-next/typescript loads (^8.56 would float)",
};

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!["node_modules", "generated", ".next"].includes(entry.name)) sourceFiles(file, out);
    } else if (/\.(ts|tsx|mts|mjs)$/.test(entry.name)) out.push(file);
  }
  return out;
}

const isTest = (file: string) => /\.(test|spec)\.tsx?$/.test(file);
const imported = (files: string[]) => {
  const names = new Set<string>();
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    for (const [, spec] of text.matchAll(
      /(?:from|import\(|import|require\()\s*["'](@?[^"'.][^"']*)["']/g,
    )) {
      const parts = spec.split("/");
      names.add(spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]);
    }
  }
  return names;
};

const runtimeFiles = ["app", "lib", "components", "scripts"]
  .flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
  .concat(
    ["auth.ts", "instrumentation.ts", "next.config.ts", "prisma.config.ts"].map((f) =>
      path.join(ROOT, f),
    ),
  )
  .filter((file) => !isTest(file));
// bench/ is a development tool (npm run bench), like the tests: its imports are devDependencies.
const testFiles = ["app", "lib", "scripts", "tests", "e2e", "bench"]
  .flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
  .filter((file) => isTest(file) || /[/\\](tests|e2e|bench)[/\\]/.test(file));

it("lists only dependencies the desk uses at run time", () => {
  const used = imported(runtimeFiles);
  const unused = Object.keys(manifest.dependencies).filter(
    (name) => !used.has(name) && !(name in NOT_IMPORTED),
  );
  expect(unused, "move to devDependencies or remove").toEqual([]);
  for (const [name, why] of Object.entries(NOT_IMPORTED))
    expect(manifest.dependencies[name], `${name}: ${why}`).toBeDefined();
  expect(manifest.scripts.start).toMatch(/^tsx /);
});

it("lists no devDependency that is neither imported nor a tool", () => {
  const used = new Set([...imported(testFiles), ...imported(runtimeFiles)]);
  for (const file of [
    "eslint.config.mjs",
    "postcss.config.mjs",
    "playwright.config.ts",
    "vitest.config.mts",
  ])
    for (const name of imported([path.join(ROOT, file)])) used.add(name);
  const unused = Object.keys(manifest.devDependencies).filter(
    (name) => !used.has(name) && !(name in TOOLS) && !name.startsWith("@types/"),
  );
  expect(unused, "remove").toEqual([]);
});
