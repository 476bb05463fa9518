/**
 * The whole ingest: files -> documents (text, passages, study records, references) -> terms and vectors ->
 * a new index build, published atomically. Safe to repeat (same corpus, same rows and ids), safe to fail
 * or to stop (the previous build keeps serving), and needs nothing written by hand: corpus/studies.json
 * and corpus/lexicon-en-id.tsv enrich when present.
 *
 * @example
 *   const summary = await runIngest(loadConfig(), { onEvent: (e) => console.error(e) });
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { PROJECT_ROOT, type Config } from "../config.ts";
import type { DocumentInfo } from "../domain/document.ts";
import { IngestError, ProductError } from "../domain/errors.ts";
import type { Passage } from "../domain/passage.ts";
import type { ReferenceEntry, StudyRecord } from "../domain/study.ts";
import { createEmbedder, type Embedder } from "../embed/index.ts";
import { locateConfiguredIndex } from "../store/index-location.ts";
import type { IndexManifest, TermStats } from "../store/layout.ts";
import { lancedb } from "../store/lancedb.ts";
import { parseObjectUri } from "../store/object-store.ts";
import { PASSAGES_TABLE, toRow, type PassageRow } from "../store/schema.ts";
import { writeIndex } from "../store/write-index.ts";
import { analyze, useCorpusLexicon } from "../text/analyze.ts";
import { headingText, topicOfHeading } from "../text/heading.ts";
import { listCorpusFiles, loadDocument } from "./load.ts";
import { pipelineHash } from "./pipeline-hash.ts";
import { cached, pruneReadCache, readKey, type KeptKind } from "./read-cache.ts";
import { applyEnrichment, buildDocument, type BuiltDocument, type Enrichment } from "./passages.ts";
import { readStudiesJson, type StudiesJson } from "./studies-json.ts";
import type { RawDocument } from "./types.ts";

/** Bump when cleaning, chunking or linking changes, so existing indexes are seen as stale. */
export const PIPELINE_VERSION = "6";
export const CORPUS_LEXICON = "lexicon-en-id.tsv";

export type IngestEvent =
  | { type: "files"; files: string[] }
  | { type: "document"; id: string; passages: number; studies: number; references: number; pages: number | null; done: number; total: number }
  | { type: "embed"; done: number; total: number; reused: number }
  | { type: "write"; step: string }
  | { type: "warning"; message: string };

export interface IngestOptions {
  /** Files or folders to ingest instead of the corpus folder (they are not copied anywhere). */
  paths?: string[];
  onEvent?: (event: IngestEvent) => void;
  /** Use this embedder instead of the configured one (tests, benchmarks). */
  embedder?: Embedder;
  lockWaitMs?: number;
  /** Stops the ingest between steps (SIGINT/SIGTERM); the served index is left as it was. */
  signal?: AbortSignal;
}

export interface IngestSummary {
  manifest: IndexManifest;
  documents: DocumentInfo[];
  passages: number;
  studies: number;
  references: number;
  bySection: Record<string, number>;
  reusedVectors: number;
  ms: number;
}

/** Thrown when an ingest is stopped by its signal. */
export class IngestStoppedError extends ProductError {
  constructor() {
    super("ingest_stopped", "ingest stopped; the index that was being served is unchanged");
  }
}

const stopIfAsked = (signal?: AbortSignal) => {
  if (signal?.aborted) throw new IngestStoppedError();
};

async function readOptional(file: string): Promise<string> {
  return readFile(file, "utf8").catch(() => "");
}

