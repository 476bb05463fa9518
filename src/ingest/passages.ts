/**
 * One loaded document becomes its cleaned text, passages, study records and reference entries:
 * clean -> tables -> sections -> identity -> table passages and records -> study linking -> prose and
 * reference passages -> a PDF's own tables (read from its layout) as row passages in their sections.
 * Every passage is the slice [start, end) of the cleaned text.
 */
import { createHash } from "node:crypto";
import type { DocumentInfo } from "../domain/document.ts";
import { shortName } from "../domain/document.ts";
import type { Passage } from "../domain/passage.ts";
import type { SectionId } from "../domain/sections.ts";
import type { ReferenceEntry, StudyRecord } from "../domain/study.ts";
import type { Lang } from "../domain/lang.ts";
import { detectLanguage } from "../text/language.ts";
import { countryNames } from "../vocab/places.ts";
import { splitSentences } from "../text/sentences.ts";
import { deriveAliases } from "./aliases.ts";
import { chunkSentences, type SentenceUnit } from "./chunk.ts";
import { extractLines, joinLinesWithOffsets, Vocabulary } from "./clean.ts";
import type { Draft } from "./drafts.ts";
import { symbolDefinitions } from "../text/symbols.ts";
import { readIdentity, withCsl } from "./identity.ts";
import { createStudyLinker, type StudyLinker } from "../text/link-studies.ts";
import { buildRecords, type CellLocation } from "./records.ts";
import { referenceDrafts, type ParsedReference } from "./reference-list.ts";
import { formatCslAll, formatStudyReference, studyCsl } from "./references.ts";
import { splitSections, type Segment } from "./sections.ts";
import { DocumentWords, joinTwo } from "./pdf/join.ts";
import { pdfTableDrafts, withSymbolDefinitions } from "./pdf-table-passages.ts";
import type { PdfLayout } from "./pdf/types.ts";
import { referenceEntryDrafts, referenceRecords } from "./reference-records.ts";
import { findCitations } from "../text/in-text-citations.ts";
import { parseReferences } from "./references/parse-references.ts";
import type { CslRecord } from "./studies-json.ts";
import { parseTables } from "./table-parse.ts";
import { isStudyTable, tableDrafts, hardSplit } from "./table-passages.ts";
import type { RawDocument, SourceLine } from "./types.ts";

export interface PassageOptions {
  /** Upper bound of a passage, in characters (chosen by measurement: docs/ingest.md). */
  chunkMaxChars: number;
}

export interface Enrichment {
  /** CSL record of the document itself. */
  document?: CslRecord;
  /** CSL records of its studies, by number. */
  studies?: Map<number, CslRecord>;
}

export interface BuiltDocument {
  info: DocumentInfo;
  text: string;
  passages: Passage[];
  records: StudyRecord[];
  references: ReferenceEntry[];
}

/** "(Rusyidi et al., 2017)." at the end of a sentence: the cited study's scope ends there. */
const ENDS_WITH_CITATION = /\([^()]*\b(?:19|20)\d\d[a-z]?\)[.!?]?$/;

/** Paragraphs of a prose segment: runs of lines closed by a line that ends a paragraph. */
function paragraphsOf(lines: SourceLine[]): SourceLine[][] {
  const out: SourceLine[][] = [[]];
  for (const line of lines) {
    out[out.length - 1].push(line);
    if (line.paragraphEnd) out.push([]);
  }
  return out.filter((p) => p.length > 0);
}

/** Joins a paragraph's lines into running text, and says where each line starts in it. */
type Joiner = (lines: string[]) => { text: string; lineStarts: number[] };

/** A PDF's lines are joined with its own words and the dictionaries (line-end hyphens repaired). */
function pdfJoiner(layout: PdfLayout): Joiner {
  const words = new DocumentWords(layout.pages.flatMap((p) => p.lines.filter((l) => l.role !== "stamp").map((l) => l.text)));
  return (lines) => {
    let text = "";
    const lineStarts: number[] = [];
    for (const line of lines) {
      const next = line.trim();
      if (!text) {
        lineStarts.push(0);
        text = next;
        continue;
      }
      const joined = joinTwo(text, next, words);
      lineStarts.push(joined.length - next.length);
      text = joined;
    }
    return { text, lineStarts };
  };
}

