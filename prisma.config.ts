// Prisma CLI configuration. Only `prisma generate` is used from the CLI:
// migrations run through scripts/db/migrate.ts (offline WASM schema engine).
// PRISMA_PROVIDER picks the schema folder: sqlite (default) or postgresql.
import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI downloads a native schema engine at start-up unless this points at
// an existing file; `generate` never runs it, so any file will do.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("package.json");
process.env.CHECKPOINT_DISABLE ??= "1";

const provider = process.env.PRISMA_PROVIDER === "postgresql" ? "postgresql" : "sqlite";

export default defineConfig({
  schema: `prisma/${provider}`,
  migrations: { path: `prisma/${provider}/migrations` },
});
