/**
 * Work kept by content: reads of PDFs, and documents built from their reads. The same bytes read by the same
 * pipeline give the same pages, and the same pages give the same passages and records, so an ingest that adds
 * one PDF to a corpus parses and builds only that one, and a file checked before it is copied into the corpus
 * is not parsed again by the ingest that follows. Two levels: this process (a few recent entries), and a
 * folder beside a local index, so that the next ingest, in another process, finds them too.
 *
 * A cache that cannot be read or written is only slower: every failure here is a miss, never an error.
 */
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { pipelineHash } from "./pipeline-hash.ts";

/** At most this many pages' worth of entries stay in memory (a PDF page's layout is tens of kilobytes). */
const MEMORY_PAGES = 600;

interface Entry<T> {
  value: T;
  pages: number;
}

const memory = new Map<string, Entry<unknown>>();

function remember<T>(key: string, value: T, pages: number): void {
  memory.delete(key);
  memory.set(key, { value, pages });
  let total = [...memory.values()].reduce((n, e) => n + e.pages, 0);
  for (const [oldest, entry] of memory) {
    if (total <= MEMORY_PAGES || oldest === key) break;
    memory.delete(oldest);
    total -= entry.pages;
  }
}

/** The cache key of a read: the file's content, what was asked of the reader, and the pipeline's code. */
export async function readKey(format: string, sha256: string, variant: string): Promise<string> {
  return `${format}-${sha256.slice(0, 32)}-${variant}-${await pipelineHash()}`;
}

/** What an entry weighs in memory, in pages, and whether a value read back from the folder has its shape. */
export interface KeptKind<T> {
  pages(value: T): number;
  looksRight(value: unknown): value is T;
}

/** A PDF's read: its pages. */
const READ: KeptKind<{ pages: unknown[] }> = {
  pages: (value) => value.pages.length,
  looksRight: (value): value is { pages: unknown[] } => Array.isArray((value as { pages?: unknown } | undefined)?.pages),
};

/**
 * The kept value for `key`, or `make()`'s result, kept for next time (a value must survive JSON). Callers get
 * their own copy: the pipeline may change what it is given.
 */
export async function cached<T>(key: string, dir: string | undefined, kind: KeptKind<T>, make: () => Promise<T>): Promise<T> {
  const inMemory = memory.get(key) as Entry<T> | undefined;
  if (inMemory) {
    remember(key, inMemory.value, inMemory.pages);
    // Kept on disk too: another index in this process (a new DATA_DIR) may not have it yet.
    if (dir && !(await touch(path.join(dir, `${key}.json`)))) await writeAtomically(path.join(dir, `${key}.json`), JSON.stringify(inMemory.value));
    return structuredClone(inMemory.value);
  }
  const file = dir ? path.join(dir, `${key}.json`) : undefined;
  const onDisk = file ? await readKept(file) : undefined;
  if (onDisk !== undefined && kind.looksRight(onDisk)) {
    await touch(file!);
    remember(key, structuredClone(onDisk), kind.pages(onDisk));
    return onDisk;
  }
  const value = await make();
  remember(key, structuredClone(value), kind.pages(value));
  if (file) await writeAtomically(file, JSON.stringify(value));
  return value;
}

/** The cached read for `key`, or `read()`'s result, kept for next time. */
export function cachedRead<T extends { pages: unknown[] }>(key: string, dir: string | undefined, read: () => Promise<T>): Promise<T> {
  return cached(key, dir, READ as KeptKind<T>, read);
}

async function readKept(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as unknown;
  } catch {
    return undefined;
  }
}

/** Mark a kept file as used (pruning keeps what was used); false when there is no such file. */
async function touch(file: string): Promise<boolean> {
  const now = new Date();
  return utimes(file, now, now).then(
    () => true,
    () => false,
  );
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temp, text);
    await rename(temp, file);
  } catch {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

/**
 * A file's time goes through floating-point seconds on its way to the disk and back: one touched in the very
 * millisecond an ingest started may read back a hair earlier (measured on ext4: half of 2,000 times). A
 * millisecond's slack keeps it; an entry last used by an earlier ingest is older than that.
 */
const PRUNE_SLACK_MS = 1;

/** Removes the folder's entries not used since `since` (an ingest's start): of files no longer in the corpus, or of older code. */
export async function pruneReadCache(dir: string, since: number): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => undefined);
    if (info && info.mtimeMs < since - PRUNE_SLACK_MS) await rm(file, { force: true }).catch(() => undefined);
  }
}

/** Forgets the entries held in memory (tests). */
export function clearReadMemory(): void {
  memory.clear();
}
