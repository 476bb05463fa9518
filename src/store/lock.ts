/**
 * One ingest at a time per data folder (proper-lockfile: a lock directory refreshed while held, so a lock
 * left by a killed process goes stale after `staleMs` and the next ingest can take it).
 */
import { mkdir } from "node:fs/promises";
import lockfile from "proper-lockfile";
import { indexRoot } from "./layout.ts";
import path from "node:path";
import { ProductError } from "../domain/errors.ts";

export class IndexLockedError extends ProductError {
  constructor(message: string) {
    super("index_locked", message);
  }
}

export interface LockOptions {
  /** How long to wait for another ingest to finish before giving up. */
  waitMs?: number;
  staleMs?: number;
}

export async function lockIndex(dataDir: string, { waitMs = 15_000, staleMs = 10_000 }: LockOptions = {}): Promise<() => Promise<void>> {
  const root = indexRoot(dataDir);
  await mkdir(root, { recursive: true });
  const retries = Math.max(0, Math.ceil(waitMs / 500));
  try {
    return await lockfile.lock(root, {
      lockfilePath: path.join(root, "ingest.lock"),
      stale: staleMs,
      update: Math.max(1000, Math.floor(staleMs / 4)),
      retries: { retries, factor: 1, minTimeout: 500, maxTimeout: 500 },
      realpath: false,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") {
      throw new IndexLockedError(`another ingest is writing ${root} (waited ${Math.round(waitMs / 1000)} s); try again when it has finished`);
    }
    throw error;
  }
}
