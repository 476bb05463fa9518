/**
 * vitest globalSetup: one real index of the repository's corpus (real LanceDB in a temp folder), built
 * once per run and shared read-only by the integration, browser and reliability tests (openSharedIndex()). Tests that
 * write an index build their own (buildIndexFixture()). `npm test` builds it before vitest starts (beside the
 * type check) and names it in TEST_SHARED_INDEX; it is then used as it is and left for npm test to remove.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { loadConfig } from "../../src/config.ts";
import { runIngest } from "../../src/ingest/ingest.ts";

declare module "vitest" {
  export interface ProvidedContext {
    sharedDataDir: string;
  }
}

// The integration, browser and reliability projects name this file, and vitest loads it once per project (in the
// same process). The build is kept on globalThis so it is made once and removed after the last project.
const shared = globalThis as typeof globalThis & { sharedIndex?: { built: Promise<string>; users: number } };

export async function setup(project: TestProject): Promise<void> {
  const given = process.env.TEST_SHARED_INDEX;
  if (given) {
    project.provide("sharedDataDir", given);
    return;
  }
  shared.sharedIndex ??= {
    users: 0,
    built: (async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), "shared-index-"));
      await runIngest(loadConfig({ DATA_DIR: dir }));
      return dir;
    })(),
  };
  shared.sharedIndex.users++;
  project.provide("sharedDataDir", await shared.sharedIndex.built);
}

export async function teardown(): Promise<void> {
  const index = shared.sharedIndex;
  if (!index || --index.users > 0) return;
  shared.sharedIndex = undefined;
  await rm(await index.built, { recursive: true, force: true });
}
