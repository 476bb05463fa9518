/**
 * Study records from the cells of a document's included-studies tables (one record per row number,
 * merged across tables), every value with the passage and span it was read from.
 *  - Table cells give title, authors, year, venue, database, design, intervention, outcomes...
 *  - An in-text citation inside a cell ("(Falaq et al., 2016)") gives a citation, a year and a surname;
 *    where it contradicts the year or author columns, both values are kept and the field is a conflict.
 *  - Design, population, database and country are normalised through the bilingual vocabularies;
 *    countries and places are found in the study's own cells (title, intervention, outcomes).
 *  - Recommendations, theories and aims are the cell sentences that say so (cue words, both languages).
 */
import { isColumnLabel } from "./table-header.ts";
import type { FieldValue, StudyField, StudyRecord } from "../domain/study.ts";
import { detectTitleLanguage } from "../text/language.ts";
import { STATED_AIM } from "../text/stated.ts";
import { splitSentences } from "../text/sentences.ts";
import { findPlaces } from "../vocab/places.ts";
import { keysOf, loadVocabulary } from "../vocab/vocabulary.ts";
import { findAuthorYear, formatAuthorYear } from "../text/author-year.ts";

/** One piece of a cell as it ended up in a passage. */
export interface CellLocation {
  row: number;
  column: string;
  field: StudyField | null;
  passageId: string;
  /** Offsets in the passage text, and the text there. */
  start: number;
  end: number;
  text: string;
}

type Draft = Omit<StudyRecord, "reference" | "aliases" | "note">;

const YEAR = /\b(?:19|20)\d\d\b/;

function value(loc: CellLocation, start = 0, end = loc.text.length, keys: string[] = [], source: FieldValue["source"] = "table"): FieldValue {
  return { text: loc.text.slice(start, end), keys, passageId: loc.passageId, start: loc.start + start, end: loc.start + end, source };
}

function add(draft: Draft, field: StudyField, v: FieldValue) {
  // A cell holding a column's name ("Desain Studi" where the design should be) says nothing of the study.
  if (v.source === "table" && isColumnLabel(v.text)) return;
  const list = (draft.fields[field] ??= []);
  if (!list.some((x) => x.passageId === v.passageId && x.start === v.start && x.end === v.end)) list.push(v);
}

/** Sentences of a cell piece whose words include a cue of the given kind. */
function cueSentences(loc: CellLocation, cue: string): { start: number; end: number }[] {
  const cues = loadVocabulary("cues");
  return splitSentences(loc.text).filter((s) => cues.match(loc.text.slice(s.start, s.end)).some((m) => m.key === cue));
}

function readCell(draft: Draft, loc: CellLocation) {
  const field = loc.field;
  const citations = findAuthorYear(loc.text);
  for (const c of citations) {
    draft.citation ??= formatAuthorYear(c);
    const at = loc.text.indexOf(String(c.year), c.start);
    add(draft, "year", value(loc, at, at + 4, [String(c.year)], "citation"));
    const surname = c.surnames[0];
    const s = loc.text.indexOf(surname, c.start);
    if (s >= 0) add(draft, "authors", value(loc, s, s + surname.length, [surname.toLowerCase()], "citation"));
  }
  switch (field) {
    case "title":
    case "authors":
    case "intervention":
    case "outcomes":
    case "aim":
    case "recommendations":
    case "theory":
      add(draft, field, value(loc));
      break;
    case "venue": {
      // The venue without the citation that shares its cell.
      const first = citations[0];
      const end = first ? first.start : loc.text.length;
      const trimmed = loc.text.slice(0, end).trimEnd();
      if (trimmed) add(draft, "venue", value(loc, 0, trimmed.length));
      break;
    }
    case "year": {
      const m = YEAR.exec(loc.text);
      if (m && !citations.some((c) => m.index >= c.start && m.index < c.end)) add(draft, "year", value(loc, m.index, m.index + 4, [m[0]]));
      break;
    }
    case "database":
    case "design": {
      const vocabulary = loadVocabulary(field === "database" ? "databases" : "design");
      add(draft, field, value(loc, 0, loc.text.length, keysOf(vocabulary.match(loc.text))));
      break;
    }
    case "country":
    case "population":
      add(draft, field, value(loc));
      break;
  }
  // What the study's own text says beyond its column: designs named in a method sentence or the title,
  // places, population groups, and sentences that recommend, name a theory or state an aim.
  if (field !== "design" && field !== "database") {
    const design = loadVocabulary("design");
    const spans = field === "title" ? [{ start: 0, end: loc.text.length }] : cueSentences(loc, "method");
    for (const span of spans) {
      for (const m of design.match(loc.text.slice(span.start, span.end))) add(draft, "design", value(loc, span.start + m.start, span.start + m.end, [m.key], "text"));
    }
  }
  if (field === "title" || field === "intervention" || field === "outcomes" || field === "aim" || field === null) {
    for (const place of findPlaces(loc.text)) add(draft, "country", value(loc, place.start, place.end, [place.country], "text"));
    const population = loadVocabulary("population");
    for (const m of population.match(loc.text)) add(draft, "population", value(loc, m.start, m.end, [m.key], "text"));
    for (const [cue, target] of [["recommendation", "recommendations"], ["theory", "theory"], ["aim", "aim"]] as const) {
      if (field === target) continue;
      // An aim outside the aim column is the study's when the study says it of itself: "Development Bank
      // program yang bertujuan ..." is a program's aim, not what the study set out to do.
      const own = (s: { start: number; end: number }) => cue !== "aim" || STATED_AIM.test(loc.text.slice(s.start, s.end));
      for (const s of cueSentences(loc, cue).filter(own)) add(draft, target, value(loc, s.start, s.end, [], "text"));
    }
  }
}

