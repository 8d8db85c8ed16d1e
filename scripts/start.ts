// `npm start`: prepare the database, build once if there is no build, then
// serve on PORT (default 3000) through scripts/server.ts (Next behind a server
// that tells the app each request's socket address, for per-client limits).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import "./env";
import { prepare } from "./prepare";
import { bin, run } from "./run";

async function main() {
  await prepare();
  if (!fs.existsSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
    console.log("No build found: building once (next build)…");
    const code = await run(bin("next"), ["build"]);
    if (code !== 0) process.exit(code);
  }
  // The app handles SIGTERM itself so its job worker can finish (instrumentation.ts).
  const env = { ...process.env, NODE_ENV: "production" as const, NEXT_MANUAL_SIG_HANDLE: "true" };
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
    stdio: "inherit",
    env,
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
