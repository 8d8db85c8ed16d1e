// `npm run test:soak`: the long crash, scale-out and backup tests (tests/soak/*.soak.ts),
// each over two minutes on a 2-core machine. They serve the built app: build first.
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      // As vitest.config.mts: lib modules run on the server, the marker is an empty module.
      "server-only": `${import.meta.dirname}/node_modules/server-only/empty.js`,
    },
  },
  test: {
    include: ["tests/soak/**/*.soak.ts"],
    environment: "node",
    globalSetup: ["tests/kit/global-setup.ts"],
    setupFiles: ["tests/kit/setup-database.ts"],
    testTimeout: 600_000,
    hookTimeout: 300_000,
    pool: "forks",
    fileParallelism: false,
  },
});
