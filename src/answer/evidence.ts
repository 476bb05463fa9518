/**
 * Evidence: the sentences of retrieved passages (a study table's cells count as sentences, a data table's row
 * is one), scored against the question. Shared by the explain composer (which quotes the best), free-text lookups (which sentence of a
 * cell answers), abstention (is anything good enough?) and the model path's claim check.
 */
import type { Lang } from "../domain/lang.ts";
import type { Passage } from "../domain/passage.ts";
import type { TermStats } from "../store/layout.ts";
import { analyze, contentStems, isLexiconForm, readLexicon } from "../text/analyze.ts";
import { cognatesIn } from "../text/cognate.ts";
import { splitSentences } from "../text/sentences.ts";
import { isEnglishWord } from "../text/english-words.ts";
import { isIndonesianWord, stem } from "../text/stem.ts";
import { escapeRegExp } from "../text/tokenize.ts";
import { headingText, topicOfHeading } from "../text/heading.ts";
import { enumerationItems, withoutItems } from "./enumeration.ts";
import { STATED_AIM, STATED_METHOD } from "../text/stated.ts";
import { loadVocabulary } from "../vocab/vocabulary.ts";
import { askedNoun, DEFINITION_QUESTION, type Question } from "../retrieve/question.ts";
import { carriesType, LABEL_BEFORE } from "./value-types.ts";

export interface EvidenceSentence {
  passage: Passage;
  /** Rank of its passage in the retrieval (0 = best). */
  rank: number;
  /** Offsets in the passage text. */
  start: number;
  end: number;
  text: string;
  terms: Set<string>;
  /** The lexicon phrases of several words it holds, whole and together ("kerja sama"; see Analysis.phrases). */
  phrases?: Set<string>;
  cues: Set<string>;
  hasNumber: boolean;
  /** Only a table's or figure's label ("Table 7: Selector Evaluation."). */
  caption: boolean;
  /** Only sends the reader elsewhere ("See Appendix B for details.", "Related work is discussed in Section 8."). */
  pointer: boolean;
  /** A whole row of a data table (isDataRow): its words include its columns' names and its table's caption. */
  row: boolean;
  /** The record field of the table cell it is ("venue" for a study table's journal cell), when it is one. */
  field?: string;
  /** With an enumeration in it: the terms and phrases of the rest of the sentence (what names more than a list item). */
  beyondItems?: { terms: Set<string>; phrases: Set<string> };
}

/**
 * A row of a document's own table of data (a paper's results, its hyperparameters), whose cells are named by
 * their columns only: "7.12x" says nothing without "Speedup" and the row's "math-spectral-norm", so the row is
 * one piece of evidence, weighed with its columns' names and its table's caption. A study table's cells are
 * fields of records (authors, year, design) and each stays a sentence of its own.
 */
export function isDataRow(passage: Passage): boolean {
  return passage.kind === "table-row" && passage.cells.length > 1 && passage.cells.every((c) => c.field === null && c.end - c.start <= DATA_CELL_MAX_CHARS);
}

/** A cell longer than this is text (a prompt template, a description), and its row is read as sentences. */
const DATA_CELL_MAX_CHARS = 80;

export interface WeightedTerm {
  /** The question's own stem. */
  term: string;
  /** The forms a sentence may have it in: the stem and its translations that occur in the index. */
  alternatives: string[];
  weight: number;
  /** Neither the word nor any translation of it is in any passage. */
  unknown: boolean;
  /**
   * An unknown word the question turns on: a number, a name written with a capital, or a concept the
   * lexicon knows but the corpus never uses ("cost" -> biaya). Other unknown words (an English "so" or
   * "involve" that no translation reaches) weigh nothing either way.
   */
  salient: boolean;
  /** What kind of salient word: a name (capitalised), a number, or a concept only the lexicon knows. */
  salience?: "name" | "number" | "concept";
  /** It only names the study or document asked about ("MLMC", "TraceMonkey"). */
  identity?: boolean;
  /**
   * The lexicon phrases of several words it is part of ("kerja sama" for "cooperation", or for "kerja" in
   * "kerja sama"): found only whole. "pekerjaan" (kerja) and "sama" (same) apart are no cooperation.
   */
  phrases?: string[][];
}

/**
 * Whether a sentence's terms have a question's term: one of its one-word forms, or a phrase it stands for,
 * whole: found as the phrase it is when the sentence's phrases are known (`phrases`), else all its stems there.
 */
export function hasTerm(w: Pick<WeightedTerm, "term" | "alternatives" | "phrases">, terms: ReadonlySet<string>, phrases?: ReadonlySet<string>): boolean {
  if (!w.phrases || w.phrases.length === 0) return w.alternatives.some((a) => terms.has(a));
  const inPhrase = new Set(w.phrases.flat());
  const whole = (p: string[]) => (p.length === 1 ? terms.has(p[0]) : phrases ? holdsPhrase(phrases, p.join(" ")) : p.every((t) => terms.has(t)));
  return w.alternatives.some((a) => !inPhrase.has(a) && terms.has(a)) || w.phrases.some(whole);
}

/**
 * A text holds a phrase whole when it holds it, or a longer phrase it is part of: "eksploitasi seksual komersial
 * (CSE)" is a sexual exploitation.
 */
function holdsPhrase(phrases: ReadonlySet<string>, key: string): boolean {
  if (phrases.has(key)) return true;
  for (const p of phrases) if (p.length > key.length && ` ${p} `.includes(` ${key} `)) return true;
  return false;
}

