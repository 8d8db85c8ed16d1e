// Loads .env (if present) for our own scripts, as Next does for its processes.
import fs from "node:fs";

for (const file of [".env.local", ".env"]) {
  if (fs.existsSync(file)) process.loadEnvFile(file);
}
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
