/**
 * Reading the served index: the passages table (vector and full-text search, filters in the query), the
 * studies table, the manifest and term statistics. Opened once; `refresh()` picks up a newer build
 * published by an ingest (cheap: one read of CURRENT; on an object store `watch()` polls it in the
 * background instead), so a running server serves a new index without a restart, and keeps the old one
 * when an ingest fails.
 */
import { asLocation, type IndexLocation } from "./index-location.ts";
import { CORPUS_LEXICON_FILE, MANIFEST_FILE, TERM_STATS_FILE, type IndexManifest, type TermStats } from "./layout.ts";
import { lancedb, type Table } from "./lancedb.ts";
import { DOCUMENTS_TABLE, fromRow, PASSAGE_COLUMNS, PASSAGES_TABLE, REFERENCES_TABLE, STUDIES_TABLE } from "./schema.ts";
import type { DocumentInfo } from "../domain/document.ts";
import { ProductError } from "../domain/errors.ts";
import type { Passage } from "../domain/passage.ts";
import { toSectionId } from "../domain/sections.ts";
import type { ReferenceEntry, StudyRecord } from "../domain/study.ts";
import { useCorpusLexicon } from "../text/analyze.ts";

export interface SearchFilters {
  /** Study numbers; with several documents, combine with `docs` (numbers are per document). */
  studies?: number[];
  /** Section ids or their aliases ("pembahasan"). */
  sections?: string[];
  docs?: string[];
}

export interface Hit {
  passage: Passage;
  /** Cosine similarity for vector hits, BM25 for text hits. */
  score: number;
}

/** No index has been built (or its folder is gone): the fix is to run the ingest. */
export class IndexMissingError extends ProductError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("index_missing", message, options);
  }
}

/** The index exists but cannot be read. */
export class IndexCorruptError extends ProductError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("index_corrupt", message, options);
  }
}

/** Passages up to this many are also kept in memory (passage lookups, the studies view). */
const MEMORY_LIMIT = 20_000;

function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function whereClause(filters: SearchFilters = {}): string | undefined {
  const parts: string[] = [];
  const studies = (filters.studies ?? []).filter((n) => Number.isInteger(n));
  if (studies.length > 0) parts.push(`array_has_any(studies, [${studies.join(", ")}])`);
  const sections = [...new Set((filters.sections ?? []).map((s) => toSectionId(s) ?? s))];
  if (sections.length > 0) parts.push(`section IN (${sections.map(quote).join(", ")})`);
  if (filters.docs && filters.docs.length > 0) parts.push(`doc_id IN (${filters.docs.map(quote).join(", ")})`);
  return parts.length > 0 ? parts.join(" AND ") : undefined;
}

/** A LanceDB error in one short line: without the Rust source locations and the repeated "Caused by" chain. */
export function tidyLanceMessage(message: string): string {
  const first = message.split(/\s+Caused by:/)[0];
  return first.replace(/,?\s*\/\S+\.rs:\d+:\d+/g, "").replace(/\s+/g, " ").trim().slice(0, 300);
}

export interface OpenOptions {
  /** Serve this build rather than the one CURRENT names (a fallback after a failed check). */
  buildId?: string;
  /** Asked before switching to a newly published build; a build it refuses is not served (and not asked about again). */
  accept?: (buildId: string) => Promise<boolean>;
}

interface Snapshot {
  buildId: string;
  manifest: IndexManifest;
  termStats: TermStats;
  passages: Table;
  documents: DocumentInfo[];
  studies: StudyRecord[];
  references: ReferenceEntry[];
  corpusLexicon: string;
  memory: Map<string, Passage> | undefined;
}

async function readJsonTable<T>(db: Awaited<ReturnType<typeof lancedb.connect>>, name: string): Promise<T[]> {
  const rows = await (await db.openTable(name)).query().select(["json"]).toArray();
  return rows.map((r) => JSON.parse(String(r.json)) as T);
}

