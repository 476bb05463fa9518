/**
 * The index on an object store (`s3://bucket/prefix`), with no shared file system between the ingest and
 * the servers:
 * - a build is written to a local staging folder (LanceDB, checksums as for a folder), then uploaded under
 *   `index/builds/<id>/`, its manifest last; a build without a manifest is incomplete and never served;
 * - `index/CURRENT` is one small object replaced in one PUT (atomic on S3: readers see the old id or the new);
 * - one ingest at a time through a lease object (lease.ts);
 * - old builds are pruned only when older than `keepBuildsMs` (10 minutes by default) and not among the
 *   two newest besides the served one: servers poll CURRENT every INDEX_POLL_MS (2 s), so by then every
 *   reader has moved and its last request on the old build has long finished.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { BuildCheck } from "./checksums.ts";
import type { IndexLocation } from "./index-location.ts";
import { MANIFEST_FILE, type IndexManifest } from "./layout.ts";
import { acquireLease } from "./lease.ts";
import { lanceStorageOptions, ObjectStore, type ObjectUri, type StorageSettings } from "./object-store.ts";

const CURRENT = "index/CURRENT";
const LEASE = "index/ingest.lease";
const BUILDS = "index/builds/";
const VALID_ID = /^[\w.-]+$/;

/** A build id's time ("20261130T170000-abc123" → its epoch ms), or NaN. */
export function buildTime(buildId: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})/.exec(buildId);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : Number.NaN;
}

export class ObjectLocation implements IndexLocation {
  readonly remote = true;
  readonly storageOptions: Record<string, string>;
  readonly store: ObjectStore;

  constructor(
    readonly uri: ObjectUri,
    storage: StorageSettings,
    private readonly policy: { keepBuildsMs: number; leaseMs: number },
  ) {
    this.store = new ObjectStore(uri, storage);
    this.storageOptions = lanceStorageOptions(storage);
  }

  get label() {
    return `${this.uri.uri}/index`;
  }
  get currentLabel() {
    return `${this.uri.uri}/${CURRENT}`;
  }
  lanceUri(buildId: string) {
    return `${this.uri.uri}/${BUILDS}${buildId}`;
  }

  async readCurrent() {
    const id = (await this.store.getText(CURRENT))?.trim() ?? "";
    return VALID_ID.test(id) ? id : undefined;
  }

  readBuildFile(buildId: string, file: string) {
    return this.store.getText(`${BUILDS}${buildId}/${file}`);
  }

  async readManifest(buildId: string) {
    const text = await this.readBuildFile(buildId, MANIFEST_FILE);
    if (text === undefined) throw new Error(`${this.lanceUri(buildId)}/${MANIFEST_FILE} does not exist`);
    return JSON.parse(text) as IndexManifest;
  }

  async buildExists(buildId: string) {
    return (await this.store.list(`${BUILDS}${buildId}/`, true)).length > 0;
  }

  /**
   * Every file the manifest lists is there and nothing else (reading every object back to hash it would
   * cost a full download per check; `npm run verify` on a copy does that). A build without a manifest fails.
   */
  async verify(buildId: string): Promise<BuildCheck> {
    let recorded: Record<string, string> | undefined;
    try {
      recorded = (await this.readManifest(buildId)).files;
    } catch {
      return { buildId, ok: false, files: 0, problem: "its manifest cannot be read" };
    }
    if (!recorded) return { buildId, ok: true, files: 0 };
    const prefix = `${BUILDS}${buildId}/`;
    const present = new Set((await this.store.list(prefix)).map((k) => k.slice(prefix.length)));
    const missing = Object.keys(recorded).filter((f) => !present.has(f));
    if (missing.length === 0) return { buildId, ok: true, files: Object.keys(recorded).length };
    return { buildId, ok: false, files: Object.keys(recorded).length, problem: `${missing.length} ${missing.length === 1 ? "file" : "files"} missing: ${missing.slice(0, 3).join(", ")}` };
  }

  /** Build prefixes, newest first (finished or not). */
  async listBuilds() {
    const prefixes = await this.store.list(BUILDS, true);
    return prefixes.map((p) => p.slice(BUILDS.length).replace(/\/$/, "")).filter((id) => VALID_ID.test(id)).sort().reverse();
  }

  lock() {
    return acquireLease(this.store, LEASE, { ttlMs: this.policy.leaseMs });
  }

  async startBuild(buildId: string) {
    return mkdtemp(path.join(os.tmpdir(), `index-build-${buildId}-`));
  }

  async publish(buildId: string, localDir: string, manifest: IndexManifest) {
    try {
      const entries = await readdir(localDir, { recursive: true, withFileTypes: true });
      const files = entries.filter((e) => e.isFile()).map((e) => path.relative(localDir, path.join(e.parentPath, e.name)).split(path.sep).join("/")).filter((f) => f !== MANIFEST_FILE);
      for (let i = 0; i < files.length; i += 8) {
        await Promise.all(files.slice(i, i + 8).map(async (f) => this.store.put(`${BUILDS}${buildId}/${f}`, await readFile(path.join(localDir, f)))));
      }
      // The manifest last: until it exists the build is incomplete. Then a check that every file arrived,
      // then the pointer: until that PUT, no server so much as looks at this build.
      await this.store.put(`${BUILDS}${buildId}/${MANIFEST_FILE}`, JSON.stringify(manifest, null, 2), { contentType: "application/json" });
      const check = await this.verify(buildId);
      if (!check.ok) throw new Error(`the uploaded build ${buildId} is incomplete (${check.problem}); the served build is unchanged`);
      await this.store.put(CURRENT, `${buildId}\n`, { contentType: "text/plain" });
    } finally {
      await rm(localDir, { recursive: true, force: true });
    }
  }

  async prune(current: string | undefined) {
    const now = Date.now();
    const others = (await this.listBuilds()).filter((id) => id !== current);
    const removed: string[] = [];
    let finishedKept = 0;
    for (const id of others) {
      const finished = (await this.readBuildFile(id, MANIFEST_FILE)) !== undefined;
      const recent = !(now - buildTime(id) > this.policy.keepBuildsMs);
      if (finished && finishedKept < 2) {
        finishedKept++;
        continue;
      }
      if (recent) continue;
      await this.store.deleteAll(`${BUILDS}${id}/`);
      removed.push(id);
    }
    return removed;
  }
}