/** Why each weight is what it is (tested in evidence.test.ts). */
export const EVIDENCE_WEIGHTS = {
  /** Words that only say which study is meant ("MLMC", "Rafferty") count a quarter: the study filter used them already. */
  identity: 0.25,
  /** For a question that asks for several items, a sentence that names them after the noun asked. */
  namesItems: 0.2,
  /** Words a follow-up carries over from the previous question count half: they are its topic, not its point. */
  carried: 0.5,
  /** A sentence of the best passage gets this much over one of the last retrieved passage. */
  rankPrior: 0.1,
  /** A sentence that does what the question asks (gives a reason, a recommendation, a result...). */
  cue: 0.2,
  /** A sentence with a number, for a question that asks for one. */
  number: 0.15,
  /** Sentences shorter than SHORT_SENTENCE say too little to quote alone. */
  short: 0.2,
  /** A caption that only names its table or figure ("Table 7: Selector Evaluation.") labels; it says nothing. */
  caption: 0.2,
  /** A sentence that only sends the reader elsewhere ("See Appendix B for details.") says nothing either. */
  pointer: 0.2,
  /** A footnote is an aside (an author note, a link, a licence): the text's own sentences come first. */
  footnote: 0.2,
  /**
   * A study's statement of its own aim or method ("tujuan dari penelitian ini ...", "dengan memanfaatkan metode
   * penelitian kualitatif") is no finding, recommendation or reason: it ranks lower unless the aim or the method is asked.
   */
  statedAim: 0.2,
  /**
   * "What is X?": a sentence that says what X is ("X is ...", "called X", "X, a ...") answers; one where X is
   * the subject of what it does ("The Selector reads each paper ...") nearly does. A sentence that only names X
   * (a caption, a table label, "X and Y were compared") does neither.
   */
  definesTerm: 0.5,
  termIsSubject: 0.3,
  /**
   * A question word a sentence has only as one item of a list in it ("... seperti: Konseling individual,
   * Psikoedukasi, Keterampilan hidup, ...") is named there, not explained: it counts this much less.
   */
  listedOnly: 0.5,
  /**
   * A word neither the index nor the lexicon knows ("recipe", "rendang") still counts against coverage at
   * this share of the highest IDF: a question made of such words is not covered by one common word.
   */
  unknownWord: 0.2,
} as const;

export const SHORT_SENTENCE = 25;

/** How many letters a glued compound may have between its parts' stems ("reinforc|ement|learn"). */
const GLUED_STEM_SLACK = 6;

/** "Table 7: Selector Evaluation.", "Gambar 2. Alur program": a table's or figure's label and a short title, nothing more. */
const CAPTION_ONLY = /^(?:table|tabel|figure|fig\.|gambar|grafik|chart|bagan)\s*\d+[a-z]?\s*[.:]\s*(?:\S+\s+){0,7}\S+\s*$/iu;
/** A cross-reference: "see Appendix B", "refer to Section 5.1", "is discussed in Section 8", "lihat Lampiran 2". */
const CROSS_REFERENCE = /\b(?:see|refer(?:red)? to|(?:is|are) (?:discussed|described|detailed|presented|given|shown|listed|provided) in|lihat|(?:dijelaskan|dibahas|disajikan|tercantum) (?:pada|di|dalam))\s+(?:the\s+)?(?:appendix|appendices|section|sections|chapter|table|figure|fig\.|lampiran|bagian|bab|tabel|gambar)\b/iu;
/** A sentence this short, or one that opens by sending the reader on, is the cross-reference and nothing more. */
const POINTER_MAX_CHARS = 110;
const POINTER_OPENING = /^(?:for (?:more |further )?details|see\b|please (?:see|refer)|details (?:are|can be)|untuk (?:lebih lanjut|detailnya|rinciannya)|lihat\b)/iu;
/**
 * A signpost: a sentence that announces what a section does ("This section explains how trace trees are
 * formed during execution.", "In this section we describe ...", "Bagian ini membahas ..."), not what it says.
 */
const SIGNPOST = /^(?:(?:this|the\s+(?:next|following|present))\s+(?:section|subsection|chapter|part)|in\s+this\s+(?:section|subsection|chapter|part),?\s+we|(?:bagian|bab|subbab)\s+ini)\s+(?:explains?|describes?|presents?|discuss(?:es)?|introduces?|shows?|gives?|outlines?|reviews?|details?|summari[sz]es?|menjelaskan|membahas|menyajikan|menguraikan|memaparkan|menunjukkan)\b/iu;
const SIGNPOST_MAX_CHARS = 150;

/** Whether a sentence only sends the reader elsewhere ("For more details please refer to Appendix A.1 for ...") or announces what its section does. */
export const isPointerOnly = (text: string): boolean =>
  (CROSS_REFERENCE.test(text) && (text.trim().length <= POINTER_MAX_CHARS || POINTER_OPENING.test(text.trim()))) || (SIGNPOST.test(text.trim()) && text.trim().length <= SIGNPOST_MAX_CHARS);

/** Whether a sentence is only a caption's label ("Table 7: Selector Evaluation."). */
export const isCaptionOnly = (text: string): boolean => CAPTION_ONLY.test(text.trim());

const STANDALONE_NUMBER = /(?<![\p{L}\d.,])\d+(?:[.,]\d+)*%?(?![\p{L}\d])/gu;
const NUMBER_WORDS = /\b(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|seratus|ribu|juta|one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million)\b/i;

/**
 * A count, amount or share: a number standing on its own that is not a year nor the number of a table, a
 * section or a page ("Table 8" says where, not how much), or a number word.
 */
