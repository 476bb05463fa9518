/**
 * vitest globalSetup: names the folder of the one real index of the repository's corpus (real LanceDB in a temp
 * folder) that the integration, browser and reliability tests share read-only (openSharedIndex()). The first
 * test that needs it builds it (sharedIndexDir() in index-fixture.ts), so a run of unit tests alone builds
 * nothing. `npm test` builds it before vitest starts (beside the type check) and names it in TEST_SHARED_INDEX;
 * it is then used as it is and left for npm test to remove. Tests that write an index build their own.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    sharedDataDir: string;
  }
}

// Every project names this file, and vitest loads it once per project (in the same process). The folder is
// kept on globalThis so it is made once and removed after the last project.
const shared = globalThis as typeof globalThis & { sharedIndex?: { dir: Promise<string>; users: number } };

export async function setup(project: TestProject): Promise<void> {
  const given = process.env.TEST_SHARED_INDEX;
  if (given) {
    project.provide("sharedDataDir", given);
    return;
  }
  shared.sharedIndex ??= { users: 0, dir: mkdtemp(path.join(os.tmpdir(), "shared-index-")) };
  shared.sharedIndex.users++;
  project.provide("sharedDataDir", await shared.sharedIndex.dir);
}

export async function teardown(): Promise<void> {
  const index = shared.sharedIndex;
  if (!index || --index.users > 0) return;
  shared.sharedIndex = undefined;
  await rm(await index.dir, { recursive: true, force: true });
}
