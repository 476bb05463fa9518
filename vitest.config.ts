import { defineConfig } from "vitest/config";

/**
 * Two projects, the two test tiers (see README): `main` is what `npm test` runs (unit tests beside the code
 * under src/, integration tests in test/integration/, the page in Chromium in test/e2e/), then the evaluation
 * thresholds; `reliability` is `npm run test:reliability` (.ci/run runs both). One folder of `main`:
 * `npx vitest run --project main test/e2e` (or `npm run test:unit` for src/).
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    env: { LANCEDB_LOG: "error" },
    projects: [
      // One project, not three: vitest gives each project workers of its own, and `isolate: false` gives each
      // worker one module cache for all its files, so the lexicons, the stemmer's dictionary, the citation
      // styles and LanceDB load once per worker for the whole tier (as three projects: 87 CPU-seconds and 57 s;
      // as one: 67 and 45). Unit tests share no state; the integration and browser tests each open their own
      // index and app. The reliability tests break things on purpose and keep a fresh module cache per file.
      {
        extends: true,
        test: {
          name: "main",
          include: ["src/**/*.test.ts", "test/integration/**/*.test.ts", "test/e2e/**/*.test.ts"],
          isolate: false,
          globalSetup: ["test/helpers/global-fixture.ts"],
        },
      },
      { extends: true, test: { name: "reliability", include: ["test/reliability/**/*.test.ts"], globalSetup: ["test/helpers/global-fixture.ts"] } },
    ],
  },
});
