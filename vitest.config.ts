import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    exclude: ["node_modules/**", "data/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    env: { LANCEDB_LOG: "error" },
  },
});
