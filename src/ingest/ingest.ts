/**
 * The whole ingest: files -> passages -> terms and vectors -> a new index build, published atomically.
 * Safe to repeat (same corpus, same rows and ids) and safe to fail (the previous build keeps serving).
 *
 * @example
 *   const summary = await runIngest(loadConfig(), { onEvent: (e) => console.error(e) });
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config.ts";
import { createEmbedder, type Embedder } from "../embed/index.ts";
import { readCurrentBuild, buildDir, readManifest, type IndexManifest, type TermStats } from "../store/layout.ts";
import { lancedb } from "../store/lancedb.ts";
import { lockIndex } from "../store/lock.ts";
import { PASSAGES_TABLE, toRow, type PassageRow } from "../store/schema.ts";
import { writeIndex } from "../store/write-index.ts";
import { analyze } from "../text/analyze.ts";
import { listCorpusFiles, loadDocument } from "./load.ts";
import { buildPassages } from "./passages.ts";
import { formatReference } from "./references.ts";
import { loadStudyCatalog } from "./studies.ts";
import type { Passage, RawDocument } from "./types.ts";

/** Bump when cleaning, chunking or linking changes, so existing indexes are seen as stale. */
export const PIPELINE_VERSION = "4";

export type IngestEvent =
  | { type: "files"; files: string[] }
  | { type: "document"; id: string; passages: number }
  | { type: "embed"; done: number; total: number; reused: number }
  | { type: "write"; step: string }
  | { type: "warning"; message: string };

export interface IngestOptions {
  /** Files or folders to ingest instead of the corpus folder. */
  paths?: string[];
  onEvent?: (event: IngestEvent) => void;
  /** Use this embedder instead of the configured one (tests, benchmarks). */
  embedder?: Embedder;
  lockWaitMs?: number;
}

export interface IngestSummary {
  manifest: IndexManifest;
  documents: number;
  passages: number;
  bySection: Record<string, number>;
  byStudy: Record<string, number>;
  reusedVectors: number;
  ms: number;
}

async function readOptional(file: string | URL): Promise<string> {
  return readFile(file, "utf8").catch(() => "");
}

/** Everything the passages are made from; a new hash means the index must be rebuilt. */
export async function corpusHash(config: Config, documents: { id: string; sha256: string }[], embedderId: string): Promise<string> {
  const hash = createHash("sha256");
  hash.update(`pipeline ${PIPELINE_VERSION}\nchunk ${config.ingest.chunkMaxChars}\nembedder ${embedderId}\n`);
  for (const d of [...documents].sort((a, b) => a.id.localeCompare(b.id))) hash.update(`${d.id} ${d.sha256}\n`);
  hash.update(await readOptional(path.join(config.corpusDir, "studies.json")));
  hash.update(await readOptional(path.join(config.corpusDir, "study-aliases.json")));
  hash.update(await readOptional(new URL("../text/lexicon-en-id.tsv", import.meta.url)));
  return hash.digest("hex").slice(0, 16);
}

/** Vectors of the served build, by passage id, when it was made by the same embedder (reused, not recomputed). */
async function previousVectors(config: Config, embedderId: string): Promise<Map<string, Float32Array>> {
  const current = await readCurrentBuild(config.dataDir);
  if (!current) return new Map();
  try {
    const dir = buildDir(config.dataDir, current);
    const manifest = await readManifest(dir);
    if (manifest.embedder.id !== embedderId) return new Map();
    const table = await (await lancedb.connect(dir)).openTable(PASSAGES_TABLE);
    const rows = await table.query().select(["id", "vector"]).toArray();
    return new Map(rows.map((r) => [String(r.id), Float32Array.from(r.vector as Iterable<number>)]));
  } catch {
    return new Map();
  }
}

const indexText = (p: Passage) => (p.context ? `${p.text}\n${p.context}` : p.text);

