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
      // isolate: false gives each worker one module cache for all its files, so the lexicons, the stemmer's
      // dictionary, the citation styles and LanceDB load once per worker, not once per file. Unit tests share no
      // state; the integration and browser tests each open their own index and app (npm test: 225 -> 185
      // CPU-seconds). The reliability tests break things on purpose and keep a fresh module cache per file.
      { extends: true, test: { name: "unit", include: ["src/**/*.test.ts"], isolate: false } },
      { extends: true, test: { name: "integration", isolate: false, include: ["test/integration/**/*.test.ts"], globalSetup: ["test/helpers/global-fixture.ts"] } },
      { extends: true, test: { name: "e2e", isolate: false, include: ["test/e2e/**/*.test.ts"], globalSetup: ["test/helpers/global-fixture.ts"] } },
      { extends: true, test: { name: "reliability", include: ["test/reliability/**/*.test.ts"], globalSetup: ["test/helpers/global-fixture.ts"] } },
    ],
  },
});
