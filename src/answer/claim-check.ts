/**
 * Claim checking: is one sentence a model wrote supported by the texts it cites? Pure, and plain data in
 * and out (the sentence, the cited texts), so the same check serves retrieved passages today and
 * study-record values later.
 *
 * A sentence is supported when all of these hold:
 *  - it cites something, or it is one of the assistant's fixed frame phrases ("According to the review:");
 *  - every quoted span is a verbatim substring of ONE cited text (whitespace, quote marks, dashes and case
 *    normalised; "..." may join pieces of that one text, in order);
 *  - every number (percentages and years included) occurs in a cited text, and a study named by its number
 *    ("study 9", "studi nomor 9") is one the cited texts belong to;
 *  - every proper name, acronym and link occurs in a cited text;
 *  - at least MIN_CONTENT_OVERLAP of its content words occur in the cited texts, directly or through the
 *    English-Indonesian lexicon (src/text/analyze.ts).
 *
 * @example
 *   checkClaim({ text: "After 12 months, CSE fell to 14% [1].", cited: ["... pada 12 bulan menjadi 14% ... CSE ..."] })
 *   // { supported: true, problems: [], overlap: 0.67, frame: false }
 */
import { analyze, contentStems, STOP_WORDS, translatePhrases, translateTerms } from "../text/analyze.ts";
import { stem } from "../text/stem.ts";
import { foldCase, tokenize } from "../text/tokenize.ts";
import { ATTRIBUTION, isCognateOf, NEGATION, NUMBER_WORDS, STRONG_WORD_GROUPS, STRONG_WORDS } from "./claim-words.ts";
import { FRAME_PHRASES } from "./messages.ts";

/**
 * The share of a sentence's content words (besides its names, negations and attribution words) that must
 * occur in what it cites. Calibrated on the sentences of test/fixtures/model-outputs.ts marked
 * `calibration` (docs/RELIABILITY.md, section 1): hostile sentences that nothing but the overlap catches
 * have 0 to 2/5, honest ones 2/5 to 1 (the one honest sentence at 2/5 says "turun" where the review misspells
 * "menuruj"). 0.45 lets no hostile sentence through and makes one mistake, as few as any threshold makes.
 */
export const MIN_CONTENT_OVERLAP = 0.45;

export interface ClaimInput {
  /** The sentence as written (citation markers are ignored). */
  text: string;
  /** The texts the sentence cites: passages, and what the model was told about them. Empty when it cites nothing. */
  cited: string[];
  /** Study numbers the cited texts belong to. Absent: a study named by number is checked as a plain number. */
  citedStudies?: number[];
}

export type ClaimProblemKind = "uncited" | "quote" | "number" | "study" | "name" | "link" | "strong" | "overlap";

export interface ClaimProblem {
  kind: ClaimProblemKind;
  /** What failed: the quote, number, name or link, or the overlap share. */
  detail: string;
}

export interface ClaimVerdict {
  supported: boolean;
  /** The sentence is one of the fixed frame phrases (needs no citation). */
  frame: boolean;
  problems: ClaimProblem[];
  /** Share of content words found in the cited texts (null when not computed: a frame, or nothing cited). */
  overlap: number | null;
}

/** Citation markers, including look-alikes: "[1]", "[1, 2]", "[ 9 ]", "[^5]", "【42】", "［8］". */
export const ANY_MARKER = /[[［【〔⟦]\s*\^?\s*\d+(?:\s*[,，]\s*\d+)*\s*[\]］】〕⟧]/g;