/**
 * Places below country level: the study's setting. When the study names no country, they give it one; when
 * it does, only places in that country are its setting ("di Jawa Barat" beside "Indonesia").
 */
function readSettings(draft: Draft, locations: CellLocation[]) {
  const countries = new Set((draft.fields.country ?? []).flatMap((v) => v.keys));
  for (const loc of locations) {
    if (loc.field !== "title" && loc.field !== "intervention" && loc.field !== "outcomes") continue;
    for (const place of findPlaces(loc.text, { gazetteer: true })) {
      if (place.kind === "country" || (countries.size > 0 && !countries.has(place.country))) continue;
      add(draft, "setting", value(loc, place.start, place.end, [place.country], "text"));
      if (countries.size === 0) add(draft, "country", value(loc, place.start, place.end, [place.country], "text"));
    }
  }
}

/** The language a study is written in, as its title shows (a review may mix Indonesian and English sources). */
function addLanguage(draft: Draft) {
  const title = (draft.fields.title ?? []).find((v) => v.source === "table") ?? draft.fields.title?.[0];
  if (!title || title.text.trim().split(/\s+/).length < MIN_TITLE_WORDS_FOR_LANGUAGE) return;
  draft.fields.language = [{ ...title, keys: [detectTitleLanguage(title.text)] }];
}

/** Fewer words than this say too little about their language. */
const MIN_TITLE_WORDS_FOR_LANGUAGE = 3;

/** Fields whose values disagree: years that differ; a cited surname not among the listed authors. */
function conflictsOf(draft: Draft): StudyField[] {
  const out: StudyField[] = [];
  const years = new Set((draft.fields.year ?? []).flatMap((v) => v.keys));
  if (years.size > 1) out.push("year");
  const listed = (draft.fields.authors ?? []).filter((v) => v.source === "table").map((v) => v.text.toLowerCase()).join(" ");
  const cited = (draft.fields.authors ?? []).filter((v) => v.source === "citation");
  if (listed && cited.some((c) => !listed.includes(c.text.toLowerCase()))) out.push("authors");
  return out;
}

/** Values found in the text (not a cell of their own) that only repeat a key already given are left out. */
const DERIVED: ReadonlySet<StudyField> = new Set(["design", "country", "setting", "population"]);
/** Free-text fields keep one value per distinct text (the two tables may repeat a title). */
const SAME_TEXT = (a: FieldValue, b: FieldValue) => a.text.trim().toLowerCase() === b.text.trim().toLowerCase();

/** Order a field's values (table cells, then citations, then text) and drop repeats. */
function tidy(draft: Draft) {
  const rank = { table: 0, citation: 1, text: 2 } as const;
  for (const [field, list] of Object.entries(draft.fields) as [StudyField, FieldValue[]][]) {
    list.sort((a, b) => rank[a.source] - rank[b.source]);
    const kept: FieldValue[] = [];
    for (const v of list) {
      if (DERIVED.has(field) && v.source === "text" && v.keys.every((k) => kept.some((x) => x.keys.includes(k)))) continue;
      if (!DERIVED.has(field) && v.source === "table" && kept.some((x) => x.source === "table" && SAME_TEXT(x, v))) continue;
      if (v.source === "text" && !DERIVED.has(field) && kept.some((x) => SAME_TEXT(x, v))) continue;
      kept.push(v);
    }
    draft.fields[field] = kept;
  }
}

export function buildRecords(docId: string, locations: CellLocation[]): Omit<StudyRecord, "reference" | "aliases" | "note">[] {
  const rows = [...new Set(locations.map((l) => l.row))].sort((a, b) => a - b);
  return rows.map((number) => {
    const own = locations.filter((l) => l.row === number);
    const draft: Draft = { docId, number, kind: "study", fields: {}, citation: null, conflicts: [] };
    for (const loc of own) readCell(draft, loc);
    readSettings(draft, own);
    tidy(draft);
    addLanguage(draft);
    draft.conflicts = conflictsOf(draft);
    return draft;
  });
}
