/**
 * A loaded document becomes passages: clean -> sections -> tables and prose -> link to studies -> chunk.
 * Also returns the document's cleaned text; every passage is the slice [start, end) of it.
 */
import { createHash } from "node:crypto";
import { extractLines, joinLinesWithOffsets, Vocabulary } from "./clean.ts";
import { chunkSentences, type SentenceUnit } from "./chunk.ts";
import { createStudyLinker, type StudyLinker } from "./link-studies.ts";
import { splitSections, type Segment } from "./sections.ts";
import type { StudyCatalog } from "./studies.ts";
import { parseResultsTable, parseStudyTable, type ResultsRow, type StudyRow } from "./tables.ts";
import type { Passage, PassageKind, RawDocument, SectionId, SourceLine } from "./types.ts";
import { detectLanguage } from "../text/language.ts";
import { splitSentences } from "../text/sentences.ts";

export interface PassageOptions {
  /** Upper bound of a prose passage, in characters (chosen by measurement: docs/ingest.md). */
  chunkMaxChars: number;
}

export interface CleanedDocument {
  docId: string;
  text: string;
  passages: Passage[];
}

/** Heading shown in the cleaned text for each section. */
const SECTION_TITLES: Record<SectionId, string> = {
  body: "",
  abstrak: "ABSTRAK",
  abstract: "ABSTRACT",
  pendahuluan: "Pendahuluan",
  metode: "Metode Penelitian",
  hasil: "Hasil (No. | Judul Artikel | Hasil)",
  pembahasan: "Pembahasan",
  simpulan: "Simpulan",
  tabel: "Tabel (No. | Database | Judul Artikel | Nama Jurnal | Nama Penulis | Tahun | Metode | Intervensi | Hasil)",
};

/** "(Rusyidi et al., 2017)." or "(Kalsum, 2021)." at the end of a sentence. */
const IN_TEXT_CITATION = /\([^()]*\b(?:19|20)\d\d\)[.!?]?$/;

interface Draft {
  text: string;
  section: SectionId;
  page: number | null;
  studies: number[];
  kind: PassageKind;
  context: string;
  /** Joined to the previous draft with a space (same paragraph) instead of a blank line. */
  continues: boolean;
}

/** Paragraphs of a prose segment: runs of lines closed by a line that ends a paragraph. */
function paragraphsOf(lines: SourceLine[]): SourceLine[][] {
  const out: SourceLine[][] = [[]];
  for (const line of lines) {
    out[out.length - 1].push(line);
    if (line.paragraphEnd) out.push([]);
  }
  return out.filter((p) => p.length > 0);
}

function proseDrafts(segment: Segment, vocabulary: Vocabulary, linker: StudyLinker, options: PassageOptions): Draft[] {
  const units: SentenceUnit[] = [];
  const paragraphOf: number[] = [];
  paragraphsOf(segment.lines).forEach((paragraph, p) => {
    const { text, lineStarts } = joinLinesWithOffsets(paragraph.map((l) => l.text), vocabulary);
    splitSentences(text).forEach((span, k) => {
      let line = 0;
      while (line + 1 < lineStarts.length && lineStarts[line + 1] <= span.start) line++;
      const sentence = text.slice(span.start, span.end);
      units.push({
        text: sentence,
        studies: linker.link(sentence),
        page: paragraph[line].page,
        paragraphStart: k === 0,
        endsWithCitation: IN_TEXT_CITATION.test(sentence),
      });
      paragraphOf.push(p);
    });
  });
  let index = 0;
  return chunkSentences(units, { maxChars: options.chunkMaxChars }).map((chunk) => {
    const first = index;
    index += chunk.sentences.length;
    return {
      text: chunk.sentences.map((s) => s.text).join(" "),
      section: segment.section,
      page: chunk.page,
      studies: chunk.studies,
      kind: "prose",
      context: "",
      continues: first > 0 && paragraphOf[first] === paragraphOf[first - 1],
    };
  });
}

