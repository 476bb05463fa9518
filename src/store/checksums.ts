/**
 * Checksums of an index build's files, recorded in its manifest when it is written and checked before it is
 * served (and by `npm run verify`): a build whose files changed since (a disk error, a stray write, a
 * partial copy) is refused, and the newest earlier build that still checks out is served instead.
 *
 * @example
 *   const files = await checksumFiles(dir);          // { "passages.lance/data/…": "9f86d0…", … }
 *   const check = await verifyBuild(dataDir, buildId); // { ok: false, problem: "1 file changed: …" }
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { ProductError } from "../domain/errors.ts";
import type { IndexLocation } from "./index-location.ts";
import { buildDir, buildsDir, MANIFEST_FILE, readManifest } from "./layout.ts";

/** SHA-256 of every file of a build folder except the manifest, by path relative to the folder ("/" separated). */
export async function checksumFiles(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .filter((f) => f !== MANIFEST_FILE)
    .sort();
  const out: Record<string, string> = {};
  for (const file of files) out[file] = await sha256(path.join(dir, file));
  return out;
}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("end", () => resolve(hash.digest("hex")))
      .on("error", reject);
  });
}

export interface BuildCheck {
  buildId: string;
  ok: boolean;
  /** Files compared (0 when the build records none: built before checksums were recorded). */
  files: number;
  /** What is wrong, in a few words: "2 files changed: a, b". */
  problem?: string;
}

function listed(label: string, files: string[]): string {
  const shown = files.slice(0, 3).join(", ");
  return `${files.length} ${files.length === 1 ? "file" : "files"} ${label}: ${shown}${files.length > 3 ? ", …" : ""}`;
}

/** Compare a build's files with the checksums its manifest recorded. A build that recorded none passes unchecked. */
export async function verifyBuild(dataDir: string, buildId: string): Promise<BuildCheck> {
  const dir = buildDir(dataDir, buildId);
  let recorded: Record<string, string> | undefined;
  try {
    recorded = (await readManifest(dir)).files;
  } catch {
    return { buildId, ok: false, files: 0, problem: "its manifest cannot be read" };
  }
  if (!recorded) return { buildId, ok: true, files: 0 };
  let actual: Record<string, string>;
  try {
    actual = await checksumFiles(dir);
  } catch {
    return { buildId, ok: false, files: 0, problem: "its folder cannot be read" };
  }
  const changed = Object.keys(recorded).filter((f) => f in actual && actual[f] !== recorded[f]);
  const missing = Object.keys(recorded).filter((f) => !(f in actual));
  const added = Object.keys(actual).filter((f) => !(f in recorded));
  const problems = [changed.length ? listed("changed", changed) : "", missing.length ? listed("missing", missing) : "", added.length ? listed("added", added) : ""].filter(Boolean);
  return { buildId, ok: problems.length === 0, files: Object.keys(recorded).length, ...(problems.length ? { problem: problems.join("; ") } : {}) };
}

/** Finished builds, newest first (build ids begin with their UTC time). */
export async function listBuilds(dataDir: string): Promise<string[]> {
  const entries = await readdir(buildsDir(dataDir), { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && !e.name.endsWith(".partial")).map((e) => e.name).sort().reverse();
}

export interface ServableBuild {
  /** The build to serve. */
  buildId: string;
  /** Set when CURRENT names a build that failed its check and an earlier one is served instead. */
  refused?: BuildCheck;
}

/** Thrown when the served build fails its check and no earlier build passes. */
export class IndexChecksumError extends ProductError {
  constructor(message: string) {
    super("index_corrupt", message);
  }
}

/**
 * The build to serve: CURRENT's if it checks out, else the newest earlier build that does. Undefined when
 * there is no CURRENT (the caller reports a missing index). A folder's builds are checked against their
 * checksums; an object store's against their manifest's file list (object-location.ts).
 */
export async function servableBuild(location: IndexLocation): Promise<ServableBuild | undefined> {
  const current = await location.readCurrent();
  if (!current) return undefined;
  const check = await location.verify(current);
  if (check.ok) return { buildId: current };
  for (const earlier of (await location.listBuilds()).filter((b) => b !== current)) {
    const other = await location.verify(earlier);
    if (other.ok && other.files > 0) return { buildId: earlier, refused: check };
  }
  throw new IndexChecksumError(`the index build ${current} failed its checksum check (${check.problem}) and no earlier build passes it`);
}