function proseDrafts(segment: Segment, join: Joiner, linker: StudyLinker, options: PassageOptions): Draft[] {
  const units: SentenceUnit[] = [];
  const paragraphOf: number[] = [];
  paragraphsOf(segment.lines).forEach((paragraph, p) => {
    const { text, lineStarts } = join(paragraph.map((l) => l.text));
    splitSentences(text).forEach((span, k) => {
      let line = 0;
      while (line + 1 < lineStarts.length && lineStarts[line + 1] <= span.start) line++;
      // A "sentence" with no full stop for thousands of characters is cut, so no passage passes the cap.
      for (const piece of hardSplit(text.slice(span.start, span.end), options.chunkMaxChars)) {
        const role = paragraph[line].role;
        const aside = role === "footnote" || role === "caption" ? role : undefined;
        units.push({ text: piece, studies: linker.link(piece), page: paragraph[line].page, paragraphStart: k === 0, endsWithCitation: ENDS_WITH_CITATION.test(piece), ...(aside ? { aside } : {}) });
        paragraphOf.push(p);
      }
    });
  });
  let index = 0;
  return chunkSentences(units, { maxChars: options.chunkMaxChars }).map((chunk) => {
    const first = index;
    index += chunk.sentences.length;
    return {
      text: chunk.sentences.map((s) => s.text).join(" "),
      section: segment.section,
      heading: segment.heading,
      page: chunk.page,
      studies: chunk.studies,
      kind: chunk.sentences.every((s) => s.aside === "footnote") ? ("footnote" as const) : ("prose" as const),
      cells: [],
      context: "",
      continues: first > 0 && paragraphOf[first] === paragraphOf[first - 1],
    };
  });
}