/** Everything the passages are made from; a new hash means the index must be rebuilt. */
export async function corpusHash(config: Config, documents: { id: string; sha256: string }[], embedderId: string, folders: string[] = [config.corpusDir]): Promise<string> {
  const hash = createHash("sha256");
  hash.update(`pipeline ${PIPELINE_VERSION} ${await pipelineHash()}\nchunk ${config.ingest.chunkMaxChars}\nembedder ${embedderId}\n`);
  for (const d of [...documents].sort((a, b) => a.id.localeCompare(b.id))) hash.update(`${d.id} ${d.sha256}\n`);
  for (const folder of folders) {
    hash.update(await readOptional(path.join(folder, "studies.json")));
    hash.update(await readOptional(path.join(folder, CORPUS_LEXICON)));
  }
  hash.update(await readOptional(path.join(PROJECT_ROOT, "src", "text", "lexicon", "generic-en-id.tsv")));
  return hash.digest("hex").slice(0, 16);
}

/**
 * What local vectors depend on besides the text: the analysis code and the lexicons (the local embedder
 * embeds lexicon-canonical terms, so "orang" added to the lexicon changes the vector of every passage that
 * says it). A remote embedder reads the text alone: undefined.
 */
async function embeddingAnalysis(config: Config, lexiconText: string): Promise<string | undefined> {
  if (config.embed.provider !== "local") return undefined;
  return createHash("sha256").update(`${await pipelineHash()}\n`).update(lexiconText).digest("hex").slice(0, 16);
}

/** Vectors of the served build, by passage id, when it was made by the same embedder (reused, not recomputed). */
async function previousVectors(config: Config, embedderId: string, analysis: string | undefined): Promise<Map<string, Float32Array>> {
  const location = locateConfiguredIndex(config);
  const current = await location.readCurrent();
  if (!current) return new Map();
  try {
    const manifest = await location.readManifest(current);
    // Vectors made with another analysis (a lexicon entry added since) are not the ones this build would make.
    if (manifest.embedder.id !== embedderId || manifest.embedder.analysis !== analysis) return new Map();
    const db = await lancedb.connect(location.lanceUri(current), location.storageOptions ? { storageOptions: location.storageOptions } : undefined);
    const table = await db.openTable(PASSAGES_TABLE);
    const rows = await table.query().select(["id", "vector"]).toArray();
    return new Map(rows.map((r) => [String(r.id), Float32Array.from(r.vector as Iterable<number>)]));
  } catch {
    return new Map();
  }
}

/**
 * What a passage is found by: its text, its context (a table row's header), and, for prose, the document's
 * own heading over it when that names a topic ("10. Future Work" finds "Work is underway ... plan to add the
 * support", which never says "future"). A table's header row is its rows' context already.
 */
const indexText = (p: Passage) => [p.text, p.context, p.kind === "prose" && topicOfHeading(p.heading).length > 0 ? headingText(p.heading) : ""].filter(Boolean).join("\n");

/** The folders whose enrichment files apply: the corpus folder, or the folders of the given paths. */
function enrichmentFolders(config: Config, files: string[], paths?: string[]): string[] {
  if (!paths || paths.length === 0) return [config.corpusDir];
  return [...new Set(files.map((f) => path.dirname(f)))];
}

/** A built document weighs its pages in the kept work's memory (a text file: a page per ten passages). */
const BUILT: KeptKind<BuiltDocument> = {
  pages: (doc) => doc.info.pages ?? Math.ceil(doc.passages.length / 10),
  looksRight: (value): value is BuiltDocument => Array.isArray((value as Partial<BuiltDocument> | undefined)?.passages) && typeof (value as Partial<BuiltDocument>).info?.id === "string",
};

const hashOf = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);

/**
 * A document built from its read, kept by content beside the reads (read-cache.ts): an unchanged file is not
 * built again by the next ingest. What the build depends on besides the bytes and the pipeline's code is in
 * the key: the document's id (its name), and `settings`, the hash of the chunk size and the corpus lexicon.
 */
async function buildKept(raw: RawDocument, chunkOptions: { chunkMaxChars: number }, settings: string, cacheDir: string | undefined): Promise<{ doc: BuiltDocument; key: string }> {
  const key = await readKey("built", raw.sha256, hashOf([raw.id, settings]));
  return { doc: await cached(key, cacheDir, BUILT, async () => buildDocument(raw, chunkOptions)), key };
}