/** Split a long table cell into pieces of whole sentences, each under maxChars where possible. */
function cellPieces(text: string, maxChars: number): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const span of splitSentences(text)) {
    const sentence = text.slice(span.start, span.end);
    if (current && current.length + sentence.length + 1 > maxChars) {
      pieces.push(current);
      current = "";
    }
    current = current ? `${current} ${sentence}` : sentence;
  }
  if (current) pieces.push(current);
  return pieces;
}

function resultsTableDrafts(rows: ResultsRow[]): Draft[] {
  return rows.map((row) => ({
    text: `No. ${row.number}\nJudul Artikel: ${row.title}\nHasil: ${row.result}`,
    section: "hasil",
    page: row.page,
    studies: [row.number],
    kind: "table-row",
    context: "",
    continues: false,
  }));
}

function studyTableDrafts(rows: StudyRow[], options: PassageOptions): Draft[] {
  const drafts: Draft[] = [];
  for (const row of rows) {
    const base = { section: "tabel" as const, page: row.page, studies: [row.number], kind: "table-row" as const, continues: false };
    drafts.push({
      ...base,
      context: "",
      text: [
        `No. ${row.number}`,
        `Database: ${row.database}`,
        `Judul Artikel: ${row.title}`,
        `Nama Jurnal: ${row.journal}`,
        `Nama Penulis: ${row.authors}`,
        `Tahun: ${row.year}`,
        `Metode: ${row.method}`,
      ].join("\n"),
    });
    for (const [label, cell] of [["Intervensi", row.intervention], ["Hasil", row.result]] as const) {
      if (!cell) continue;
      for (const piece of cellPieces(cell, options.chunkMaxChars)) {
        drafts.push({ ...base, context: row.title, text: `No. ${row.number}, ${label}: ${piece}` });
      }
    }
  }
  return drafts;
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

export function buildPassages(doc: RawDocument, catalog: StudyCatalog, options: PassageOptions): CleanedDocument {
  const lines = extractLines(doc);
  const vocabulary = new Vocabulary(lines.map((l) => l.text));
  const segments = splitSections(lines, vocabulary);

  const resultsSegment = segments.find((s) => s.kind === "results-table");
  const results = resultsSegment ? parseResultsTable(resultsSegment.lines, catalog.studies, vocabulary) : [];
  const studyRows = segments
    .filter((s) => s.kind === "study-table")
    .flatMap((s) => parseStudyTable(s.lines, catalog.studies, results, vocabulary));

  const rowTexts = new Map<number, string>();
  for (const r of results) rowTexts.set(r.number, `${rowTexts.get(r.number) ?? ""} ${r.result}`);
  for (const r of studyRows) rowTexts.set(r.number, `${rowTexts.get(r.number) ?? ""} ${r.intervention} ${r.result}`);
  const linker = createStudyLinker(catalog, { rowTexts });

  const passages: Passage[] = [];
  const occurrences = new Map<string, number>();
  let text = "";
  for (const segment of segments) {
    const drafts =
      segment.kind === "results-table" ? resultsTableDrafts(results)
      : segment.kind === "study-table" ? studyTableDrafts(studyRows, options)
      : proseDrafts(segment, vocabulary, linker, options);
    const title = SECTION_TITLES[segment.section];
    if (title) text += (text ? "\n\n" : "") + title;
    drafts.forEach((draft, i) => {
      text += text === "" ? "" : draft.continues && i > 0 ? " " : "\n\n";
      const start = text.length;
      text += draft.text;
      const key = `${segment.section}\u0000${draft.text}`;
      const occurrence = occurrences.get(key) ?? 0;
      occurrences.set(key, occurrence + 1);
      passages.push({
        id: passageId(doc.id, segment.section, draft.text, occurrence),
        docId: doc.id,
        text: draft.text,
        section: draft.section,
        page: draft.page,
        studies: draft.studies,
        lang: detectLanguage(draft.text),
        kind: draft.kind,
        start,
        end: text.length,
        context: draft.context,
      });
    });
  }
  return { docId: doc.id, text, passages };
}
