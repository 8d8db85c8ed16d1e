// The README's prerequisites for `npm test` stay true to the repository:
// the Node version is the one package.json requires, and every path, variable
// and default it names exists where the code reads it.
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
const readme = read("README.md");
const prerequisites = readme.slice(readme.indexOf("### What the tests need"));

it("names the Node versions package.json requires", () => {
  // engines: "^20.19.0 || ^22.12.0 || >=24.0.0" → "20.19+, 22.12+ or 24+", in both places.
  const engines = JSON.parse(read("package.json")).engines.node as string;
  const versions = engines.split("||").map(
    (range) =>
      range
        .trim()
        .replace(/^[\^>=~\s]+/, "")
        .replace(/(\.0)+$/, "") + "+",
  );
  const named = `${versions.slice(0, -1).join(", ")} or ${versions.at(-1)}`;
  expect(prerequisites).toContain(`Node.js ${named}`);
  expect(readme).toContain(`Node.js ${named}`);
});

it("names the Chromium binary and override the Playwright config uses", () => {
  const config = read("playwright.config.ts");
  expect(config).toContain('process.env.CHROMIUM_PATH || "/usr/bin/chromium"');
  expect(prerequisites).toContain("apt-get install -y chromium");
  expect(prerequisites).toContain("`/usr/bin/chromium`");
  expect(prerequisites).toContain("`CHROMIUM_PATH`");
});

it("names the mail corpus test, its variable and default, and how to leave it out", () => {
  const file = /`(app\/api\/inbound\/mime\/[\w.]+\.test\.ts)`/.exec(prerequisites)?.[1];
  expect(file).toBeDefined();
  const test = read(file!);
  expect(test).toContain('process.env.MAIL_CORPUS_DIR ?? "../shared/mail-corpus"');
  expect(prerequisites).toContain("`MAIL_CORPUS_DIR` (default `../shared/mail-corpus`");
  expect(prerequisites).toContain(`npm test -- --exclude ${file}`);
  // `npm test` hands its extra arguments to the vitest step only.
  expect(read("scripts/test.ts")).toContain('step.name.startsWith("unit") ? process.argv.slice(2)');
});

it("tells where better-sqlite3 finds the Node headers for its source build", () => {
  expect(JSON.parse(read("package.json")).dependencies["better-sqlite3"]).toBeDefined();
  expect(prerequisites).toContain("npm_config_nodedir=/usr npm install");
  expect(read(".ci/run")).toContain('npm_config_nodedir="${npm_config_nodedir:-/usr}"');
});