/**
 * corpus/studies.json's metadata on the one document it describes (the one its document record names, else
 * the only review), kept like the build it enriches.
 */
async function enrich(built: { doc: BuiltDocument; key: string }[], json: StudiesJson | undefined, cacheDir: string | undefined): Promise<BuiltDocument[]> {
  const docs = built.map((b) => b.doc);
  if (!json) return docs;
  const named = json.document?.document;
  const reviews = built.filter((b) => b.doc.info.kind === "review");
  const target = named ? built.find((b) => b.doc.info.id === named || b.doc.info.id.endsWith(`/${named}`)) : reviews.length === 1 ? reviews[0] : undefined;
  if (!target) return docs;
  const enrichment: Enrichment = { document: json.document, studies: json.studies };
  const key = `${target.key}-enriched-${hashOf([json.document ?? null, [...(json.studies ?? new Map())]])}`;
  const enriched = await cached(key, cacheDir, BUILT, async () => applyEnrichment(target.doc, enrichment));
  return docs.map((d) => (d === target.doc ? enriched : d));
}

export async function runIngest(config: Config, options: IngestOptions = {}): Promise<IngestSummary> {
  const started = Date.now();
  const emit = options.onEvent ?? (() => undefined);
  // Everything that can be refused is checked before the lock is taken and anything is written.
  const files = await listCorpusFiles(config.corpusDir, options.paths);
  if (files.length === 0) throw new IngestError(config.corpusDir, "no documents to ingest (.txt, .md, .pdf)");
  emit({ type: "files", files });
  const folders = enrichmentFolders(config, files, options.paths);
  const lexiconText = (await Promise.all(folders.map((f) => readOptional(path.join(f, CORPUS_LEXICON))))).join("\n");
  useCorpusLexicon(lexiconText, path.join(folders[0], CORPUS_LEXICON));
  const studiesJson = folders.map((f) => readStudiesJson(f)).find(Boolean);
  // Reads of PDFs and built documents are kept beside a local index, so the next ingest parses and builds
  // only new or changed files.
  const cacheDir = parseObjectUri(config.dataDir) ? undefined : path.join(config.dataDir, "cache", "read");
  const readStarted = performance.now();
  const raws: RawDocument[] = [];
  for (const file of files) {
    stopIfAsked(options.signal);
    raws.push(await loadDocument(file, options.paths?.length ? undefined : config.corpusDir, { cacheDir }));
  }
  const readMs = Math.round(performance.now() - readStarted);
  const duplicate = raws.find((r, i) => raws.findIndex((o) => o.id === r.id) !== i);
  if (duplicate) throw new IngestError(duplicate.source, `two documents would have the same id "${duplicate.id}"; rename one`);

  // Documents are built before the lock is taken: the longest CPU work, and it writes nothing.
  const warnings: string[] = [];
  const buildStarted = performance.now();
  const chunkOptions = { chunkMaxChars: config.ingest.chunkMaxChars };
  const buildSettings = hashOf([chunkOptions, lexiconText]);
  const built: { doc: BuiltDocument; key: string }[] = [];
  for (const [i, raw] of raws.entries()) {
    stopIfAsked(options.signal);
    const { doc, key } = await buildKept(raw, chunkOptions, buildSettings, cacheDir);
    built.push({ doc, key });
    emit({ type: "document", id: raw.id, passages: doc.passages.length, studies: doc.records.length, references: doc.references.length, pages: doc.info.pages, done: i + 1, total: raws.length });
    for (const w of doc.info.warnings) {
      warnings.push(`${raw.id}: ${w}`);
      emit({ type: "warning", message: `${raw.id}: ${w}` });
    }
    // Let timers run between documents (signals, progress output).
    await new Promise((resolve) => setImmediate(resolve));
  }
  const enriched = await enrich(built, studiesJson, cacheDir);
  const passages = enriched.flatMap((b) => b.passages);
  if (passages.length === 0) throw new IngestError(files[0], "no readable text in any document");
  const passagesMs = Math.round(performance.now() - buildStarted);

  const location = locateConfiguredIndex(config);
  const release = await location.lock({ waitMs: options.lockWaitMs });
  try {
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
    timings.readMs = readMs;
    timings.passagesMs = passagesMs;

    const analysis = await embeddingAnalysis(config, lexiconText);
    const previous = await previousVectors(config, embedder.id, analysis);
    const missing = passages.filter((p) => !previous.has(p.id));
    const reused = passages.length - missing.length;
    const fresh = new Map<string, Float32Array>();
    const batchSize = Math.max(1, Math.min(config.embed.batchSize, embedder.maxBatch));
    const terms = new Map<string, string[]>();
    for (let i = 0; i < missing.length; i += batchSize) {
      stopIfAsked(options.signal);
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
    const byDoc: NonNullable<TermStats["byDoc"]> = {};
    // Terms of the text proper (not of reference-list entries), overall and per document.
    const inText = new Set<string>();
    const inDocText = new Map<string, Set<string>>();
    const rows: PassageRow[] = passages.map((p) => {
      const canonical = terms.get(p.id) ?? analyze(indexText(p)).canonical;
      const doc = (byDoc[p.docId] ??= { documents: 0, df: {} });
      doc.documents++;
      const docText = inDocText.get(p.docId) ?? inDocText.set(p.docId, new Set()).get(p.docId)!;
      for (const t of new Set(canonical)) {
        df[t] = (df[t] ?? 0) + 1;
        doc.df[t] = (doc.df[t] ?? 0) + 1;
        if (p.kind !== "reference") {
          inText.add(t);
          docText.add(t);
        }
      }
      return toRow(p, canonical.join(" "), fresh.get(p.id) ?? previous.get(p.id)!);
    });
    for (const [docId, doc] of Object.entries(byDoc)) {
      const own = inDocText.get(docId) ?? new Set<string>();
      const only = Object.keys(doc.df).filter((t) => !own.has(t));
      if (only.length > 0) doc.referenceOnly = only;
    }
    const referenceOnly = Object.keys(df).filter((t) => !inText.has(t));
    const termStats: TermStats = { documents: passages.length, df, byDoc, ...(referenceOnly.length > 0 ? { referenceOnly } : {}) };
    const bySection: Record<string, number> = {};
    for (const p of passages) bySection[p.section] = (bySection[p.section] ?? 0) + 1;
    const documents = enriched.map((b) => b.info);
    const studies: StudyRecord[] = enriched.flatMap((b) => b.records);
    const references: ReferenceEntry[] = enriched.flatMap((b) => b.references);
    stopIfAsked(options.signal);

    const manifest = await writeIndex(
      location,
      {
        rows,
        documents,
        studies,
        references,
        corpusLexicon: lexiconText,
        termStats,
        cleanedTexts: enriched.map((b) => ({ docId: b.info.id, text: b.text })),
        vectorIndexMinRows: config.retrieve.vectorIndexMinRows,
        manifest: {
          formatVersion: 2,
          embedder: { id: embedder.id, dimension: embedder.dimension, ...(analysis ? { analysis } : {}) },
          chunkMaxChars: config.ingest.chunkMaxChars,
          corpusHash: await corpusHash(config, raws, embedder.id, folders),
          documents: raws.map((r) => ({ id: r.id, sha256: r.sha256, passages: passages.filter((p) => p.docId === r.id).length })),
          counts: { passages: passages.length, documents: documents.length, studies: studies.length, references: references.length, bySection },
          ingestMs: Date.now() - started,
          timings,
          warnings,
        },
      },
      (e) => emit(e),
    );
    if (cacheDir) await pruneReadCache(cacheDir, started);
    return { manifest, documents, passages: passages.length, studies: studies.length, references: references.length, bySection, reusedVectors: reused, ms: Date.now() - started };
  } finally {
    await release().catch(() => undefined);
  }
}
