/**
 * The names by which a document's prose may speak of a study, derived from the study's own table cells
 * (never written by hand): acronyms ("MLMC", "PKSA"), names that are not ordinary words ("Rumah Faye",
 * "Sunu Ngesti Tomo", "Jepara"), names in quotation marks ("Save The Children"), and the authors'
 * surnames. A name counts only when no other study's cells use it, so it tells the studies apart.
 *
 * @example deriveAliases(rows) // Map { 9 => ["MLMC", "Rothman", ...], ... }
 */
import { isEnglishWord } from "../text/english-words.ts";
import { isIndonesianWord } from "../text/stem.ts";
import { analyze, STOP_WORDS, translateTerms } from "../text/analyze.ts";
import { isAcronym } from "../text/link-studies.ts";
import { escapeRegExp, foldCase } from "../text/tokenize.ts";

const ACRONYM = /\b[A-Z][A-Z0-9]{1,}[a-z]?[A-Z0-9]*s?\b/g;
const QUOTED = /[“"]([^”"]{3,60})[”"]/g;
/** Runs of capitalised words (a name), allowing short joiners ("of", "dan"). */
const CAPITALISED_RUN = /\p{Lu}[\p{L}'’-]+(?:\s+(?:(?:of|the|and|dan|for|my|de|la|van|von)\s+)?\p{Lu}[\p{L}'’-]+){0,4}/gu;
const MIN_ACRONYM = 3;
const MIN_NAME_WORD = 4;

