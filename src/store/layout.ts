/**
 * Where an index lives and how a new one replaces the old one without a reader ever seeing half of it.
 *
 *   data/index/CURRENT            the id of the build being served (replaced atomically: write + rename)
 *   data/index/builds/<id>/       one complete build: LanceDB tables, manifest.json, term-stats.json
 *   data/index/builds/<id>.partial  a build being written; never read, removed by the next ingest
 *
 * An ingest that fails or is killed leaves CURRENT pointing at the previous build.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

export const MANIFEST_FILE = "manifest.json";
export const TERM_STATS_FILE = "term-stats.json";
export const CORPUS_LEXICON_FILE = "corpus-lexicon.tsv";

export interface IndexManifest {
  formatVersion: 2;
  buildId: string;
  createdAt: string;
  /**
   * `analysis`: for the local embedder, whose vectors are made from the analysed text, a hash of the text
   * analysis (code, generic and corpus lexicons) they were made with; absent in older builds.
   */
  embedder: { id: string; dimension: number; analysis?: string };
  chunkMaxChars: number;
  /** Hash of everything the passages are made from; a different hash means the index is stale. */
  corpusHash: string;
  documents: { id: string; sha256: string; passages: number }[];
  counts: { passages: number; documents: number; studies: number; references: number; bySection: Record<string, number> };
  vectorIndex: string | null;
  ingestMs: number;
  /** Where the ingest's time went (ms): passages, embeddings, table, full-text index, vector index. */
  timings: Record<string, number>;
  warnings: string[];
  /** SHA-256 of each file of the build but this manifest (src/store/checksums.ts); absent in older builds. */
  files?: Record<string, string>;
}

/** Document frequencies of analysed terms, for weighting question words (IDF) at query time. */
export interface TermStats {
  /** Passages counted (IDF's N). */
  documents: number;
  df: Record<string, number>;
  /**
   * Terms that only reference-list entries use: a content question can never be answered with them (reference
   * entries are not quoted as answers), so a question is weighed as if the text did not have them.
   */
  referenceOnly?: string[];
  /** The same per document, so that a question can be weighed against the one document that answers it. */
  byDoc?: Record<string, { documents: number; df: Record<string, number>; referenceOnly?: string[] }>;
}

/** The statistics of one document, or of the whole index when it has none of its own (an older build). */
export function termStatsOf(stats: TermStats, docId: string): TermStats {
  return stats.byDoc?.[docId] ?? stats;
}

export const indexRoot = (dataDir: string) => path.join(dataDir, "index");
export const buildsDir = (dataDir: string) => path.join(indexRoot(dataDir), "builds");
export const currentFile = (dataDir: string) => path.join(indexRoot(dataDir), "CURRENT");
export const buildDir = (dataDir: string, buildId: string) => path.join(buildsDir(dataDir), buildId);

export function newBuildId(now = new Date()): string {
  return `${now.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "")}-${randomBytes(3).toString("hex")}`;
}

/** The id of the build being served, or undefined when there is none. */
export async function readCurrentBuild(dataDir: string): Promise<string | undefined> {
  const id = (await readFile(currentFile(dataDir), "utf8").catch(() => "")).trim();
  return /^[\w.-]+$/.test(id) ? id : undefined;
}

export async function readManifest(dir: string): Promise<IndexManifest> {
  return JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), "utf8")) as IndexManifest;
}

/** Make `buildId` the served build: write CURRENT beside itself, then rename over it (atomic on POSIX). */
export async function publishBuild(dataDir: string, buildId: string): Promise<void> {
  const tmp = `${currentFile(dataDir)}.${process.pid}.tmp`;
  await writeFile(tmp, `${buildId}\n`);
  await rename(tmp, currentFile(dataDir));
}

export async function startBuild(dataDir: string, buildId: string): Promise<string> {
  const dir = `${buildDir(dataDir, buildId)}.partial`;
  await mkdir(dir, { recursive: true });
  return dir;
}

export async function finishBuild(dataDir: string, buildId: string): Promise<string> {
  const dir = buildDir(dataDir, buildId);
  await rename(`${dir}.partial`, dir);
  return dir;
}

/**
 * Remove unfinished builds and all but the `keep` newest finished builds other than the current one
 * (recent builds stay, so a server still reading one is not cut off mid-request; it moves to the current
 * build on its next refresh).
 */
export async function pruneBuilds(dataDir: string, current: string | undefined, keep = 2): Promise<string[]> {
  const entries = await readdir(buildsDir(dataDir)).catch(() => [] as string[]);
  const removed: string[] = [];
  const finished = entries.filter((e) => !e.endsWith(".partial") && e !== current).sort().reverse();
  for (const entry of [...entries.filter((e) => e.endsWith(".partial")), ...finished.slice(keep)]) {
    await rm(path.join(buildsDir(dataDir), entry), { recursive: true, force: true });
    removed.push(entry);
  }
  return removed;
}
