// A secret of the embedded default: random, generated at first start and kept
// under the data directory (mode 0600), the same for every process on the machine.
import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { config } from "../config";

/** The secret in `<DATA_DIR>/<name>`, created (32 random bytes, base64url) when missing. */
export function readDataSecret(name: string): string {
  const file = path.join(config.dataDir, name);
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(config.dataDir, { recursive: true });
    try {
      // "wx": when two processes race, one writes and both read the winner.
      fs.writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    return fs.readFileSync(file, "utf8").trim();
  }
}
