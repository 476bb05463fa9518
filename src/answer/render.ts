/**
 * Writing answer sentences: a builder that puts the assistant's words, «quotes» and citation markers
 * together and keeps the structure (which spans are quotes, which citations a sentence carries), and the
 * names answers use for studies and values, in the asker's language.
 */
import type { Lang } from "../domain/lang.ts";
import type { FieldValue, StudyField, StudyRecord } from "../domain/study.ts";
import { countryName } from "../vocab/places.ts";
import { loadVocabulary } from "../vocab/vocabulary.ts";
import { MESSAGES, theCountry } from "./messages.ts";
import type { AnswerSentence } from "./types.ts";

export class SentenceBuilder {
  private text = "";
  private readonly quotes: { start: number; end: number }[] = [];
  private readonly cited: number[] = [];

  say(words: string): this {
    this.text += words;
    return this;
  }

  /** A verbatim span of the source, marked «...». */
  quote(words: string): this {
    const start = this.text.length;
    this.text += `«${words}»`;
    this.quotes.push({ start, end: this.text.length });
    return this;
  }

  cite(...ns: number[]): this {
    const fresh = ns.filter((n, i) => ns.indexOf(n) === i);
    if (fresh.length === 0) return this;
    this.text += ` ${fresh.map((n) => `[${n}]`).join("")}`;
    for (const n of fresh) if (!this.cited.includes(n)) this.cited.push(n);
    return this;
  }

  /** Another builder's words, quotes and citations, in order. */
  append(other: SentenceBuilder): this {
    const base = this.text.length;
    this.text += other.text;
    for (const q of other.quotes) this.quotes.push({ start: q.start + base, end: q.end + base });
    for (const n of other.cited) if (!this.cited.includes(n)) this.cited.push(n);
    return this;
  }

  /**
   * The same, inside a sentence already begun: its first word loses its capital ("...; the program of Study 8:
   * «...»"), unless it names something ("Study 8 reports", "MLMC").
   */
  appendWithin(other: SentenceBuilder): this {
    const named = /^\S+\s+\d|^\p{Lu}{2}/u.test(other.text) || other.text.startsWith("«");
    const base = this.text.length;
    this.append(other);
    if (!named) this.text = this.text.slice(0, base) + this.text.charAt(base).toLowerCase() + this.text.slice(base + 1);
    return this;
  }

  get empty(): boolean {
    return this.text.trim() === "";
  }

  done(kind: AnswerSentence["kind"] = "composed", item = false): AnswerSentence {
    let text = this.text.trim();
    if (kind !== "frame" && !/[.!?:]$/.test(text)) text += ".";
    return { text, citations: [...this.cited], kind, ...(item ? { item: true } : {}), ...(this.quotes.length > 0 ? { quotes: this.quotes } : {}) };
  }
}

/** Family names of a record's listed authors (or of its in-text citation): "Rothman et al.", "Aprilianzah & Bantarti". */
export function authorShort(record: StudyRecord): string | undefined {
  const listed = record.fields.authors?.find((v) => v.source === "table")?.text;
  const names = (listed ?? "")
    .split(/\s*(?:,|;|&|\band\b|\bdan\b)\s*/)
    .map((n) => n.trim())
    .filter((n) => n && !/^et\.?\s*al\.?$/i.test(n) && /\p{L}/u.test(n));
  const family = names.map((n) => n.split(/\s+/).at(-1)!);
  const etAl = /et\.?\s*al/i.test(listed ?? "");
  if (family.length === 0) return record.citation?.replace(/,\s*\d{4}$/, "");
  if (family.length === 1) return etAl ? `${family[0]} et al.` : family[0];
  if (family.length === 2 && !etAl) return `${family[0]} & ${family[1]}`;
  return `${family[0]} et al.`;
}

/**
 * "Study 9 (Rothman et al., 2019)" / "Studi 9 (Rothman et al., 2019)"; with the name the asker used for it,
 * "Study 9 (MLMC; Rothman et al., 2019)", so the reader sees the study they meant.
 */
export function studyLabel(record: StudyRecord, lang: Lang, by?: string): string {
  const who = authorShort(record);
  const year = record.fields.year?.find((v) => v.source === "table")?.keys[0] ?? record.fields.year?.[0]?.keys[0];
  const inside = [who, year].filter(Boolean).join(", ");
  const named = by && !(who ?? "").toLowerCase().includes(by.toLowerCase()) ? `${by}; ` : "";
  return `${MESSAGES[lang].study(record.number)}${inside || named ? ` (${named}${inside})` : ""}`;
}

/** A categorical key in the asker's language: "CI" -> "Côte d'Ivoire" / "Pantai Gading"; "qualitative" -> "kualitatif". */
export function keyLabel(field: StudyField, key: string, lang: Lang): string {
  switch (field) {
    case "country":
    case "setting":
      return countryName(key, lang);
    case "design":
      return loadVocabulary("design").label(key, lang);
    case "population":
      return loadVocabulary("population").label(key, lang);
    case "database":
      return loadVocabulary("databases").label(key, lang);
    case "language":
      return loadVocabulary("languages").label(key, lang);
    default:
      return key;
  }
}

/** Fields whose value is a name, number or title: written as the source writes it (no translation needed). */
const VERBATIM: ReadonlySet<StudyField> = new Set(["authors", "year", "venue"]);

/**
 * A field value as the answer writes it: categorical values by their label in the asker's language (the
 * citation shows the source's words); names and years as written; titles and other text quoted.
 */
export function writeValue(b: SentenceBuilder, field: StudyField, value: FieldValue, lang: Lang): SentenceBuilder {
  if (field === "setting") return b.say(value.text);
  if (value.keys.length > 0 && !VERBATIM.has(field)) {
    const labels = value.keys.map((k) => (field === "country" && lang === "en" ? theCountry(keyLabel(field, k, lang)) : keyLabel(field, k, lang))).join(", ");
    b.say(labels);
    // A cell that says more than its label ("Deskripsi intervensi jangka panjang") is shown as written too.
    if (field === "design" && value.text.toLowerCase() !== labels.toLowerCase()) b.say(" (").quote(value.text).say(")");
    return b;
  }
  if (VERBATIM.has(field)) return b.say(value.text);
  return b.quote(value.text);
}
