/**
 * Bilingual vocabularies kept as data (design.json, population.json, databases.json): each key has an
 * English and an Indonesian label and the phrases, in either language, that name it. Text is matched on
 * word stems, so "kualitatif", "qualitative" and "Qualitative research" all give the key "qualitative"; a
 * pattern written "=word" matches only that word as written (for a word whose stem means something else).
 *
 * @example
 *   const designs = loadVocabulary("design");
 *   designs.match("Penelitian kualitatif, dan wawancara") // [{ key: "qualitative", ... }, { key: "interview", ... }]
 *   designs.label("qualitative", "en") // "qualitative"
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { DataFileError } from "../domain/errors.ts";
import type { Lang } from "../domain/lang.ts";
import { stemSpans } from "../text/analyze.ts";
import { escapeRegExp } from "../text/tokenize.ts";

export type VocabularyName = "design" | "population" | "databases" | "cues" | "regions" | "languages";

const Entry = z.object({ en: z.string().min(1), id: z.string().min(1), patterns: z.array(z.string().min(1)).min(1) });
const File = z.record(z.string(), z.union([Entry, z.string()]));

export interface VocabularyMatch {
  key: string;
  /** Offsets of the matched phrase in the text. */
  start: number;
  end: number;
}

export interface Vocabulary {
  readonly name: VocabularyName;
  readonly keys: string[];
  match(text: string): VocabularyMatch[];
  label(key: string, lang: Lang): string;
  /** Stems of every phrase of a key (to recognise it in a question). */
  stemsOf(key: string): string[][];
}

const cache = new Map<VocabularyName, Vocabulary>();

export function loadVocabulary(name: VocabularyName): Vocabulary {
  const cached = cache.get(name);
  if (cached) return cached;
  const url = new URL(`./${name}.json`, import.meta.url);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(url, "utf8"));
  } catch (error) {
    throw new DataFileError(url.pathname, undefined, `cannot read the ${name} vocabulary (${(error as Error).message})`);
  }
  const parsed = File.safeParse(raw);
  if (!parsed.success) throw new DataFileError(url.pathname, undefined, `${parsed.error.issues[0].path.join(".")}: ${parsed.error.issues[0].message}`);
  const entries = new Map<string, z.infer<typeof Entry>>();
  for (const [key, value] of Object.entries(parsed.data)) if (typeof value !== "string") entries.set(key, value);
  // Phrases as stem sequences, longest first, so "case control" wins over a shorter overlapping phrase.
  // Cue words are often stop words ("karena", "should"): that vocabulary keeps them.
  const keep = name === "cues";
  // Stemmed exactly as match() stems the text it searches ("meta-analysis" is one glued stem there, as here).
  const stemsOf = (text: string) => stemSpans(text, keep).map((s) => s.stem);
  // A pattern written "=word" matches that word exactly, not its stem: "=sebaiknya" (should) must not match
  // every "baik" (good), which is what its stem is.
  // A phrase that loses a word to stemming (a stop word of the domain: "tinjauan pustaka" is the stem
  // "pustaka", "literature review" "literatur") matches only where it is written whole: "perpustakaan" (a
  // library) has the stem and is no literature review, nor is "literatur" alone.
  const whole = (p: string) => new RegExp(`(?<![\\p{L}])${p.toLowerCase().split(/\s+/).map(escapeRegExp).join("\\s+")}\\p{L}*`, "giu");
  /** Whether the phrase is written whole over the span of its stems. */
  const writtenOver = (pattern: RegExp, text: string, start: number, end: number) => [...text.matchAll(pattern)].some((m) => m.index <= start && m.index + m[0].length >= end);
  const phrases = [...entries]
    .flatMap(([key, e]) =>
      e.patterns.map((p) => {
        if (p.startsWith("=")) return { key, stems: p.slice(1).toLowerCase().split(/\s+/), exact: true };
        const stems = stemsOf(p);
        // (Not for a joining word dropped: "in English", "Web of Science" stay as lenient as their stems.)
        const dropsWord = p.trim().split(/\s+/).some((w) => w.length > 3 && stemsOf(w).length === 0);
        return { key, stems, exact: false, ...(dropsWord ? { written: whole(p) } : {}) };
      }),
    )
    .filter((p) => p.stems.length > 0);
  phrases.sort((a, b) => b.stems.length - a.stems.length);
  const vocabulary: Vocabulary = {
    name,
    keys: [...entries.keys()],
    match(text) {
      const spans = stemSpans(text, keep);
      const out: VocabularyMatch[] = [];
      const used = new Array<boolean>(spans.length).fill(false);
      for (const phrase of phrases) {
        for (let i = 0; i + phrase.stems.length <= spans.length; i++) {
          const at = (j: number) => (phrase.exact ? text.slice(spans[i + j].start, spans[i + j].end).toLowerCase() : spans[i + j].stem);
          if (used[i] || !phrase.stems.every((s, j) => at(j) === s && !used[i + j])) continue;
          if (phrase.written && !writtenOver(phrase.written, text, spans[i].start, spans[i + phrase.stems.length - 1].end)) continue;
          for (let j = 0; j < phrase.stems.length; j++) used[i + j] = true;
          out.push({ key: phrase.key, start: spans[i].start, end: spans[i + phrase.stems.length - 1].end });
        }
      }
      return out.sort((a, b) => a.start - b.start);
    },
    label: (key, lang) => entries.get(key)?.[lang] ?? key,
    stemsOf: (key) => phrases.filter((p) => p.key === key).map((p) => p.stems),
  };
  cache.set(name, vocabulary);
  return vocabulary;
}

/** The distinct keys of the matches, in order of first appearance. */
export const keysOf = (matches: VocabularyMatch[]): string[] => [...new Set(matches.map((m) => m.key))];