const QUOTE_CHARS = /[“”„‟«»″〝〞＂]/g;
const SINGLE_QUOTE_CHARS = /[‘’‚‛′`]/g;
const DASHES = /[‐‑‒–—―−]/g;

/** Whitespace, quote marks, dashes, ellipses and case made uniform, for verbatim comparison. */
export function normalizeForQuote(text: string): string {
  return foldCase(
    text
      .normalize("NFKC")
      .replace(/\u00ad/g, "")
      .replace(QUOTE_CHARS, '"')
      .replace(SINGLE_QUOTE_CHARS, "'")
      .replace(DASHES, "-")
      .replace(/…/g, "..."),
  )
    .replace(/\s+/g, " ")
    .trim();
}

const FRAMES = new Set(FRAME_PHRASES.map((f) => normalizeForQuote(f).replace(/[.:]$/, "")));

function stripMarkers(text: string): string {
  return text.replace(ANY_MARKER, " ").replace(/\s+([.,;:!?])/g, "$1").replace(/\s+/g, " ").trim();
}

/** The sentence without a leading frame phrase ("According to the review: X" -> "X"). */
function withoutFrame(text: string): { frame: boolean; rest: string } {
  const plain = text.replace(/^[\s\-–•*]+/, "");
  const normalized = normalizeForQuote(plain);
  for (const frame of FRAMES) {
    if (normalized === frame || normalized === `${frame}.` || normalized === `${frame}:`) return { frame: true, rest: "" };
    if (normalized.startsWith(`${frame}:`) || normalized.startsWith(`${frame},`)) {
      // Same length before and after normalising for these ASCII phrases; cut by the phrase's word count.
      const words = frame.split(" ").length;
      const rest = plain.split(/\s+/).slice(words).join(" ");
      return { frame: false, rest };
    }
  }
  return { frame: false, rest: plain };
}

/** Spans in quotation marks: straight or curly double quotes, guillemets, and curly single quotes of 2+ words. */
export function quotedSpans(text: string): string[] {
  const out: string[] = [];
  const doubled = text.replace(QUOTE_CHARS, '"');
  for (const m of doubled.matchAll(/"([^"]+)"/g)) out.push(m[1]);
  for (const m of text.matchAll(/‘([^’]+)’/g)) if (m[1].trim().includes(" ")) out.push(m[1]);
  return out.filter((q) => q.trim().length > 0);
}

function quoteIsIn(quote: string, cited: string[]): boolean {
  const pieces = normalizeForQuote(quote)
    .split(/\s*(?:\[\.\.\.\]|\.\.\.)\s*/)
    .map((p) => p.replace(/^[\s.,;:!?'-]+|[\s.,;:!?'-]+$/g, ""))
    .filter(Boolean);
  if (pieces.length === 0) return true;
  return cited.some((text) => {
    const haystack = normalizeForQuote(text);
    let from = 0;
    for (const piece of pieces) {
      const at = haystack.indexOf(piece, from);
      if (at < 0) return false;
      from = at + piece.length;
    }
    return true;
  });
}

const LINK = /\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|example|info|id|co|gov|edu|ly|me|app|xyz|ru|cn|tk|biz|top|site|online|link|to)\b(?:\/\S*)?/gi;

/** A number as tokenize() writes it ("0,001" -> "0.001", "4.000.000" -> "4000000"). */
function numberForm(raw: string): string {
  return tokenize(raw)[0] ?? raw;
}

const digitsOnly = (n: string) => n.replace(/\D/g, "");

/** Numbers written in the claim: digits standing alone (not inside "P2TP2A"), and number words. */
function claimNumbers(text: string): { value: string; percent: boolean }[] {
  const out: { value: string; percent: boolean }[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])(\d+(?:[.,]\d+)*)(?![\p{L}\p{N}]|[.,]\d)(\s*(?:%|percent\b|per cent\b|persen\b))?/giu)) {
    out.push({ value: numberForm(m[1]), percent: Boolean(m[2]) });
  }
  for (const word of tokenize(text)) {
    if (NUMBER_WORDS[word]) out.push({ value: NUMBER_WORDS[word], percent: false });
  }
  return out;
}

interface CitedFacts {
  numbers: Set<string>;
  digitStrings: Set<string>;
  percents: Set<string>;
  words: Set<string>;
  stems: Set<string>;
  normalized: string[];
}

function citedFacts(cited: string[]): CitedFacts {
  const facts: CitedFacts = { numbers: new Set(), digitStrings: new Set(), percents: new Set(), words: new Set(), stems: new Set(), normalized: [] };
  for (const text of cited) {
    facts.normalized.push(normalizeForQuote(text));
    for (const token of tokenize(text)) {
      if (/^\d/.test(token)) {
        facts.numbers.add(token);
        facts.digitStrings.add(digitsOnly(token));
      } else {
        facts.words.add(token);
        if (NUMBER_WORDS[token]) facts.numbers.add(NUMBER_WORDS[token]);
      }
    }
    // Passages are lenient: "7kali" holds a 7.
    for (const m of text.matchAll(/(\d+(?:[.,]\d+)*)\s*(%|persen\b|percent\b|per cent\b)/gi)) facts.percents.add(numberForm(m[1]));
    for (const m of text.matchAll(/\d+(?:[.,]\d+)*/g)) {
      facts.numbers.add(numberForm(m[0]));
      facts.digitStrings.add(digitsOnly(m[0]));
    }
    const a = analyze(text);
    for (const s of [...a.terms, ...a.expansions, ...a.canonical]) facts.stems.add(s);
  }
  return facts;
}

function numberIsIn(n: { value: string; percent: boolean }, facts: CitedFacts): boolean {
  const known = facts.numbers.has(n.value) || facts.digitStrings.has(digitsOnly(n.value));
  if (!known) return false;
  return !n.percent || facts.percents.has(n.value) || [...facts.percents].some((p) => digitsOnly(p) === digitsOnly(n.value));
}

/** Strong words of the claim that no word of their group supports in the cited text. */
function unsupportedStrongWords(claim: string, facts: Pick<CitedFacts, "normalized">): string[] {
  const cited = facts.normalized.join(" ");
  const present = (word: string) => new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, "u").test(cited);
  const out: string[] = [];
  const text = normalizeForQuote(claim);
  for (const [word, groups] of STRONG_WORDS) {
    if (!new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, "u").test(text)) continue;
    if (!groups.some((g) => STRONG_WORD_GROUPS[g].some(present))) out.push(word);
  }
  return out;
}

const STUDY_REFERENCE = /\b(?:study|studies|studi|penelitian|artikel|article|paper)\s+(?:(?:no|nomor|number|nr|ke)\.?\s*-?\s*)?(\d{1,3})\b/giu;

/** Words that may open a clause: the first word of a sentence, of a list item, after ":" or ";". */
function clauseStarts(text: string): Set<number> {
  const starts = new Set<number>();
  for (const m of text.matchAll(/(?:^|[:;]\s+|\n\s*(?:[-•*]\s+)?|^\s*[-•*]\s+)(?=\p{L})/gu)) starts.add((m.index ?? 0) + m[0].length);
  return starts;
}

function isAcronym(word: string): boolean {
  return /^[\p{Lu}\p{N}]{2,}$/u.test(word) && (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

/**
 * Proper names and acronyms: capitalised words that do not open a clause, all-capital words anywhere, and a
 * capitalised word that opens a clause when it begins a longer name ("Save the Children", "Rumah Faye").
 */
function claimNames(text: string): string[] {
  const starts = clauseStarts(text);
  const names: string[] = [];
  const words = [...text.matchAll(/[\p{L}][\p{L}\p{M}\p{N}'’-]*/gu)].map((m) => ({ word: m[0].replace(/['’-]+$/, ""), at: m.index ?? -1 }));
  const capitalised = (w: string) => /^\p{Lu}/u.test(w) && !STOP_WORDS.has(foldCase(w));
  words.forEach(({ word, at }, i) => {
    if (word.length < 2) return;
    if (isAcronym(word)) {
      names.push(word);
      return;
    }
    if (!/\p{Lu}/u.test(word) || STOP_WORDS.has(foldCase(word))) return;
    if (starts.has(at)) {
      // Opening a clause: a name only if a capitalised word follows, at most one short word between.
      const next = words[i + 1]?.word ?? "";
      const after = words[i + 2]?.word ?? "";
      const joined = capitalised(next) || (/^(?:the|of|for|and|de|van|dan|di)$/i.test(next) && capitalised(after));
      if (!joined) return;
    }
    names.push(word);
  });
  return names;
}

function nameIsIn(name: string, facts: CitedFacts, translations: Map<string, string[]>): boolean {
  const folded = foldCase(name);
  if (facts.words.has(folded)) return true;
  if (facts.normalized.some((t) => t.includes(folded) && new RegExp(`(?<![\\p{L}\\p{N}])${folded.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "u").test(t))) return true;
  const parts = folded.split("-").filter(Boolean);
  return parts.every((part) => {
    const s = stem(part);
    if (facts.stems.has(s) || (translations.get(s) ?? []).some((c) => facts.stems.has(c))) return true;
    // "Indonesian" and "Indonesia": a long shared beginning.
    const prefix = part.slice(0, Math.max(5, part.length - 3));
    return part.length >= 6 && [...facts.words].some((w) => w.startsWith(prefix));
  });
}

