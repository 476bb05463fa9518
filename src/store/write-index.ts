/**
 * Writing a complete new build beside the served one, then publishing it (see layout.ts, and
 * object-location.ts for an object store). Nothing the server reads is touched until CURRENT is replaced.
 */
import { writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { CORPUS_LEXICON_FILE, MANIFEST_FILE, newBuildId, TERM_STATS_FILE, type IndexManifest, type TermStats } from "./layout.ts";
import { checksumFiles } from "./checksums.ts";
import { asLocation, type IndexLocation } from "./index-location.ts";
import { lancedb } from "./lancedb.ts";
import type { DocumentInfo } from "../domain/document.ts";
import type { ReferenceEntry, StudyRecord } from "../domain/study.ts";
import {
  documentRow,
  documentsSchema,
  DOCUMENTS_TABLE,
  passagesSchema,
  PASSAGES_TABLE,
  referenceRow,
  referencesSchema,
  REFERENCES_TABLE,
  studiesSchema,
  studyRow,
  STUDIES_TABLE,
  type PassageRow,
} from "./schema.ts";

export interface IndexContent {
  rows: PassageRow[];
  documents: DocumentInfo[];
  studies: StudyRecord[];
  references: ReferenceEntry[];
  /** The corpus's own lexicon part (beside the corpus), kept with the build so queries analyse as ingest did. */
  corpusLexicon: string;
  termStats: TermStats;
  /** Cleaned text per document, kept beside the build for inspection (passage offsets point into it). */
  cleanedTexts: { docId: string; text: string }[];
  manifest: Omit<IndexManifest, "buildId" | "createdAt" | "vectorIndex" | "timings"> & { timings: Record<string, number> };
  /** Build an approximate vector index when there are at least this many rows (flat search below). */
  vectorIndexMinRows: number;
}

export type WriteEvent = { type: "write"; step: string };

const BATCH = 10_000;

export async function writeIndex(where: string | IndexLocation, content: IndexContent, onEvent?: (e: WriteEvent) => void): Promise<IndexManifest> {
  const location = asLocation(where);
  const buildId = newBuildId();
  // Always a local folder: on an object store, a staging folder uploaded by publish().
  const dir = await location.startBuild(buildId);
  const db = await lancedb.connect(dir);

  const timings = { ...content.manifest.timings };
  let mark = performance.now();
  const lap = (name: string) => {
    timings[name] = Math.round(performance.now() - mark);
    mark = performance.now();
  };
  onEvent?.({ type: "write", step: `passages table (${content.rows.length} rows)` });
  const table = await db.createEmptyTable(PASSAGES_TABLE, passagesSchema(content.manifest.embedder.dimension));
  for (let i = 0; i < content.rows.length; i += BATCH) {
    await table.add(content.rows.slice(i, i + BATCH) as unknown as Record<string, unknown>[]);
  }
  lap("tableMs");
  onEvent?.({ type: "write", step: "full-text index" });
  await table.createIndex("terms", {
    config: lancedb.Index.fts({ baseTokenizer: "whitespace", lowercase: false, stem: false, removeStopWords: false, asciiFolding: false, withPosition: false }),
  });
  lap("ftsIndexMs");
  let vectorIndex: string | null = null;
  if (content.rows.length >= content.vectorIndexMinRows) {
    onEvent?.({ type: "write", step: "vector index (IVF-HNSW-SQ)" });
    await table.createIndex("vector", { config: lancedb.Index.hnswSq({ distanceType: "cosine" }) });
    vectorIndex = "ivf_hnsw_sq";
  }
  lap("vectorIndexMs");
  for (const [name, schema, rows] of [
    [DOCUMENTS_TABLE, documentsSchema, content.documents.map(documentRow)],
    [STUDIES_TABLE, studiesSchema, content.studies.map(studyRow)],
    [REFERENCES_TABLE, referencesSchema, content.references.map(referenceRow)],
  ] as const) {
    const table = await db.createEmptyTable(name, schema);
    if (rows.length > 0) await table.add(rows as unknown as Record<string, unknown>[]);
  }

  const manifest: IndexManifest = { ...content.manifest, buildId, createdAt: new Date().toISOString(), vectorIndex, timings };
  await writeFile(path.join(dir, TERM_STATS_FILE), JSON.stringify(content.termStats));
  await writeFile(path.join(dir, CORPUS_LEXICON_FILE), content.corpusLexicon);
  await mkdir(path.join(dir, "cleaned"), { recursive: true });
  for (const { docId, text } of content.cleanedTexts) {
    await writeFile(path.join(dir, "cleaned", `${docId.replace(/[^\w.-]+/g, "_")}.txt`), text);
  }
  // The manifest is written last: a build without one is incomplete by definition. It records the checksums
  // of every other file, checked before the build is served.
  manifest.files = await checksumFiles(dir);
  await writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));

  onEvent?.({ type: "write", step: "the new build, published atomically" });
  await location.publish(buildId, dir, manifest);
  await location.prune(await location.readCurrent());
  return manifest;
}
