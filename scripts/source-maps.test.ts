import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceMapsAsked } from "./source-maps";

const root = path.resolve(import.meta.dirname, "..");

/** `process.sourceMapsEnabled` in a process started as the desk's scripts are (node --import tsx). */
function sourceMapsEnabledIn(code: string, nodeOptions?: string) {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  if (nodeOptions) env.NODE_OPTIONS = nodeOptions;
  const out = execFileSync(process.execPath, ["--import", "tsx", "-e", code], {
    cwd: root,
    env,
    encoding: "utf8",
  });
  return out.trim();
}

describe("Node's source maps in the desk's processes", () => {
  it("are asked for only by --enable-source-maps, on the command line or in NODE_OPTIONS", () => {
    expect(sourceMapsAsked([])).toBe(false);
    expect(sourceMapsAsked(["--conditions=react-server"], "--max-old-space-size=512")).toBe(false);
    expect(sourceMapsAsked(["--enable-source-maps"])).toBe(true);
    expect(sourceMapsAsked([], "--require x.cjs  --enable-source-maps")).toBe(true);
    expect(sourceMapsAsked([], "--enable-source-maps-please")).toBe(false);
  });

  it("are on under tsx, and off once scripts/source-maps has run unless asked for", () => {
    const probe = "console.log(String(process.sourceMapsEnabled))";
    expect(sourceMapsEnabledIn(probe)).toBe("true");
    const after = `require("./scripts/source-maps"); ${probe}`;
    expect(sourceMapsEnabledIn(after)).toBe("false");
    expect(sourceMapsEnabledIn(after, "--enable-source-maps")).toBe("true");
  }, 30_000);

  it("are turned off by the server and the worker before anything else loads", () => {
    for (const script of ["server.ts", "worker.ts"]) {
      const source = fs.readFileSync(path.join(root, "scripts", script), "utf8");
      const firstImport = source.split("\n").find((line) => line.startsWith("import "));
      expect(firstImport, script).toBe('import "./source-maps";');
    }
  });
});