/**
 * The share of the claim's content words (numbers and attribution aside) found in the cited texts: the same
 * stem, its lexicon translation, or a shared loanword.
 */
export function contentOverlap(claim: string, facts: Pick<CitedFacts, "stems" | "words">): number {
  const text = claim.replace(STUDY_REFERENCE, " ");
  // Names are checked on their own (claimNames); they name the subject, and would make any sentence
  // about it look supported ("Rumah Faye ... housing" found in "di rumah faye").
  const nameStems = new Set(claimNames(text).flatMap((n) => contentStems(n)));
  const all = contentStems(text).filter((s) => !/^\d/.test(s) && !ATTRIBUTION.has(s) && !NEGATION.has(s));
  const besidesNames = all.filter((s) => !nameStems.has(s));
  // A sentence that is almost all names ("UNICEF ran the National Plan of Action") is judged on all its words.
  const stems = besidesNames.length >= 2 ? besidesNames : all;
  if (stems.length === 0) return 1;
  // A translation counts only whole: "parents" is "orang tua", and "orang" alone (a person) is not it.
  const translations = translatePhrases(stems);
  const wordsOfStem = new Map<string, string[]>();
  for (const token of tokenize(text)) for (const s of contentStems(token)) wordsOfStem.set(s, [...(wordsOfStem.get(s) ?? []), token]);
  const covered = stems.filter((s) => {
    const phrases = translations.get(s) ?? [];
    return facts.stems.has(s) || phrases.some((phrase) => phrase.every((c) => facts.stems.has(c))) || (wordsOfStem.get(s) ?? []).some((word) => isCognateOf(word, facts.words));
  }).length;
  return covered / stems.length;
}

