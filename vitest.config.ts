import { defineConfig } from "vitest/config";

/**
 * Test projects (see README), in two tiers: `npm test` runs unit, integration and e2e, then the evaluation
 * thresholds; `npm run test:reliability` runs the reliability project (.ci/run runs both);
 * `npx vitest run --project unit` (or `npm run test:unit`) runs one. Unit tests sit beside the code they test (foo.ts + foo.test.ts under src); tests that cross
 * modules (integration, the page in Chromium, reliability) live under test/.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    env: { LANCEDB_LOG: "error" },
    projects: [
      // Unit tests load no index and share no state: one worker module cache for all of them (isolate: false)
      // saves re-importing the lexicons and stemmers per file.
      { extends: true, test: { name: "unit", include: ["src/**/*.test.ts"], isolate: false } },
      { extends: true, test: { name: "integration", include: ["test/integration/**/*.test.ts"], globalSetup: ["test/helpers/global-fixture.ts"] } },
      { extends: true, test: { name: "e2e", include: ["test/e2e/**/*.test.ts"], globalSetup: ["test/helpers/global-fixture.ts"] } },
      { extends: true, test: { name: "reliability", include: ["test/reliability/**/*.test.ts"], globalSetup: ["test/helpers/global-fixture.ts"] } },
    ],
  },
});