export function hasQuantity(text: string): boolean {
  for (const m of text.matchAll(STANDALONE_NUMBER)) {
    if (/^(?:19|20)\d\d$/.test(m[0])) continue;
    if (LABEL_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
    return true;
  }
  return NUMBER_WORDS.test(text);
}

function sentence(passage: Passage, rank: number, start: number, end: number, row = false, field?: string | null): EvidenceSentence {
  const text = passage.text.slice(start, end);
  const analysed = analyze(row ? `${text}\n${passage.context}` : text);
  return {
    passage,
    rank,
    start,
    end,
    text,
    terms: new Set([...analysed.canonical, ...analysed.terms]),
    phrases: analysed.phrases,
    cues: new Set(loadVocabulary("cues").match(text).map((m) => m.key)),
    hasNumber: hasQuantity(text),
    caption: isCaptionOnly(text),
    pointer: isPointerOnly(text),
    row,
    ...(field ? { field } : {}),
    ...beyondItemsOf(text, row),
  };
}

function beyondItemsOf(text: string, row: boolean): Pick<EvidenceSentence, "beyondItems"> {
  const items = row ? [] : enumerationItems(text);
  if (items.length === 0) return {};
  return { beyondItems: matchable(withoutItems(text, items)) };
}

/** What a question's terms are matched against in a text (coverage, hasTerm): its stems with their canonical forms, and its phrases. */
export function matchable(text: string): { terms: Set<string>; phrases: Set<string> } {
  const a = analyze(text);
  return { terms: new Set([...a.canonical, ...a.terms]), phrases: a.phrases };
}

/** Share of the question's weight a sentence has only as items of a list in it (see enumeration.ts). */
export function listedOnly(s: Pick<EvidenceSentence, "terms" | "phrases" | "beyondItems">, weights: WeightedTerm[]): number {
  const beyond = s.beyondItems;
  if (!beyond) return 0;
  // A name says which study or document is meant: one of its items named ("(b) TraceMonkey") is still it.
  return weightShare(weights, (w) => !w.identity && hasTerm(w, s.terms, s.phrases) && !hasTerm(w, beyond.terms, beyond.phrases));
}

/** A passage's sentences do not change within a build: analysed once per passage object. */
const sentenceCache = new WeakMap<Passage, EvidenceSentence[]>();

/**
 * A run-in heading closed by a full stop: a numbered one of a few words ("4. Isolasi sistemik."), or one or
 * two capitalised words ("Aborts.", "Benchmark results."). Three words unnumbered are as often a short
 * sentence ("Penelitian ini kualitatif.").
 */
const RUN_IN_HEADING = /^(?:\d{1,2}\.\s*\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,3}|\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+)?)\.$/u;

/**
 * "Isolasi sistemik. Melihat data ini melalui teori sistem menyoroti ...": a run-in heading says what the
 * sentence after it is about, and alone says nothing; the two are one piece of evidence (and one quote).
 */
export function withRunInHeadings(text: string, spans: { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < spans.length; i++) {
    const next = spans[i + 1];
    if (next && RUN_IN_HEADING.test(text.slice(spans[i].start, spans[i].end))) {
      out.push({ start: spans[i].start, end: next.end });
      i++;
    } else out.push(spans[i]);
  }
  return out;
}

function sentencesOfPassage(passage: Passage): EvidenceSentence[] {
  let cached = sentenceCache.get(passage);
  if (!cached) {
    if (isDataRow(passage)) cached = [sentence(passage, 0, 0, passage.text.length, true)];
    else if (passage.kind === "table-row") cached = passage.cells.map((cell) => sentence(passage, 0, cell.start, cell.end, false, cell.field));
    else cached = withRunInHeadings(passage.text, splitSentences(passage.text)).map((span) => sentence(passage, 0, span.start, span.end));
    sentenceCache.set(passage, cached);
  }
  return cached;
}

/** The sentences of passages in retrieval order; a table row's cells are its sentences. */
export function sentencesOf(passages: Passage[]): EvidenceSentence[] {
  return passages.flatMap((passage, rank) => sentencesOfPassage(passage).map((s) => (rank === 0 ? s : { ...s, rank })));
}

/** TermStats.referenceOnly as a set, built once per statistics object (weighQuestion runs several times a question). */
const referenceOnlySets = new WeakMap<TermStats, ReadonlySet<string>>();
function referenceOnlyOf(stats: TermStats): ReadonlySet<string> {
  let set = referenceOnlySets.get(stats);
  if (!set) referenceOnlySets.set(stats, (set = new Set(stats.referenceOnly ?? [])));
  return set;
}

/**
 * The question's terms with weights: rarer terms weigh more (IDF over the index); a word counts through
 * whichever of its translations the index has. `identity`: stems that name the study; `own`: the terms of
 * the user's own last message (a follow-up's search also holds the previous question's).
 */
