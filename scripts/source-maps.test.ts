import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const probe = "console.log(String(process.sourceMapsEnabled))";
const afterModule = `require("./scripts/source-maps"); ${probe}`;

/**
 * `process.sourceMapsEnabled` as `code` leaves it, in a process started as the desk's scripts
 * are (node --import tsx), with `nodeArgs` on its command line and `nodeOptions` as NODE_OPTIONS.
 * Run apart, so the module's switch never touches the test process itself.
 */
function sourceMapsEnabledIn(code: string, { nodeArgs = [] as string[], nodeOptions = "" } = {}) {
  const env = { ...process.env, NODE_OPTIONS: nodeOptions };
  const out = execFileSync(process.execPath, [...nodeArgs, "--import", "tsx", "-e", code], {
    cwd: root,
    env,
    encoding: "utf8",
  });
  return out.trim();
}

describe("Node's source maps in the desk's processes", () => {
  it("are on under tsx, and off once scripts/source-maps has run", () => {
    expect(sourceMapsEnabledIn(probe)).toBe("true");
    expect(sourceMapsEnabledIn(afterModule)).toBe("false");
    expect(sourceMapsEnabledIn(afterModule, { nodeOptions: "--max-old-space-size=512" })).toBe(
      "false",
    );
  }, 30_000);

  it("stay on when asked for by --enable-source-maps, on the command line or in NODE_OPTIONS", () => {
    expect(sourceMapsEnabledIn(afterModule, { nodeArgs: ["--enable-source-maps"] })).toBe("true");
    expect(
      sourceMapsEnabledIn(afterModule, {
        nodeOptions: "--max-old-space-size=512  --enable-source-maps",
      }),
    ).toBe("true");
  }, 30_000);

  it("are turned off by the server and the worker before anything else loads", () => {
    for (const script of ["server.ts", "worker.ts"]) {
      const source = fs.readFileSync(path.join(root, "scripts", script), "utf8");
      const firstImport = source.split("\n").find((line) => line.startsWith("import "));
      expect(firstImport, script).toBe('import "./source-maps";');
    }
  });
});