/** Check one sentence against what it cites. */
export function checkClaim(input: ClaimInput, options: { minOverlap?: number } = {}): ClaimVerdict {
  const minOverlap = options.minOverlap ?? MIN_CONTENT_OVERLAP;
  const text = stripMarkers(input.text);
  const { frame, rest } = withoutFrame(text);
  if (frame) return { supported: true, frame: true, problems: [], overlap: null };
  const cited = input.cited.filter((t) => t.trim().length > 0);
  if (cited.length === 0) return { supported: false, frame: false, problems: [{ kind: "uncited", detail: rest }], overlap: null };

  const problems: ClaimProblem[] = [];
  const facts = citedFacts(cited);
  if ((rest.match(/["“”„‟«»]/g) ?? []).length % 2 === 1) problems.push({ kind: "quote", detail: "a quotation mark without its pair" });
  for (const quote of quotedSpans(rest)) {
    if (!quoteIsIn(quote, cited)) problems.push({ kind: "quote", detail: quote });
  }
  // Quotes are checked verbatim above; links, numbers and names are checked in the rest of the sentence.
  let unquoted = rest.replace(QUOTE_CHARS, '"').replace(/"[^"]*"/g, " ").replace(/‘[^’]*’/g, " ");
  for (const m of unquoted.matchAll(LINK)) {
    if (!facts.normalized.some((t) => t.includes(foldCase(m[0])))) problems.push({ kind: "link", detail: m[0] });
  }
  unquoted = unquoted.replace(LINK, " ");
  const studies = input.citedStudies;
  if (studies) {
    for (const m of unquoted.matchAll(STUDY_REFERENCE)) {
      if (!studies.includes(Number(m[1]))) problems.push({ kind: "study", detail: m[0] });
    }
    unquoted = unquoted.replace(STUDY_REFERENCE, (whole) => whole.replace(/\d+/g, " "));
  }
  for (const n of claimNumbers(unquoted)) {
    if (!numberIsIn(n, facts)) problems.push({ kind: "number", detail: n.percent ? `${n.value}%` : n.value });
  }
  const translations = translateTerms(contentStems(unquoted));
  for (const name of claimNames(unquoted)) {
    if (!nameIsIn(name, facts, translations)) problems.push({ kind: "name", detail: name });
  }
  for (const word of unsupportedStrongWords(unquoted, facts)) problems.push({ kind: "strong", detail: word });
  const overlap = contentOverlap(rest.replace(LINK, " "), facts);
  if (overlap < minOverlap) problems.push({ kind: "overlap", detail: overlap.toFixed(2) });
  return { supported: problems.length === 0, frame: false, problems, overlap };
}