export async function runIngest(config: Config, options: IngestOptions = {}): Promise<IngestSummary> {
  const started = Date.now();
  const emit = options.onEvent ?? (() => undefined);
  // Everything that can be refused is checked before the lock is taken and anything is written.
  const catalog = loadStudyCatalog(config.corpusDir);
  const files = await listCorpusFiles(config.corpusDir, options.paths);
  if (files.length === 0) throw new Error(`no documents to ingest in ${config.corpusDir} (.txt, .md, .pdf)`);
  emit({ type: "files", files });
  const documents: RawDocument[] = [];
  for (const file of files) documents.push(await loadDocument(file, config.corpusDir));

  const release = await lockIndex(config.dataDir, { waitMs: options.lockWaitMs });
  try {
    const warnings: string[] = [];
    let embedder = options.embedder;
    if (!embedder) {
      const created = await createEmbedder(config);
      embedder = created.embedder;
      for (const w of created.warnings) {
        warnings.push(w);
        emit({ type: "warning", message: w });
      }
    }

    let mark = performance.now();
    const timings: Record<string, number> = {};
    const lap = (name: string) => {
      timings[name] = Math.round(performance.now() - mark);
      mark = performance.now();
    };
    const passages: Passage[] = [];
    const cleanedTexts: { docId: string; text: string }[] = [];
    const docStats: IndexManifest["documents"] = [];
    for (const doc of documents) {
      const cleaned = buildPassages(doc, catalog, { chunkMaxChars: config.ingest.chunkMaxChars });
      passages.push(...cleaned.passages);
      cleanedTexts.push({ docId: doc.id, text: cleaned.text });
      docStats.push({ id: doc.id, sha256: doc.sha256, passages: cleaned.passages.length });
      emit({ type: "document", id: doc.id, passages: cleaned.passages.length });
    }

    lap("passagesMs");
    const previous = await previousVectors(config, embedder.id);
    const missing = passages.filter((p) => !previous.has(p.id));
    const reused = passages.length - missing.length;
    const fresh = new Map<string, Float32Array>();
    // Batch by batch, so each passage's analysis (shared by its vector and its full-text terms) is done once.
    const batchSize = Math.max(1, Math.min(config.embed.batchSize, embedder.maxBatch));
    const terms = new Map<string, string[]>();
    for (let i = 0; i < missing.length; i += batchSize) {
      const batch = missing.slice(i, i + batchSize);
      const result = await embedder.embed(batch.map(indexText));
      batch.forEach((p, k) => {
        fresh.set(p.id, result.vectors[k]);
        terms.set(p.id, analyze(indexText(p)).canonical);
      });
      for (const w of result.warnings) if (!warnings.includes(w)) warnings.push(w);
      emit({ type: "embed", done: Math.min(i + batchSize, missing.length), total: missing.length, reused });
    }
    if (missing.length === 0) emit({ type: "embed", done: 0, total: 0, reused });

    lap("embedMs");
    // Document frequencies are of the language-neutral terms, which are also what questions are weighed in.
    const df: Record<string, number> = {};
    const rows: PassageRow[] = passages.map((p) => {
      const canonical = terms.get(p.id) ?? analyze(indexText(p)).canonical;
      for (const t of new Set(canonical)) df[t] = (df[t] ?? 0) + 1;
      return toRow(p, canonical.join(" "), fresh.get(p.id) ?? previous.get(p.id)!);
    });
    const termStats: TermStats = { documents: passages.length, df };

    const bySection: Record<string, number> = {};
    const byStudy: Record<string, number> = {};
    for (const p of passages) {
      bySection[p.section] = (bySection[p.section] ?? 0) + 1;
      for (const s of p.studies) byStudy[s] = (byStudy[s] ?? 0) + 1;
    }
    const studies = [catalog.review, ...catalog.studies].map((record) => ({
      number: record.number ?? 0,
      id: record.id,
      csl: JSON.stringify(record),
      reference: formatReference(record),
      aliases: JSON.stringify(record.number ? catalog.aliases.get(record.number) ?? [] : []),
    }));

    const manifest = await writeIndex(
      config.dataDir,
      {
        rows,
        studies,
        termStats,
        cleanedTexts,
        vectorIndexMinRows: config.retrieve.vectorIndexMinRows,
        manifest: {
          formatVersion: 1,
          embedder: { id: embedder.id, dimension: embedder.dimension },
          chunkMaxChars: config.ingest.chunkMaxChars,
          corpusHash: await corpusHash(config, documents, embedder.id),
          documents: docStats,
          counts: { passages: passages.length, bySection, byStudy },
          ingestMs: Date.now() - started,
          timings,
          warnings,
        },
      },
      (e) => emit(e),
    );
    return {
      manifest,
      documents: documents.length,
      passages: passages.length,
      bySection,
      byStudy,
      reusedVectors: reused,
      ms: Date.now() - started,
    };
  } finally {
    await release().catch(() => undefined);
  }
}
