/**
 * vitest globalSetup: one real index of the repository's corpus (real LanceDB in a temp folder), built
 * once per run and shared read-only by the integration and browser tests (openSharedIndex()). Tests that
 * write an index build their own (buildIndexFixture()).
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

let dir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  dir = await mkdtemp(path.join(os.tmpdir(), "shared-index-"));
  await runIngest(loadConfig({ DATA_DIR: dir }));
  project.provide("sharedDataDir", dir);
}

export async function teardown(): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true });
}
