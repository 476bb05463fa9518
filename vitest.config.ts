import { defineConfig } from "vitest/config";

/**
 * Test projects (see README): `npm test` runs them all (unit, integration, e2e, reliability), then the
 * evaluation thresholds; `npx vitest run --project unit` (or `npm run test:unit`, `npm run test:reliability`) runs one. Unit tests sit beside the code they test (foo.ts + foo.test.ts under src); tests that cross
 * modules (integration, the page in Chromium, reliability) live under test/.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    env: { LANCEDB_LOG: "error" },
    projects: [
      { extends: true, test: { name: "unit", include: ["src/**/*.test.ts"] } },
      { extends: true, test: { name: "integration", include: ["test/integration/**/*.test.ts"], globalSetup: ["test/helpers/global-fixture.ts"] } },
      { extends: true, test: { name: "e2e", include: ["test/e2e/**/*.test.ts"], globalSetup: ["test/helpers/global-fixture.ts"] } },
      { extends: true, test: { name: "reliability", include: ["test/reliability/**/*.test.ts"] } },
    ],
  },
});