export function weighQuestion(
  searchText: string,
  stats: TermStats,
  options: {
    identity?: Set<string>;
    own?: Set<string>;
    framing?: Set<string>;
    filler?: Set<string>;
    /**
     * The text is weighed against a document in the question's own language: a word it never uses is a word
     * it does not have ("recipe" in a paper on compilers), not one a translation may have missed, and
     * counts in full against coverage.
     */
    sameLanguage?: boolean;
    /**
     * The document's language, for a question in the other one: an English word in an Indonesian question
     * asked of an English document ("gimana definisi perceived usefulness?") is the asker's own term for the
     * concept, with no translation between it and the text, and counts in full like a same-language word.
     */
    documentLang?: Lang;
  } = {},
): WeightedTerm[] {
  const n = Math.max(1, stats.documents);
  // A term only reference entries use is one the text does not have: no answer can quote it.
  const referenceOnly = referenceOnlyOf(stats);
  const df = (t: string) => (referenceOnly.has(t) ? 0 : (stats.df[t] ?? 0));
  const idf = (t: string) => Math.log(1 + n / (1 + df(t)));
  const maxIdf = Math.log(1 + n);
  const analysed = analyze(searchText);
  const { translations, phrases, standalone } = readLexicon(analysed.terms);
  // Capitalised words after the first are names ("PRISMA", "Brazil"): unknown ones matter.
  const capitalised = new Set(searchText.split(/\s+/).slice(1).filter((w) => /^[("'“]?\p{Lu}/u.test(w)).flatMap((w) => contentStems(w)));
  const capsOnly = new Set(searchText.split(/[^\p{L}]+/u).filter((w) => /^\p{Lu}{2,3}$/u.test(w) && !isLexiconForm(w)).flatMap((w) => contentStems(w)));
  const out = new Map<string, WeightedTerm>();
  const termSet = new Set(analysed.terms);
  // The question's words by their stems, to tell an English word ("usefulness") from an Indonesian one (only
  // asked of an English document).
  const wordOf = new Map<string, string>();
  if (options.documentLang === "en") {
    for (const word of searchText.split(/[^\p{L}\p{N}-]+/u)) for (const t of contentStems(word)) if (!wordOf.has(t)) wordOf.set(t, word.toLowerCase());
  }
  const inDocumentLanguage = (term: string) => {
    const word = wordOf.get(term);
    return word !== undefined && isEnglishWord(word) && !isIndonesianWord(word);
  };
  // "English-language" gives "english", "languag" and the glued "englishlanguag": the glued form adds nothing.
  // The first part's stem may be shorter than its word: "reinforcement-learning" -> "reinforc" ... "learn".
  const glued = (t: string) =>
    [...termSet].some((a) => a !== t && t.startsWith(a) && [...termSet].some((b) => b !== t && b !== a && t.endsWith(b) && a.length + b.length <= t.length && t.length - a.length - b.length <= GLUED_STEM_SLACK));
  for (const term of analysed.terms) {
    if (out.has(term) || term.length <= 1 || glued(term)) continue;
    // "US", "EU": a short name in capitals is not the common word it stems like ("us" of "use" -> "guna"),
    // unless the lexicon lists it as written ("UN" -> "PBB", "CSE").
    const forms = capsOnly.has(term) ? [term] : [...new Set([term, ...(translations.get(term) ?? [])])];
    const known = forms.filter((f) => df(f) > 0);
    // A word the index does not have, nor its translations, may be a loanword it spells the other language's
    // way ("kueri" of an English paper's "queries").
    // (Not a name: "PRISMA" is no "prism".)
    const alternatives = known.length > 0 || capsOnly.has(term) || capitalised.has(term) ? known : cognatesIn(term, stats.df).filter((c) => df(c) > 0);
    const unknown = alternatives.length === 0;
    // Words that frame the question ("define", "jelaskan", "journal") never make it unanswerable.
    const salient = unknown && !options.framing?.has(term) && (/^\d/.test(term) || capitalised.has(term) || translations.has(term));
    // Filler ("give", "tell", "please") says nothing about the topic; framing words (field words) never make it unanswerable.
    if (options.filler?.has(term)) continue;
    const framing = options.framing?.has(term) ?? false;
    const full = salient || options.sameLanguage || (unknown && inDocumentLanguage(term));
    let weight = framing && unknown ? 0 : unknown ? (full ? maxIdf : EVIDENCE_WEIGHTS.unknownWord * maxIdf) : Math.max(...alternatives.map(idf));
    const identity = options.identity?.has(term) || alternatives.some((a) => options.identity?.has(a));
    if (identity) weight *= EVIDENCE_WEIGHTS.identity;
    if (options.own && !options.own.has(term)) weight *= EVIDENCE_WEIGHTS.carried;
    const salience = !salient ? undefined : /^\d/.test(term) ? "number" : capitalised.has(term) ? "name" : "concept";
    // A word the question also uses on its own (or as a one-word concept of its own) is not bound to the phrase
    // it is part of elsewhere. ("kerja sama" is also the one-word "kerjasama" of a corpus lexicon: still bound.)
    const own = phrases.get(term) ?? [];
    const whole = standalone.has(term) || own.some((p) => p.length === 1 && p[0] === term) ? [] : own;
    out.set(term, { term, alternatives, weight, unknown, salient, ...(identity ? { identity } : {}), ...(salience ? { salience } : {}), ...(whole.length > 0 ? { phrases: whole } : {}) });
  }
  return eitherOr(searchText, out);
}

/** "koordinasi atau kerja sama", "government or NGO", "lembaga/pemerintah": two concepts offered as alternatives. */
const EITHER_OR = /([\p{L}][\p{L}-]*)\s*(?:\s(?:or|atau)\s|\/)\s*([\p{L}][\p{L}-]*)(?:\s+([\p{L}][\p{L}-]*))?/giu;

/**
 * Concepts the question offers as alternatives are one term: a sentence with either covers it, at the weight
 * of the heavier ("Which studies deal with coordination or cooperation?" is answered by one on cooperation).
 * A side is one word, or the lexicon phrase it opens ("kerja sama").
 */
function eitherOr(searchText: string, weights: Map<string, WeightedTerm>): WeightedTerm[] {
  const termsOf = (word: string | undefined) => (word ? contentStems(word).map((t) => weights.get(t)).filter((w): w is WeightedTerm => w !== undefined) : []);
  for (const m of searchText.matchAll(EITHER_OR)) {
    const left = termsOf(m[1]).filter((w) => !w.unknown);
    const first = termsOf(m[2]).filter((w) => !w.unknown);
    // The next word belongs to the right side when the two make one lexicon phrase ("kerja sama").
    const next = termsOf(m[3]).filter((w) => first.some((f) => f.phrases?.some((p) => p.includes(w.term))));
    const right = [...first, ...next];
    if (left.length !== 1 || right.length === 0 || right.includes(left[0])) continue;
    const [l] = left;
    const merged: WeightedTerm = {
      ...l,
      alternatives: [...new Set([...l.alternatives, ...right.flatMap((w) => w.alternatives)])],
      weight: Math.max(l.weight, right.reduce((sum, w) => sum + w.weight, 0)),
      phrases: [...(l.phrases ?? []), ...right.flatMap((w) => w.phrases ?? [])],
    };
    // One-word forms of the right side stand alone only if they are not part of a phrase.
    if (merged.phrases!.length === 0) delete merged.phrases;
    weights.set(l.term, merged);
    for (const w of right) weights.delete(w.term);
  }
  return [...weights.values()];
}

/**
 * Share of the question's weight a sentence covers (0..1). Salient unknown words are left to abstention;
 * other unknown words count against coverage (they can never be covered).
 */
export function coverage(s: Pick<EvidenceSentence, "terms" | "phrases">, weights: WeightedTerm[]): number {
  return weightShare(weights, (w) => hasTerm(w, s.terms, s.phrases));
}

/** The share of the question's weight (its salient unknown words aside) on the terms `counts` picks. */
function weightShare(weights: WeightedTerm[], counts: (w: WeightedTerm) => boolean): number {
  const counted = weights.filter((w) => !w.salient);
  const total = counted.reduce((sum, w) => sum + w.weight, 0);
  if (total === 0) return 0;
  return counted.reduce((sum, w) => sum + (counts(w) ? w.weight : 0), 0) / total;
}

/** What a question wants a sentence to do, from the fields it asks for and its question word. */
export function wantedCues(question: Question): Set<string> {
  const out = new Set<string>();
  const byField: Record<string, string> = { recommendations: "recommendation", outcomes: "result", theory: "theory", aim: "aim", design: "method", intervention: "program" };
  for (const f of question.asks) if (byField[f]) out.add(byField[f]);
  if (question.tokens.some((t) => ["why", "mengapa", "kenapa", "knp", "sebab", "penyebab", "faktor"].includes(t)) || question.tokens[0] === "kok") out.add("reason");
  if (/\b(?:what is|what are|what does .* mean|apa itu|apa yang dimaksud|maksudnya|definisi|artinya)\b/i.test(question.text)) out.add("definition");
  // "What is the Development Bank program for?", "Program itu untuk apa?", "What is it meant to do?": its purpose.
  if (/\bwhat\s+(?:is|are|was|were)\b.{1,80}\bfor\s*\??\s*$|\buntuk\s+apa\b|\bbuat\s+apa\b|\b(?:meant|supposed|intended|designed)\s+to\s+(?:do|achieve)\b/i.test(question.text)) out.add("aim");
  // "Apa saja syarat artikel yang dipakai?": a sentence that states criteria answers it.
  if (question.aboutSelection) out.add("criteria");
  return out;
}

/** "What is the role of X (in Y)?", "X's role", "the function of X", "Apa peran/fungsi/tugas X (di Y)?": X. */
const ROLE_OF = /^\s*(?:what\s+(?:is|are)\s+(?:the\s+)?(?:roles?|functions?|jobs?)\s+of\s+(?:(?:a|an|the)\s+)?(.+?)|(?:apa|bagaimana|gimana)\s+(?:peran|fungsi|tugas)(?:nya)?\s+(.+?)|what\s+(?:is|are)\s+(?:the\s+)?(.+?)['’]s?\s+(?:roles?|functions?|jobs?))(?:\s+(?:in|within|di|dalam|pada)\s+[^,?]+)?\s*\??\s*$/i;

/**
 * The words a definition question asks to define, as written: what follows "what is" up to its scope ("What
 * is the Selector in PaSa?" -> ["Selector"]), or else its first run of topic words ("Apa itu trace tree?" ->
 * ["trace", "tree"]). [] for any other question.
 */
export function definiendum(question: Question): string[] {
  if (!DEFINITION_QUESTION.test(question.text)) return [];
  // "What is a typed trace in the TraceMonkey paper?": what stands between "what is" and its scope, as asked.
  const asked =
    // "What is the role of the interpreter in TraceMonkey?", "Apa peran Selector di PaSa?": what the thing whose
    // role is asked does, as a definition of it says.
    ((m) => m?.[1] ?? m?.[2] ?? m?.[3])(ROLE_OF.exec(question.text)) ??
    // "How does this review define child trafficking? Is there an age cutoff?", "What is the definition of X?", "mendefinisikan X"
    /\b(?:define|definition\s+of|mendefinisikan)\s+(?:(?:a|an|the)\s+)?([^?,]+?)(?:\s+(?:in|of|menurut|dalam)\s+[^,?]+)?\s*(?:\?|$)/i.exec(question.text)?.[1] ??
    /^\s*(?:what|who)\s+(?:is|are)\s+(?:(?:a|an|the)\s+)?(.+?)(?:\s+(?:in|of)\s+[^,?]+)?(?:,.*)?\s*\??\s*$/i.exec(question.text)?.[1] ??
    /^\s*what\s+does\s+(?:(?:a|an|the)\s+)?(.+?)(?:\s+(?:in|of)\s+[^,?]+)?\s+(?:mean|do|stand\s+for)(?:\s+(?:in|of)\s+[^,?]+)?\s*\??\s*$/i.exec(question.text)?.[1];
  // (Not the name of the document it is asked of: "What does the PaSa Crawler do?" asks about the Crawler.)
  const ofDocument = (w: string) => question.docNames.includes(w.toLowerCase().replace(/['’]s$/, ""));
  if (asked) {
    const words = asked.split(/\s+/).filter(Boolean);
    return words.length > 1 && words.some((w) => !ofDocument(w)) ? words.filter((w) => !ofDocument(w)) : words;
  }
  const topic = new Set(question.topic);
  const words = [...question.text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu)].map((m) => m[0]);
  const run: string[] = [];
  for (const word of words) {
    // ("singkatan", "kepanjangan" ask what the term's letters stand for; they are not the term.)
    if (topic.has(stem(word.toLowerCase())) && !ASKS_EXPANSION.test(word)) run.push(word);
    else if (run.length > 0) break;
  }
  // "Konsep isolasi sistemik ... maksudnya apa?": the word for a concept is not part of its name.
  while (run.length > 1 && CONCEPT_NOUNS.test(run[0])) run.shift();
  if (run.length > 0) return run;
  // "PaSa itu apa sih?": a name (no topic word: it names the document) is the term, as written, up to its scope.
  const named =
    /^\s*apa\s+(?:itu|maksud(?:nya)?|yang\s+dimaksud(?:\s+dengan)?|definisi|pengertian|arti|fungsi|singkatan(?:\s+dari)?|kepanjangan(?:\s+dari)?)\s+(.+?)\s*\??\s*$/i.exec(question.text)?.[1] ??
    /^\s*(.+?)\s+(?:itu\s+apa|maksudnya\s+apa|artinya\s+apa|fungsinya\s+apa|(?:itu\s+)?(?:singkatan|kepanjangan|kependekan)(?:nya)?(?:\s+dari)?\s+apa)\b/i.exec(question.text)?.[1];
  return (named ?? "").split(/\s+(?:di|dalam|pada|menurut|in|of)\s+/i)[0].split(/\s+/).filter((w) => w && !CONCEPT_NOUNS.test(w));
}

/** Nouns a definition question may put before the term it asks about ("konsep X", "istilah X", "the notion X"). */
const CONCEPT_NOUNS = /^(?:konsep|istilah|pengertian|definisi|concept|notion|term)$/i;

/** After the term: what says what it is ("is", "refers to", "adalah"), or an apposition ("X, a tool that"); the term may have its other name first ("Child trafficking atau perdagangan anak merupakan"). */
const DEFINING_AFTER = /^\s*(?:\([^)]{0,80}\)\s*)?(?:(?:atau|or)\s+[^,.;]{1,40}?\s+)?(?:(?:is|are|refers?\s+to|means?|denotes?|consists?\s+of|comprises?|represents?|adalah|merupakan|yaitu|yakni|ialah|berarti)\b|,\s*(?:a|an|the|which|sebuah|suatu|yang)\b)/iu;
/** Before the term: what names it ("called X", "disebut X"). */
const NAMING_BEFORE = /(?:called|named|termed|known\s+as|we\s+call|disebut|dinamakan|dikenal\s+sebagai)\s+(?:the\s+|a\s+|an\s+)?["'“‘«]?$/iu;
/** "we define a session as ...", "X is defined as": before the term, the verb that defines it (with "as" after it). */
const DEFINE_BEFORE = /\b(?:define|defines|defined|mendefinisikan|didefinisikan)\s+(?:the\s+|a\s+|an\s+)?["'“‘«]?$/iu;
/** Before the term at the start of a sentence, when it is the subject ("The Selector reads ..."). */
const SUBJECT_START = /^\s*(?:(?:the|a|an|our|this|each|its|every|para|sang)\s+)?["'“‘«]?$/iu;
/** After a subject, a noun and then "is", "refers to": the term only qualifies that noun ("The crawler action refers to"). */
const MODIFIES_NEXT = /^\s+\p{Ll}[\p{L}-]*\s+(?:is|are|was|were|refers?\s+to|means?|denotes?|adalah|merupakan|ialah|yaitu)\b/u;
/** After a subject, a word that cannot be its verb: the term was only part of a longer name or a list. */
const NOT_A_VERB = /^\s*(?:(?:of|in|on|for|and|or|with|to|from|by|at|as|dan|atau|di|ke|dari|untuk|dengan|pada)\b|[\p{Lu}\d(:;,.\-–])/u;

/** The term as written in a sentence (a short ending allowed: "trace trees"), built once per term, not per sentence. */
const termPatterns = new Map<string, RegExp>();
function termPattern(term: string[]): RegExp {
  const key = term.join(" ");
  let pattern = termPatterns.get(key);
  if (!pattern) {
    if (termPatterns.size >= 100) termPatterns.clear();
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${term.map((w) => `${escapeRegExp(w)}[\\p{L}]{0,3}`).join("[\\s-]+")}(?![\\p{L}\\p{N}])`, "giu");
    termPatterns.set(key, pattern);
  }
  return pattern;
}

/** A term written as an acronym ("CSE", "P2TP2A"). */
const ACRONYM = /^(?=.*\p{Lu}.*\p{Lu})[\p{Lu}\d]{2,}s?$/u;
/** Two words or more, then the opening bracket of the acronym they spell. */
const SPELLED_BEFORE = /[\p{L}-]+\s+[\p{L}-]+\s*\(\s*$/u;
/** The acronym, then in brackets two words or more, the first with its initial ("PPO (Proximal Policy Optimization ...)"). */
const spelledAfter = (acronym: string, after: string) => new RegExp(`^\\s*\\(\\s*${escapeRegExp(acronym[0])}[\\p{L}-]*\\s+\\p{L}`, "iu").test(after);

/** "The side exit is patched so that ...": a passive verb says what is done to the term, not what it is ("is called" still names it). */
const PASSIVE_AFTER = /^\s*(?:is|are|was|were)\s+(?:then\s+|also\s+|not\s+|only\s+|first\s+|\p{L}+ly\s+)?(?!(?:called|named|termed|known|defined|used\s+to\s+mean)\b)\p{L}+(?:ed|en)\b/iu;
/** "The trace compilation subsystem, NANOJIT, is ...": the term set off by commas after the noun phrase it names. */
const APPOSITION_BEFORE = /\b(?:the|a|an|our|its)\s+[\p{L}-]+(?:\s+[\p{L}-]+){0,4},\s*$/iu;

/** Small words an expansion may hold that no letter of its acronym stands for ("Pemberdayaan Perempuan dan Anak"). */
const JOINING_WORDS = new Set(["dan", "and", "of", "for", "the", "di", "untuk", "&", "in", "on", "bagi", "atas", "yang"]);

/** The letters an acronym stands for: "P2TP2A" is P P T P P A (a digit repeats the letter before it). */
function acronymLetters(acronym: string): string[] {
  const out: string[] = [];
  for (const ch of acronym.replace(/s$/, "")) {
    if (/\d/.test(ch) && out.length > 0) for (let i = 1; i < Number(ch); i++) out.push(out[out.length - 1]);
    else out.push(ch.toLowerCase());
  }
  return out;
}

/**
 * Where a sentence spells an acronym out, the words it stands for, as written: "eksploitasi seksual komersial"
 * for "... eksploitasi seksual komersial (CSE)", "Proximal Policy Optimization" for "PPO (Proximal Policy
 * Optimization (Schulman et al., 2017))". As many words as it has letters (joining words aside), and at least
 * half of their initials among its letters (an Indonesian expansion orders them its own way).
 */
export function expansionOf(text: string, acronym: string): string | undefined {
  if (!ACRONYM.test(acronym)) return undefined;
  const letters = acronymLetters(acronym);
  const fits = (words: string[]) => {
    const initials = words.filter((w) => !JOINING_WORDS.has(w.toLowerCase())).map((w) => w[0]!.toLowerCase());
    return initials.length === letters.length && initials.filter((c) => letters.includes(c)).length * 2 >= letters.length;
  };
  const take = (words: string[], fromEnd: boolean) => {
    const out: string[] = [];
    let counted = 0;
    for (const w of fromEnd ? [...words].reverse() : words) {
      if (counted === letters.length) break;
      out.push(w);
      if (!JOINING_WORDS.has(w.toLowerCase())) counted++;
    }
    return fromEnd ? out.reverse() : out;
  };
  // The words as the text writes them, whatever stands between them (a line break, a hyphen's space).
  const asWritten = (words: string[], within: string) => new RegExp(words.map(escapeRegExp).join("[^\\p{L}\\p{N}]+"), "u").exec(within)?.[0];
  const at = text.search(new RegExp(`\\(\\s*${escapeRegExp(acronym)}\\s*\\)`, "u"));
  if (at > 0) {
    const before = text.slice(0, at);
    const words = take(before.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean), true);
    if (fits(words)) return asWritten(words, before);
  }
  const after = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(acronym)}\\s*\\(([^()]+)`, "u").exec(text);
  if (after) {
    const words = take(after[1].split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean), false);
    if (fits(words)) return asWritten(words, after[1]);
  }
  return undefined;
}

/** A question that asks what an acronym's letters stand for. */
export const asksExpansion = (text: string) => ASKS_EXPANSION.test(text);
const ASKS_EXPANSION = /\bstand\s+for\b|\bshort\s+for\b|\babbreviation\b|\bacronym\b|\bsingkatan\b|\bkepanjangan\w*|\bkependekan\b/i;

/** How a sentence speaks of the term a definition question asks about: says what it is, has it as subject, or neither. */
export function termRole(text: string, term: string[]): "spells" | "defines" | "subject" | undefined {
  if (term.length === 0) return undefined;
  const pattern = termPattern(term);
  let role: "defines" | "subject" | undefined;
  for (const m of text.matchAll(pattern)) {
    // An acronym as the text writes it, however the asker typed it ("mlmc itu apa ya").
    const acronym = term.length === 1 && ACRONYM.test(m[0]);
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + m[0].length);
    // "the performance of the Selector is crucial" is about the performance, not the Selector.
    const ofSomething = /\b(?:of|for|by|to|in|with|from|on|at|dari|untuk|oleh|dengan|pada)\s+(?:(?:the|a|an)\s+)?["'“‘«]?$/iu.test(before);
    // An acronym where it is spelled out: "eksploitasi seksual komersial (CSE)", "CSE (commercial sexual exploitation)".
    if (acronym && ((SPELLED_BEFORE.test(before) && /^\s*\)/.test(after)) || spelledAfter(term[0], after))) return "spells";
    if ((DEFINING_AFTER.test(after) && !ofSomething && !PASSIVE_AFTER.test(after)) || NAMING_BEFORE.test(before) || (APPOSITION_BEFORE.test(before) && /^\s*,/.test(after)) || (DEFINE_BEFORE.test(before) && /^\s+(?:as|sebagai)\b/i.test(after))) role = "defines";
    // "3. Isolasi sistemik. Melihat data ini ...": the term as the run-in heading of what follows.
    if (/^\s*(?:\d{1,2}\.\s*)?$/.test(before) && /^\.\s+\S/.test(after)) return "defines";
    else if (role === undefined && SUBJECT_START.test(before) && /^\s+\p{Ll}/u.test(after) && !NOT_A_VERB.test(after) && !MODIFIES_NEXT.test(after)) role = "subject";
  }
  return role;
}

/** A question that asks how many or how much, or for a kind of value. */
export function wantsNumber(question: Question): boolean {
  return question.count || question.answerTypes.length > 0 || /\b(?:how many|how much|berapa|brp|persen|percent|%)\b/i.test(question.text);
}

/**
 * A noun followed by the items it names: "two LLM agents: the Crawler and the Selector", "baselines such as
 * Google, Google Scholar and ChatGPT", "faktor pendukung, yaitu ...". Two items at least (a comma or an "and").
 */
const INTRODUCES_ITEMS =
  /(\p{L}[\p{L}-]*)\s*(?:\([^)]{0,40}\)\s*)?(?::|,?\s+(?:such as|including|namely|like|e\.g\.,?|yaitu|yakni|antara lain|seperti|meliputi|di antaranya|diantaranya|termasuk))\s+([^.;]{3,})/giu;

/** An item of such a list is a name or a short noun phrase. */
const MAX_ITEM_WORDS = 5;

/** The lists a sentence makes after a noun of `canonical` (a question's topic, as canonical stems): their text as written. */
function* listsAfterNoun(text: string, canonical: ReadonlySet<string>): Generator<string> {
  if (canonical.size === 0) return;
  for (const m of text.matchAll(INTRODUCES_ITEMS)) {
    const noun = analyze(m[1]);
    if ([...noun.canonical, ...noun.terms].some((t) => canonical.has(t))) yield m[2];
  }
}

/** Whether the sentence names items of what `canonical` (a question's topic, as canonical stems) names. */
export function introducesItems(text: string, canonical: ReadonlySet<string>): boolean {
  for (const list of listsAfterNoun(text, canonical)) {
    // (Short items: "such as SpecJVM98 (3) used to evaluate desktop and server Java VMs" names one suite.)
    const items = itemsOfList(list).map((x) => x.split(/\s+/).length);
    if (items.length >= 2 && items.slice(0, 2).every((n) => n <= MAX_ITEM_WORDS)) return true;
  }
  return false;
}

/**
 * The items a sentence names after the noun asked, when each is a name or a short noun phrase: "two LLM
 * agents: the Crawler and the Selector" gives ["Crawler", "Selector"] (a leading article dropped).
 * Nothing when any item is longer, or when the list is cut off by a bullet or a clause.
 */
export function itemsNamed(text: string, canonical: ReadonlySet<string>): string[] {
  for (const list of listsAfterNoun(text, canonical)) {
    if (/[•·:]/u.test(list)) continue;
    const items = itemsOfList(list).map((x) => x.replace(/^(?:the|a|an)\s+/i, ""));
    if (items.length >= 2 && items.every((x) => x.split(/\s+/).length <= MAX_ITEM_WORDS)) return items;
  }
  return [];
}

/** The items of a list's text: split at commas and at "and"/"or" (either language); empty ones dropped. */
function itemsOfList(list: string): string[] {
  return list.split(/,|\s(?:and|or|dan|serta|atau)\s/iu).map((x) => x.trim().replace(/^(?:and|or|dan|serta|atau)\s+/iu, "")).filter(Boolean);
}

export interface ScoredSentence extends EvidenceSentence {
  coverage: number;
  score: number;
  /** The words of a heading the question names, counted among the sentence's terms (see namedHeading); not its own. */
  fromHeading?: ReadonlySet<string>;
}

/** The canonical stems of the noun a question asks for items of ("agents" of "What agents does PaSa have?"). */
export function askedNouns(question: Question): Set<string> {
  const noun = askedNoun(question.tokens);
  const a = noun ? analyze(noun) : undefined;
  return new Set(a ? [...a.canonical, ...a.terms] : []);
}

/**
 * A heading the question names whole: every one of its content words (two or more, see topicOfHeading) is in
 * the question's topic ("Future Work" in "What future work do the authors plan?"). A sentence under it
 * carries its words ("Work is underway ... plan to add the support" is future work).
 */
export function namedHeading(question: Question): (heading: string) => ReturnType<typeof matchable> | undefined {
  const topic = new Set(question.topic);
  const cache = new Map<string, ReturnType<typeof matchable> | undefined>();
  return (heading) => {
    if (!cache.has(heading)) {
      const words = topicOfHeading(heading);
      cache.set(heading, words.length > 0 && words.every((t) => topic.has(t)) ? matchable(headingText(heading)) : undefined);
    }
    return cache.get(heading);
  };
}

export function scoreSentences(sentences: EvidenceSentence[], weights: WeightedTerm[], question: Question, k: number): ScoredSentence[] {
  const cues = wantedCues(question);
  const number = wantsNumber(question);
  const term = definiendum(question);
  const itemsOf = question.several ? askedNouns(question) : new Set<string>();
  const headingNamed = namedHeading(question);
  return sentences
    .map((s) => {
      const heading = headingNamed(s.passage.heading);
      const words = heading ? { terms: new Set([...s.terms, ...heading.terms]), phrases: new Set([...(s.phrases ?? []), ...heading.phrases]) } : { terms: s.terms, phrases: s.phrases };
      const c = coverage(words, weights);
      let score = c + EVIDENCE_WEIGHTS.rankPrior * (1 - s.rank / Math.max(1, k));
      // (A question that asks for several items is answered by a list of them: there the items are what is asked.)
      if (!question.several) score -= EVIDENCE_WEIGHTS.listedOnly * listedOnly(s, weights);
      // ... best by the sentence that names them after the noun asked ("two LLM agents: the Crawler and the Selector").
      else if (introducesItems(s.text, itemsOf)) score += EVIDENCE_WEIGHTS.namesItems;
      const role = termRole(s.text, term);
      // "What does TAM stand for?" is answered where it is spelled out, not by "TAM is a highly cited model".
      if (role === "spells") score += EVIDENCE_WEIGHTS.definesTerm * (ASKS_EXPANSION.test(question.text) ? 2 : 1);
      else if (role === "defines") score += EVIDENCE_WEIGHTS.definesTerm;
      else if (role === "subject") score += EVIDENCE_WEIGHTS.termIsSubject;
      if ([...cues].some((cue) => s.cues.has(cue))) score += EVIDENCE_WEIGHTS.cue;
      if (number && s.hasNumber) score += EVIDENCE_WEIGHTS.number;
      if (question.answerTypes.some((t) => carriesType(s.text, t))) score += EVIDENCE_WEIGHTS.cue;
      // A data row is short, but its columns' names make it read as a sentence.
      if (s.text.length < SHORT_SENTENCE && !s.row) score -= EVIDENCE_WEIGHTS.short;
      else if (s.caption) score -= EVIDENCE_WEIGHTS.caption;
      if (s.pointer) score -= EVIDENCE_WEIGHTS.pointer;
      if (s.passage.kind === "footnote") score -= EVIDENCE_WEIGHTS.footnote;
      if (cues.size > 0 && !cues.has("aim") && !cues.has("method") && (STATED_AIM.test(s.text) || STATED_METHOD.test(s.text))) score -= EVIDENCE_WEIGHTS.statedAim;
      return { ...s, ...words, fromHeading: heading && new Set([...heading.terms].filter((t) => !s.terms.has(t))), coverage: c, score };
    })
    .sort((a, b) => b.score - a.score);
}

/** How much two sentences say the same: shared terms over the smaller sentence's terms. */
export function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}