async function openSnapshot(location: IndexLocation, buildId: string): Promise<Snapshot> {
  const dir = location.lanceUri(buildId);
  let manifest: IndexManifest;
  try {
    manifest = await location.readManifest(buildId);
  } catch (error) {
    if (error instanceof ProductError) throw error; // the object store refused or is unreachable: say that
    throw new IndexCorruptError(`the index build ${buildId} has no readable manifest (${dir}/${MANIFEST_FILE})`);
  }
  try {
    const db = await lancedb.connect(dir, location.storageOptions ? { storageOptions: location.storageOptions } : undefined);
    const passages = await db.openTable(PASSAGES_TABLE);
    const documents = (await readJsonTable<DocumentInfo>(db, DOCUMENTS_TABLE)).sort((a, b) => a.id.localeCompare(b.id));
    const studies = (await readJsonTable<StudyRecord>(db, STUDIES_TABLE)).sort((a, b) => a.docId.localeCompare(b.docId) || a.number - b.number);
    const references = (await readJsonTable<ReferenceEntry>(db, REFERENCES_TABLE)).sort((a, b) => a.docId.localeCompare(b.docId) || a.index - b.index);
    const termStats = JSON.parse((await location.readBuildFile(buildId, TERM_STATS_FILE)) ?? "null") as TermStats;
    if (!termStats || typeof termStats.documents !== "number" || !termStats.df || typeof termStats.df !== "object") {
      throw new IndexCorruptError(`the index build ${buildId} has unusable term statistics (${dir}/${TERM_STATS_FILE})`);
    }
    const corpusLexicon = (await location.readBuildFile(buildId, CORPUS_LEXICON_FILE).catch(() => undefined)) ?? "";
    let memory: Map<string, Passage> | undefined;
    if (manifest.counts.passages <= MEMORY_LIMIT) {
      const rows = await passages.query().select(PASSAGE_COLUMNS).toArray();
      memory = new Map(rows.map((r) => {
        const p = fromRow(r);
        return [p.id, p];
      }));
    }
    return { buildId, manifest, termStats, passages, documents, studies, references, corpusLexicon, memory };
  } catch (error) {
    if (error instanceof ProductError) throw error;
    throw new IndexCorruptError(`the index build ${buildId} cannot be read: ${tidyLanceMessage((error as Error).message)}`, { cause: error });
  }
}

const buildId = (snapshot: Snapshot) => snapshot.buildId;
/** Passages by study, per snapshot (computed on first use). */
const studyPassages = new WeakMap<Snapshot, Map<string, Passage[]>>();
const nextPassages = new WeakMap<Snapshot, Map<string, Passage>>();
const tableRowGroups = new WeakMap<Snapshot, Map<string, Passage[]>>();

/** Rows of one table share their document, page, heading (the caption's title) and columns. */
const tableKey = (p: Passage) => [p.docId, p.page ?? "", p.heading, p.cells.map((c) => c.column).join("\u0001")].join("\u0000");

export class PassageStore {
  private lastCheck = 0;
  private watching = false;
  private checking: Promise<boolean> | undefined;
  /** A published build that could not be opened (reported in /healthz). */
  brokenBuild: string | undefined;
  /** Told once when a newly published build cannot be opened. */
  onBrokenBuild?: (buildId: string, error: unknown) => void;
  private readonly refused = new Set<string>();
  private constructor(
    private readonly location: IndexLocation,
    private snapshot: Snapshot,
    private readonly accept?: (buildId: string) => Promise<boolean>,
  ) {
    useCorpusLexicon(snapshot.corpusLexicon, `${buildId(snapshot)}/${CORPUS_LEXICON_FILE}`);
  }

  /** Open the served build. Throws IndexMissingError or IndexCorruptError with a message for the user. */
  static async open(where: string | IndexLocation, options: OpenOptions = {}): Promise<PassageStore> {
    const location = asLocation(where);
    const current = await location.readCurrent();
    const buildId = options.buildId ?? current;
    if (!buildId) throw new IndexMissingError(`no index in ${location.label}`);
    if (!(await location.buildExists(buildId))) throw new IndexMissingError(`the index build ${buildId} named in ${location.currentLabel} is missing`);
    const store = new PassageStore(location, await openSnapshot(location, buildId), options.accept);
    if (current && current !== buildId) store.refused.add(current);
    return store;
  }

  get manifest(): IndexManifest {
    return this.snapshot.manifest;
  }

  get buildId(): string {
    return this.snapshot.buildId;
  }

  get termStats(): TermStats {
    return this.snapshot.termStats;
  }

  get studies(): StudyRecord[] {
    return this.snapshot.studies;
  }

  get documents(): DocumentInfo[] {
    return this.snapshot.documents;
  }

  get references(): ReferenceEntry[] {
    return this.snapshot.references;
  }

  document(id: string): DocumentInfo | undefined {
    return this.snapshot.documents.find((d) => d.id === id);
  }

  studiesOf(docId: string): StudyRecord[] {
    return this.snapshot.studies.filter((s) => s.docId === docId);
  }

  get passageCount(): number {
    return this.snapshot.manifest.counts.passages;
  }