function slug(text: string): string {
  return text.replace(/\.[a-z0-9]+$/i, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "doc";
}

/**
 * Passage ids come from the document, the section, the text and which occurrence of that text it is:
 * the same corpus always gives the same ids, and an edit elsewhere in the document leaves them alone.
 */
function passageId(docId: string, section: SectionId, text: string, occurrence: number): string {
  const hash = createHash("sha256").update(`${docId}\u0000${section}\u0000${text}\u0000${occurrence}`).digest("hex");
  return `${slug(docId)}-${section}-${hash.slice(0, 10)}`;
}

/** Assemble drafts into the document's text and passages (ids, offsets, language). */
function assemble(docId: string, groups: { segment: Segment; drafts: Draft[] }[], docLang: Lang): { text: string; passages: Passage[]; drafts: Draft[] } {
  let text = "";
  const passages: Passage[] = [];
  const drafts: Draft[] = [];
  const occurrences = new Map<string, number>();
  for (const { segment, drafts: list } of groups) {
    if (segment.heading && segment.kind !== "table") text += (text ? "\n\n" : "") + segment.heading;
    list.forEach((draft, i) => {
      text += text === "" ? "" : draft.continues && i > 0 ? " " : "\n\n";
      const start = text.length;
      text += draft.text;
      // Occurrences are counted per kind, so a table passage has the same id whatever prose surrounds it.
      const key = `${draft.section}\u0000${draft.kind}\u0000${draft.text}`;
      const occurrence = occurrences.get(key) ?? 0;
      occurrences.set(key, occurrence + 1);
      passages.push({
        id: passageId(docId, draft.section, `${draft.kind}\u0000${draft.text}`, occurrence),
        docId,
        text: draft.text,
        section: draft.section,
        heading: draft.heading,
        page: draft.page,
        studies: draft.studies,
        lang: detectLanguage(draft.text, docLang),
        kind: draft.kind,
        start,
        end: text.length,
        cells: draft.cells,
        context: draft.context,
      });
      drafts.push(draft);
    });
  }
  return { text, passages, drafts };
}

/** Cell locations of table drafts, once their passages have ids. */
function cellLocations(passages: Passage[], drafts: Draft[]): CellLocation[] {
  return drafts.flatMap((d, i) =>
    (d.cellRefs ?? []).map((ref) => ({ row: ref.row, column: ref.column, field: ref.field, passageId: passages[i].id, start: ref.start, end: ref.end, text: d.text.slice(ref.start, ref.end) })),
  );
}

export function buildDocument(raw: RawDocument, options: PassageOptions, enrichment: Enrichment = {}): BuiltDocument {
  const { lines, runningHeader } = extractLines(raw);
  const vocabulary = new Vocabulary(lines.map((l) => l.text));
  const tables = parseTables(lines.map((l) => ({ text: l.text, page: l.page })));
  const segments = splitSections(lines, tables.map((t) => ({ startLine: t.startLine, endLine: t.endLine - 1 })));
  const identity = readIdentity(raw, lines, runningHeader, enrichment.document);

  // 1. Included-studies tables: their passages, then the study records read from their cells.
  const tableGroups = segments.map((segment) => {
    const table = segment.table === undefined ? undefined : tables[segment.table];
    return { segment, drafts: table && isStudyTable(table) ? tableDrafts(segment, table, options.chunkMaxChars) : [] };
  });
  const tablePart = assemble(raw.id, tableGroups.filter((g) => g.drafts.length > 0), identity.lang);
  const locations = cellLocations(tablePart.passages, tablePart.drafts);
  const drafts = buildRecords(raw.id, locations);
  const rowTexts = new Map<number, string>();
  for (const loc of locations) rowTexts.set(loc.row, `${rowTexts.get(loc.row) ?? ""} ${loc.text}`);
  const aliases = deriveAliases(
    drafts.map((d) => ({
      number: d.number,
      text: rowTexts.get(d.number) ?? "",
      nameCells: locations.filter((l) => l.row === d.number && (l.field === "title" || l.field === "intervention" || l.field === "outcomes" || l.field === "aim")).map((l) => l.text),
      authors: (d.fields.authors ?? []).filter((v) => v.source === "table").map((v) => v.text),
      cited: (d.fields.authors ?? []).filter((v) => v.source === "citation").map((v) => v.text),
    })),
  );
  // A country only one study is set in names it too, in either language ("Pantai Gading", "Côte d'Ivoire").
  const countryUsers = new Map<string, number>();
  for (const d of drafts) for (const key of new Set((d.fields.country ?? []).flatMap((v) => v.keys))) countryUsers.set(key, (countryUsers.get(key) ?? 0) + 1);
  const unformatted = drafts.map((d) => {
    const own = (d.fields.country ?? []).filter((v) => countryUsers.get(v.keys[0]) === 1);
    const places = own.flatMap((v) => [v.text, ...v.keys.flatMap((k) => countryNames(k))]);
    return { ...d, aliases: [...new Set([...(aliases.get(d.number) ?? []), ...places])], reference: "" };
  });
  // (Their APA references in one citeproc run.)
  const apa = formatCslAll(unformatted.map((r) => studyCsl(r, enrichment.studies?.get(r.number))));
  const records: StudyRecord[] = unformatted.map((record, i) => ({ ...record, reference: apa[i], ...(enrichment.studies?.get(record.number)?.note ? { note: enrichment.studies.get(record.number)!.note } : {}) }));

  // 2. The reference list: from the PDF's layout when there is one, else from the text's lines.
  const layoutEntries = raw.layout ? parseReferences(raw.layout) : [];
  const parsedReferences: ParsedReference[] = layoutEntries.map((e) => ({
    index: e.index, label: e.label ?? null, raw: e.raw, authors: e.authors, year: e.year ?? null, title: e.title ?? null, venue: e.venue ?? null, doi: e.doi ?? null,
  }));
  // 3. Prose, linked to the table's studies; a paper without one links each sentence to the references it cites.
  const linker: StudyLinker =
    records.length > 0 || layoutEntries.length === 0
      ? createStudyLinker(records, { rowTexts })
      : { link: (text) => [...new Set(findCitations(text, layoutEntries).flatMap((c) => c.entries))].sort((a, b) => a - b) };
  const join: Joiner = raw.layout ? pdfJoiner(raw.layout) : (lines) => joinLinesWithOffsets(lines, vocabulary);
  let referencesPlaced = false;
  const groups = segments.map((segment, i) => {
    if (segment.kind === "table") return tableGroups[i];
    if (segment.kind === "references") {
      if (layoutEntries.length > 0) {
        // The layout's entries replace the lines (once, wherever the list's heading fell).
        if (referencesPlaced) return { segment, drafts: [] };
        referencesPlaced = true;
        return { segment, drafts: referenceEntryDrafts(layoutEntries, segment.heading, options.chunkMaxChars) };
      }
      const { drafts: refs, entries } = referenceDrafts(segment, vocabulary, options.chunkMaxChars);
      parsedReferences.push(...entries);
      return { segment, drafts: refs };
    }
    return { segment, drafts: proseDrafts(segment, join, linker, options) };
  });
  // 4. A PDF's tables (read from its layout, not from its text): row passages after the section's text.
  const pdfTables = pdfTableDrafts(raw, segments, (lines) => join(lines).text, options.chunkMaxChars);
  // A symbol the prose defines ("γ0 is the in-session discount factor") names the table row that gives its value.
  const symbols = pdfTables.size > 0 ? symbolDefinitions(groups.flatMap((g) => g.drafts.filter((d) => d.kind === "prose").map((d) => d.text))) : new Map<string, string>();
  const whole = assemble(
    raw.id,
    groups.map((g, i) => (pdfTables.has(i) ? { segment: g.segment, drafts: [...g.drafts, ...withSymbolDefinitions(pdfTables.get(i) ?? [], symbols)] } : g)),
    identity.lang,
  );
  const passageOfEntry = (index: number) => whole.passages[whole.drafts.findIndex((d) => d.referenceIndex === index)];
  const references: ReferenceEntry[] = parsedReferences.map((entry) => ({ ...entry, docId: raw.id, passageId: passageOfEntry(entry.index)?.id ?? "" }));
  // A paper's sources are its references: records of kind "reference" (the review's studies stay "study").
  if (records.length === 0 && layoutEntries.length > 0) records.push(...referenceRecords(raw.id, layoutEntries, passageOfEntry));
  const pageCount = raw.format === "pdf" ? raw.pages.length : Math.max(0, ...whole.passages.map((p) => p.page ?? 0)) || null;
  const info: DocumentInfo = {
    id: raw.id,
    ...identity,
    pages: pageCount,
    format: raw.format,
    sha256: raw.sha256,
    short: shortName(identity.authors, identity.year, identity.venue ?? identity.title),
    kind: records.some((r) => r.kind === "study") ? "review" : "paper",
    counts: { passages: whole.passages.length, studies: records.filter((r) => r.kind === "study").length, references: references.length },
    warnings: refusedPagesWarning(raw.refusedPages ?? [], pageCount),
  };
  return { info, text: whole.text, passages: whole.passages, records, references };
}

/** One line for a document's unreadable pages: "pages 2-22 of 23 left out: unreadable text layer (control characters: 83% of characters)". */
function refusedPagesWarning(refused: { page: number; reason: string }[], pageCount: number | null): string[] {
  if (refused.length === 0) return [];
  const runs: string[] = [];
  for (let i = 0; i < refused.length; ) {
    let j = i;
    while (j + 1 < refused.length && refused[j + 1].page === refused[j].page + 1) j++;
    runs.push(i === j ? String(refused[i].page) : `${refused[i].page}-${refused[j].page}`);
    i = j + 1;
  }
  const of = pageCount ? ` of ${pageCount}` : "";
  return [`${refused.length === 1 ? "page" : "pages"} ${runs.join(", ")}${of} left out: unreadable text layer (${refused[0].reason}${refused.length > 1 ? ", ..." : ""}); it may need OCR`];
}

/** corpus/studies.json's metadata on a built document: its identity, and its studies' references and notes. */
export function applyEnrichment(doc: BuiltDocument, enrichment: Enrichment): BuiltDocument {
  const identity = enrichment.document ? withCsl(doc.info, enrichment.document) : doc.info;
  const info: DocumentInfo = { ...doc.info, ...identity, short: shortName(identity.authors, identity.year, identity.venue ?? identity.title) };
  const records = doc.records.map((r) => {
    const csl = r.kind === "study" && r.number !== null ? enrichment.studies?.get(r.number) : undefined;
    return csl ? { ...r, reference: formatStudyReference(r, csl), ...(csl.note ? { note: csl.note } : {}) } : r;
  });
  return { ...doc, info, records };
}