const ordinary = (word: string) => {
  const w = foldCase(word).replace(/['’]s$/, "");
  return isEnglishWord(w) || isIndonesianWord(w);
};

/** A word written in lower case that is no ordinary word ("faye" in "di rumah faye") names something too. */
const MIN_LOWER_NAME = 4;
const LOWER_WORD = /(?<![\p{L}\p{N}-])\p{Ll}[\p{Ll}'’]+(?![\p{L}\p{N}-])/gu;

/** "My Life My Choice (MLMC)": an acronym defined in the text, and its long form. */
const DEFINED_ACRONYM = /((?:[\p{L}'’-]+\s+){1,8})\(([A-Z][A-Z0-9]{1,9})\)/gu;

function definedAcronyms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(DEFINED_ACRONYM)) {
    const words = m[1].trim().split(/\s+/);
    const letters = m[2].replace(/[0-9]/g, "");
    // The long form: the shortest tail of the preceding words whose capitals spell the acronym.
    for (let start = words.length - 1; start >= 0; start--) {
      const initials = words.slice(start).map((w) => w[0]).join("").toUpperCase();
      if (initials === letters) {
        out.push(words.slice(start).join(" "));
        break;
      }
    }
  }
  return out;
}

/** A lower-case name recurs ("di rumah faye ... rumah faye itu"); a word seen once is more likely a typo. */
const MIN_LOWER_NAME_USES = 2;

function candidatesOf(text: string): string[] {
  const out: string[] = [...definedAcronyms(text)];
  const uses = new Map<string, number>();
  for (const m of text.matchAll(LOWER_WORD)) uses.set(m[0], (uses.get(m[0]) ?? 0) + 1);
  for (const m of text.matchAll(LOWER_WORD)) {
    if (m[0].length < MIN_LOWER_NAME || ordinary(m[0]) || (uses.get(m[0]) ?? 0) < MIN_LOWER_NAME_USES) continue;
    out.push(m[0]);
    // With the noun before it, as prose writes the name: "rumah faye" (not "dan faye").
    const before = /([\p{L}]{4,})\s+$/u.exec(text.slice(Math.max(0, m.index - 30), m.index))?.[1];
    if (before && ordinary(before) && !STOP_WORDS.has(foldCase(before))) out.push(`${before} ${m[0]}`);
  }
  for (const m of text.matchAll(ACRONYM)) if (m[0].replace(/s$/, "").length >= MIN_ACRONYM && !/^\d/.test(m[0])) out.push(m[0]);
  for (const m of text.matchAll(QUOTED)) out.push(m[1].trim());
  for (const m of text.matchAll(CAPITALISED_RUN)) {
    const words = m[0].split(/\s+/);
    // Keep the stretch around the unusual words: "Balai Sunu Ngesti Tomo" -> "Sunu Ngesti Tomo".
    const unusual = words.map((w) => w.length >= MIN_NAME_WORD && !ordinary(w) && !/^[A-Z0-9]+$/.test(w));
    const first = unusual.indexOf(true);
    if (first < 0) continue;
    const last = unusual.lastIndexOf(true);
    out.push(words.slice(first, last + 1).join(" "));
    // Each unusual word alone too ("Faye" of "Rumah Faye" is how the prose may write it).
    words.forEach((w, i) => unusual[i] && out.push(w));
  }
  return out;
}

/**
 * Surnames: the last word of each listed author, when long enough and not an ordinary word, unless `own` says
 * the word is this study's alone ("Dewi Nawar Sri Juita": "juita" is an Indonesian word, and the name the
 * answers call the study by, "Juita & Wardhani").
 */
function surnamesOf(authors: string[], own: (word: string) => boolean = () => false): string[] {
  return authors
    .flatMap((a) => a.split(/\s*(?:,|&|\band\b|\bdan\b)\s*/))
    .map((name) => name.trim().split(/\s+/).at(-1) ?? "")
    .filter((s) => s.length >= MIN_NAME_WORD && /^\p{Lu}/u.test(s) && (!ordinary(s) || own(s)));
}

export interface RowText {
  number: number;
  /** All the text of the study's cells (to tell whether a name is unique to it). */
  text: string;
  /** The cells that may name it in prose: title, intervention, outcomes (not venue or database: the prose does not call a study by its journal). */
  nameCells: string[];
  authors: string[];
  /** Surnames its in-text citation names. */
  cited: string[];
}

/**
 * An acronym the lexicon translates is a concept's abbreviation ("LSM" -> organisasi nonpemerintah), not a
 * name. (Only acronyms: "Save The Children" is a name made of ordinary words.)
 */
function isConcept(candidate: string): boolean {
  if (!isAcronym(candidate)) return false;
  const terms = analyze(candidate).terms;
  if (terms.length === 0) return false;
  const translated = translateTerms(terms);
  return terms.every((t) => translated.has(t));
}

export function deriveAliases(rows: RowText[]): Map<number, string[]> {
  const folded = new Map(rows.map((r) => [r.number, ` ${foldCase(r.text).replace(/\s+/g, " ")} `]));
  const usedBy = (name: string) => {
    const key = foldCase(name);
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(key)}(?![\\p{L}\\p{N}])`, "u");
    return rows.filter((r) => pattern.test(folded.get(r.number)!)).map((r) => r.number);
  };
  const out = new Map<number, string[]>();
  for (const row of rows) {
    const names = new Set<string>();
    const own = (word: string) => usedBy(word).every((n) => n === row.number);
    const surnames = surnamesOf(row.authors, own);
    for (const c of [...row.nameCells.flatMap(candidatesOf), ...surnames, ...row.cited]) {
      // An abbreviation the lexicon translates is a concept, not a name ("LSM" is any NGO), however few rows use it.
      if (isConcept(c)) continue;
      const users = usedBy(c);
      // A two-word name built on an unusual lower-case word counts only if that word alone is this study's.
      const words = c.split(/\s+/);
      if (words.length === 2 && /^\p{Ll}/u.test(words[1]) && usedBy(words[1]).length !== 1) continue;
      if (users.length === 1 && users[0] === row.number) names.add(c);
      // Surnames are the study's own even when another row mentions them.
      else if ((row.cited.includes(c) || surnames.includes(c)) && c.length >= MIN_NAME_WORD) names.add(c);
    }
    out.set(row.number, [...names]);
  }
  return out;
}