  /**
   * Switch to a newer build if an ingest published one (checked at most every `intervalMs`). A build that
   * cannot be opened is ignored: the current one keeps serving. Returns true when it switched. While
   * `watch()` polls in the background, a request's `refresh()` returns at once (no store round trip in a
   * request); `refresh(0)` still checks now.
   */
  async refresh(intervalMs = 2000): Promise<boolean> {
    if (this.watching && intervalMs > 0) return false;
    const now = Date.now();
    if (now - this.lastCheck < intervalMs) return false;
    this.lastCheck = now;
    // One check at a time: a request arriving during a slow check (an object store) waits for that one. A
    // forced check (`refresh(0)`, e.g. right after an upload's ingest) waits for it and then checks again,
    // since the running check may have read CURRENT before the publish.
    if (intervalMs === 0 && this.checking) await this.checking.catch(() => false);
    this.checking ??= this.check().finally(() => (this.checking = undefined));
    return this.checking;
  }

  /**
   * Poll the served-build pointer every `intervalMs` in the background (an object store: any number of
   * servers notice a new build within one interval plus the time to open it; a read already running
   * finishes on the old snapshot, whose build stays for minutes, see object-location.ts).
   * Returns a stop function.
   */
  watch(intervalMs: number): () => void {
    this.watching = true;
    const timer = setInterval(() => {
      this.lastCheck = 0;
      void this.refresh(0).catch(() => undefined);
    }, intervalMs);
    timer.unref();
    return () => {
      clearInterval(timer);
      this.watching = false;
    };
  }

  private async check(): Promise<boolean> {
    let buildId: string | undefined;
    try {
      buildId = await this.location.readCurrent();
    } catch {
      return false; // the store is unreachable for a moment: keep serving what is open
    }
    if (!buildId || buildId === this.snapshot.buildId || this.refused.has(buildId)) return false;
    if (this.accept && !(await this.accept(buildId))) {
      this.refused.add(buildId);
      return false;
    }
    try {
      this.snapshot = await openSnapshot(this.location, buildId);
      useCorpusLexicon(this.snapshot.corpusLexicon, `${buildId}/${CORPUS_LEXICON_FILE}`);
      return true;
    } catch (error) {
      // The new build cannot be opened: keep serving this one, and say so once per build.
      if (this.brokenBuild !== buildId) {
        this.brokenBuild = buildId;
        this.onBrokenBuild?.(buildId, error);
      }
      return false;
    }
  }

  private passageOf(snapshot: Snapshot, row: Record<string, unknown>): Passage {
    return snapshot.memory?.get(String(row.id)) ?? fromRow(row);
  }

  /**
   * Run a read on the current snapshot; if it fails because an ingest replaced the build (its files are
   * gone), move to the published build and try once more.
   */
  private async read<T>(run: (snapshot: Snapshot) => Promise<T>): Promise<T> {
    const snapshot = this.snapshot;
    try {
      return await run(snapshot);
    } catch (error) {
      this.lastCheck = 0;
      if (!(await this.refresh(0)) || this.snapshot === snapshot) throw error;
      return run(this.snapshot);
    }
  }

  /** Nearest passages by cosine. `exact` skips the vector index (a flat scan: the benchmark's baseline). */
  async vectorSearch(vector: Float32Array, limit: number, filters?: SearchFilters, exact = false): Promise<Hit[]> {
    return this.read((snapshot) => this.vectorSearchOn(snapshot, vector, limit, filters, exact));
  }

  private async vectorSearchOn(snapshot: Snapshot, vector: Float32Array, limit: number, filters: SearchFilters | undefined, exact: boolean): Promise<Hit[]> {
    // With the passages in memory, LanceDB returns ids only: half the cost of returning every column.
    const columns = snapshot.memory ? ["id"] : PASSAGE_COLUMNS;
    let query = snapshot.passages.vectorSearch(vector).distanceType("cosine").select(columns).limit(limit);
    const where = whereClause(filters);
    if (where) query = query.where(where);
    if (exact) query = query.bypassVectorIndex();
    else if (snapshot.manifest.vectorIndex) query = query.nprobes(20).refineFactor(10);
    const rows = await query.toArray();
    return rows.map((r) => ({ passage: this.passageOf(snapshot, r), score: 1 - Number(r._distance) }));
  }

