import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      // Tests run lib modules on the server, as Next does: resolve the marker as
      // Next's react-server build does (an empty module), not to its throwing browser variant.
      "server-only": `${import.meta.dirname}/node_modules/server-only/empty.js`,
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts", "tests/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/kit/global-setup.ts"],
    setupFiles: ["tests/kit/setup-database.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    // Two files at once (each has its own database, ports and temporary files): the whole
    // run on 2 cores 338 → 241 s on SQLite, 437 → 295 s on PostgreSQL.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
