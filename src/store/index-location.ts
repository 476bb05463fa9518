/**
 * Where the index lives: a local folder (the default, `./data`) or an object store (`DATA_DIR=s3://bucket/prefix`).
 * Both keep the same layout (layout.ts): `index/CURRENT` names the served build, `index/builds/<id>/` holds
 * one complete build (LanceDB tables, manifest.json written last, term-stats.json, corpus-lexicon.tsv).
 * LanceDB reads either through its URI; this interface covers everything else: the pointer, the small
 * files, the ingest lock, checking, publishing and pruning builds.
 *
 * @example
 *   const location = locateIndex(config.dataDir, config.storage);
 *   const build = await location.readCurrent();              // "20261130T170000-abc123" or undefined
 *   const db = await lancedb.connect(location.lanceUri(build!), { storageOptions: location.storageOptions });
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { listBuilds, verifyBuild, type BuildCheck } from "./checksums.ts";
import { buildDir, currentFile, finishBuild, indexRoot, publishBuild, pruneBuilds, readCurrentBuild, readManifest, startBuild, type IndexManifest } from "./layout.ts";
import { lockIndex, type LockOptions } from "./lock.ts";
import { ObjectLocation } from "./object-location.ts";
import { parseObjectUri, storageFromEnv, type StorageSettings } from "./object-store.ts";

export interface IndexLocation {
  /** The folder or URI, for messages. */
  readonly label: string;
  /** Where the served-build pointer lives, for messages. */
  readonly currentLabel: string;
  readonly remote: boolean;
  /** LanceDB's storageOptions (undefined for a folder). */
  readonly storageOptions: Record<string, string> | undefined;
  /** The URI (or folder) LanceDB opens for a build. */
  lanceUri(buildId: string): string;
  /** The id of the served build, or undefined when there is none. */
  readCurrent(): Promise<string | undefined>;
  /** A small file of a build (term-stats.json...), or undefined when it is absent. */
  readBuildFile(buildId: string, file: string): Promise<string | undefined>;
  readManifest(buildId: string): Promise<IndexManifest>;
  buildExists(buildId: string): Promise<boolean>;
  /** Compare a build with what its manifest records (checksums for a folder, the file list for an object store). */
  verify(buildId: string): Promise<BuildCheck>;
  /** Builds, newest first. */
  listBuilds(): Promise<string[]>;
  /** One ingest at a time; resolves to the release. Throws IndexLockedError when another holds it. */
  lock(options?: LockOptions): Promise<() => Promise<void>>;
  /** A local folder to write a new build into. */
  startBuild(buildId: string): Promise<string>;
  /** Make a build written by startBuild (its manifest last) the served one: nothing is served before it is complete. */
  publish(buildId: string, localDir: string, manifest: IndexManifest): Promise<void>;
  /** Remove builds no reader can still be using; returns their ids. */
  prune(current: string | undefined): Promise<string[]>;
}

/** The index in a local folder: today's layout.ts, checksums.ts and lock.ts, unchanged. */
export class FolderLocation implements IndexLocation {
  readonly remote = false;
  readonly storageOptions = undefined;
  constructor(readonly dataDir: string) {}
  get label() {
    return indexRoot(this.dataDir);
  }
  get currentLabel() {
    return currentFile(this.dataDir);
  }
  lanceUri(buildId: string) {
    return buildDir(this.dataDir, buildId);
  }
  readCurrent() {
    return readCurrentBuild(this.dataDir);
  }
  async readBuildFile(buildId: string, file: string) {
    return readFile(path.join(buildDir(this.dataDir, buildId), file), "utf8").catch(() => undefined);
  }
  readManifest(buildId: string) {
    return readManifest(buildDir(this.dataDir, buildId));
  }
  async buildExists(buildId: string) {
    return (await stat(buildDir(this.dataDir, buildId)).catch(() => undefined)) !== undefined;
  }
  verify(buildId: string) {
    return verifyBuild(this.dataDir, buildId);
  }
  listBuilds() {
    return listBuilds(this.dataDir);
  }
  lock(options?: LockOptions) {
    return lockIndex(this.dataDir, options);
  }
  startBuild(buildId: string) {
    return startBuild(this.dataDir, buildId);
  }
  async publish(buildId: string) {
    await finishBuild(this.dataDir, buildId);
    await publishBuild(this.dataDir, buildId);
  }
  prune(current: string | undefined) {
    return pruneBuilds(this.dataDir, current);
  }
}

export interface LocationSettings {
  storage?: StorageSettings;
  /** Object store: builds newer than this stay when pruning (readers move to a new build within the poll interval). */
  keepBuildsMs?: number;
  /** Object store: the ingest lease's lifetime without renewal. */
  leaseMs?: number;
}

/** The location `dataDir` names: an `s3://` URI or a folder. Storage settings default to the AWS_* environment variables. */
export function locateIndex(dataDir: string, settings: LocationSettings = {}): IndexLocation {
  const uri = parseObjectUri(dataDir);
  if (!uri) return new FolderLocation(dataDir);
  return new ObjectLocation(uri, settings.storage ?? storageFromEnv(process.env), { keepBuildsMs: settings.keepBuildsMs ?? 10 * 60_000, leaseMs: settings.leaseMs ?? 60_000 });
}

/** The location a Config names (its DATA_DIR and storage settings). */
export function locateConfiguredIndex(config: { dataDir: string; storage: StorageSettings & { keepBuildsMs: number; leaseMs: number } }): IndexLocation {
  return locateIndex(config.dataDir, { storage: config.storage, keepBuildsMs: config.storage.keepBuildsMs, leaseMs: config.storage.leaseMs });
}

/** A location as given, or the one a data folder or URI names. */
export const asLocation = (where: string | IndexLocation): IndexLocation => (typeof where === "string" ? locateIndex(where) : where);