  /** BM25 over the analysed-terms column. `terms` are already analysed (space separated). */
  async textSearch(terms: string, limit: number, filters?: SearchFilters): Promise<Hit[]> {
    const clean = terms.replace(/[^\p{L}\p{N}. -]/gu, " ").trim();
    if (!clean) return [];
    return this.read(async (snapshot) => {
      const columns = snapshot.memory ? ["id"] : PASSAGE_COLUMNS;
      let query = snapshot.passages.query().fullTextSearch(new lancedb.MatchQuery(clean, "terms")).select(columns).limit(limit);
      const where = whereClause(filters);
      if (where) query = query.where(where);
      const rows = await query.toArray();
      return rows.map((r) => ({ passage: this.passageOf(snapshot, r), score: Number(r._score) }));
    });
  }

  /** All passages are held in memory (an index up to MEMORY_LIMIT passages). */
  get inMemory(): boolean {
    return this.snapshot.memory !== undefined;
  }

  /** A passage from memory, or undefined (use getPassage for an index too large to hold). */
  passageSync(id: string): Passage | undefined {
    return this.snapshot.memory?.get(id);
  }

  /** The passages about one study of one document, from memory (an index too large to hold gives none). */
  passagesOfSync(docId: string, study: number): Passage[] {
    const snapshot = this.snapshot;
    if (!snapshot.memory) return [];
    let byStudy = studyPassages.get(snapshot);
    if (!byStudy) {
      byStudy = new Map();
      for (const p of snapshot.memory.values()) for (const n of p.studies) {
        const key = `${p.docId}#${n}`;
        byStudy.set(key, [...(byStudy.get(key) ?? []), p]);
      }
      studyPassages.set(snapshot, byStudy);
    }
    return byStudy.get(`${docId}#${study}`) ?? [];
  }

  /**
   * The rows of the table a table-row passage belongs to, in the document's order, from memory (an index too
   * large to hold gives none): "which conference has the most queries?" is read off all of them.
   */
  tableRowsSync(passage: Passage): Passage[] {
    const snapshot = this.snapshot;
    if (!snapshot.memory || passage.kind !== "table-row") return [];
    let groups = tableRowGroups.get(snapshot);
    if (!groups) {
      groups = new Map();
      for (const p of [...snapshot.memory.values()].sort((a, b) => a.start - b.start)) {
        if (p.kind !== "table-row") continue;
        const key = tableKey(p);
        const list = groups.get(key);
        if (list) list.push(p);
        else groups.set(key, [p]);
      }
      tableRowGroups.set(snapshot, groups);
    }
    return groups.get(tableKey(passage)) ?? [];
  }

  /** The passage that follows `id` in its document's text, from memory (a list that runs on into it). */
  nextPassageSync(id: string): Passage | undefined {
    const snapshot = this.snapshot;
    if (!snapshot.memory) return undefined;
    let next = nextPassages.get(snapshot);
    if (!next) {
      next = new Map();
      const byDoc = new Map<string, Passage[]>();
      for (const p of snapshot.memory.values()) {
        const list = byDoc.get(p.docId);
        if (list) list.push(p);
        else byDoc.set(p.docId, [p]);
      }
      for (const list of byDoc.values()) {
        list.sort((a, b) => a.start - b.start);
        list.forEach((p, i) => i + 1 < list.length && next!.set(p.id, list[i + 1]));
      }
      nextPassages.set(snapshot, next);
    }
    return next.get(id);
  }

  async getPassage(id: string): Promise<Passage | undefined> {
    if (this.snapshot.memory) return this.snapshot.memory.get(id);
    const rows = await this.read((snapshot) => snapshot.passages.query().where(`id = ${quote(id)}`).select(PASSAGE_COLUMNS).limit(1).toArray());
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  /** Passages matching filters, in document order (for the studies view). */
  async listPassages(filters?: SearchFilters, limit = 500): Promise<Passage[]> {
    let list: Passage[];
    if (this.snapshot.memory) {
      const studies = filters?.studies;
      const sections = filters?.sections?.map((s) => toSectionId(s) ?? s);
      const docs = filters?.docs;
      list = [...this.snapshot.memory.values()].filter(
        (p) =>
          (!studies?.length || p.studies.some((s) => studies.includes(s))) &&
          (!sections?.length || sections.includes(p.section)) &&
          (!docs?.length || docs.includes(p.docId)),
      );
    } else {
      const where = whereClause(filters);
      const rows = await this.read((snapshot) => {
        let query = snapshot.passages.query().select(PASSAGE_COLUMNS).limit(limit);
        if (where) query = query.where(where);
        return query.toArray();
      });
      list = rows.map(fromRow);
    }
    return list.sort((a, b) => a.docId.localeCompare(b.docId) || a.start - b.start).slice(0, limit);
  }
}
