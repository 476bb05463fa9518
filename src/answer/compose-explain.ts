/**
 * Answers from prose: the sentences of the retrieved passages that carry what the question asks (a
 * reason, a recommendation, a result, a definition, a number), each quoted once and cited, introduced by
 * who says it ("Study 3 (Rafferty, 2018) reports: «...»", "According to the review, «...»"). Reference-list
 * entries are never quoted as an answer. When nothing is good enough it abstains, saying what is missing.
 */
import type { DocumentInfo } from "../domain/document.ts";
import type { Lang } from "../domain/lang.ts";
import type { Passage } from "../domain/passage.ts";
import type { StudyField, StudyRecord } from "../domain/study.ts";
import { analyze, contentStems, translateTerms } from "../text/analyze.ts";
import { withCognates } from "../text/cognate.ts";
import { escapeRegExp, foldCase } from "../text/tokenize.ts";
import { detectLanguage } from "../text/language.ts";
import { asksForChange, changeIn, isChangeWord } from "./figures.ts";
import { isSuperlativeWord } from "../retrieve/question-words.ts";
import { askedNoun, documentNames, namesWritten, stemsAsking, type AnswerType, type Question } from "../retrieve/question.ts";
import { countedUnits, figuresNear, type FigureAsked } from "./value-types.ts";
import { writeFigure } from "./gloss.ts";
import { ABSTAIN, carriesType, decideAbstention, givesValue, onTopicSentences, type AbstainDecision, type PopulationOf } from "./abstain.ts";
import { addGloss, documentName, labelOf, type ComposeContext, type Composition } from "./compose-context.ts";
import { askedNouns, coverage, definiendum, expansionOf, hasTerm, itemsNamed, overlap, scoreSentences, sentencesOf, termRole, wantedCues, wantsNumber, weighQuestion, type ScoredSentence, type WeightedTerm } from "./evidence.ts";
import { termStatsOf, type TermStats } from "../store/layout.ts";
import { listItemsAfter, listSentence } from "./compose-list-items.ts";
import { rowNamesAskedColumn, rowSentence, tableExtreme, tableWhole } from "./compose-row.ts";
import { studyIsIn } from "./compose-records.ts";
import { joinList, MESSAGES } from "./messages.ts";
import { SentenceBuilder, studyLabel } from "./render.ts";
import type { AnswerSentence } from "./types.ts";
import { loadVocabulary } from "../vocab/vocabulary.ts";

export const SELECTION = {
  /** A further quote must score at least this share of the best one (more quotes than that are padding). */
  minRelativeScore: 0.6,
  /** ... and cover at least this share of what the best one covers. */
  minRelativeCoverage: 0.5,
  /** Two quotes sharing this much of their words say the same thing: keep one. */
  maxOverlap: 0.6,
  /** The asker gets the sentence in their own language when it is about as good as the other (a review with an English and an Indonesian abstract). */
  sameLanguageBonus: 0.05,
} as const;

export interface ExplainInput {
  passages: Passage[];
  /** The user's own words (a follow-up's search text also holds the previous question). */
  ownText: string;
  searchText: string;
  /** Stems that only name the study (weighed less). */
  identity: Set<string>;
  /** Stems that frame the question (never what makes it unanswerable). */
  framing: Set<string>;
  /** Stems of filler words ("give", "tolong"): not weighed. */
  filler: Set<string>;
  namedStudy: boolean;
  /** Quote only sentences that do what the question asks (a recommendation, a result...): a free-text field the records lack. */
  requireCue?: boolean;
  /**
   * The question asks for nothing but a field of each document ("What are the main findings of each
   * document?"): a sentence that does what is asked (reports a result) answers, whatever words it uses.
   */
  fieldOnly?: boolean;
  /**
   * With fieldOnly, the sections the plan looks in, in the order they state the field ("conclusion" before
   * "discussion": "What did the review conclude?" is its Simpulan's before a discussion of one study).
   */
  sectionOrder?: string[];
  /** Values the question names, to say the document does not use, if one of their words is not in it ("It does not mention systematic review."). */
  sayIfUnused?: { text: string; label: string }[];
}

/**
 * Whether a sentence says what one already chosen says. A data row's words include the caption and column
 * names it shares with every row of its table; what it says is its own cells, and two different rows of one
 * table say different things ("γ0 (Equation 3) 1.0", "γ1 (Equation 3) 0.1").
 */
function saysSame(a: ScoredSentence, b: ScoredSentence): boolean {
  if (a.row && b.row) return a.text === b.text;
  const own = (s: ScoredSentence) => (s.row ? new Set(analyze(s.text).terms) : s.fromHeading ? new Set([...s.terms].filter((t) => !s.fromHeading!.has(t))) : s.terms);
  return overlap(own(a), own(b)) >= SELECTION.maxOverlap;
}

/**
 * Pick the quotes: the best first, then others nearly as good that say something new and carry something
 * asked (`carries`, when given).
 */
export function selectQuotes(ranked: ScoredSentence[], max: number, carries: (s: ScoredSentence) => boolean = () => true): ScoredSentence[] {
  const best = ranked[0];
  if (!best) return [];
  const chosen: ScoredSentence[] = [best];
  for (const s of ranked.slice(1)) {
    if (chosen.length >= max) break;
    if (s.score < SELECTION.minRelativeScore * best.score || s.coverage < SELECTION.minRelativeCoverage * best.coverage) continue;
    if (!carries(s)) continue;
    if (chosen.some((c) => saysSame(c, s))) continue;
    chosen.push(s);
  }
  return chosen;
}

/**
 * "Pesertanya berapa orang?": a question that asks for a kind of value (a sample size, a cost, a duration) is
 * answered first by the best on-topic sentence that gives one ("... enam penyintas ..."), not by a sentence
 * that only shares its words ("... dibicarakan dengan peserta ...").
 */
export function valueFirst(ranked: ScoredSentence[], asked: AnswerType[], namedStudy: boolean, thresholds: { onTopic: number }, counted?: Set<string>, population?: PopulationOf): ScoredSentence[] {
  // "How many interviews ...?" asks for any number ("amount"): a sentence with some number is no answer to it,
  // unless the number stands beside what is counted ("ICLR 2023 | 888" for "How many papers from ICLR 2023?").
  const types = asked.filter((t) => t !== "amount" || (counted && counted.size > 0));
  if (types.length === 0 || (ranked[0] && types.every((t) => givesValue(ranked[0], t, counted, population)))) return ranked;
  const valued = onTopicSentences(ranked, namedStudy, thresholds).find((s) => types.every((t) => givesValue(s, t, counted, population)));
  return valued ? [valued, ...ranked.filter((s) => s !== valued)] : ranked;
}

/** A recommending sentence nearly as on-topic as the best is no worse an answer than a more on-topic one that recommends nothing. */
const RECOMMENDATION_MIN_RELATIVE_COVERAGE = 0.5;

/**
 * "Apa saran untuk pemerintah?": a question that asks what is recommended is answered first by a sentence
 * that recommends (the recommendation cue: "harus", "perlu", "dibutuhkan", "should") and covers at least half of
 * what the best one covers, not by one that only names the government ("Pemerintah pusat ... juga dilakukan").
 */
export function recommendationFirst(ranked: ScoredSentence[], question: Question): ScoredSentence[] {
  if (!question.asks.includes("recommendations") || ranked.length === 0) return ranked;
  if (ranked[0].cues.has("recommendation")) return ranked;
  const best = ranked[0].coverage;
  const recommending = ranked.find((s) => s.cues.has("recommendation") && s.coverage >= RECOMMENDATION_MIN_RELATIVE_COVERAGE * best);
  return recommending ? [recommending, ...ranked.filter((s) => s !== recommending)] : ranked;
}

/**
 * Whether a further quote carries something the question asks: one of its content words (not a word that
 * frames the question, like "study" or "hasil", nor one that only names the study), the kind of value it asks
 * for, what it wants done (a reason, a recommendation), or a number when it asks how many. «Desain Studi»
 * shares only "study" with "How many participants did study 9 have?" and is no answer to it. A question with
 * none of these (e.g. "Tell me about study 9") puts no such condition.
 */
export function carriesAsked(weights: WeightedTerm[], input: Pick<ExplainInput, "framing" | "identity">, asked: { types: AnswerType[]; cues: Set<string>; number: boolean }): (s: ScoredSentence) => boolean {
  const names = (w: WeightedTerm) => input.identity.has(w.term) || w.alternatives.some((a) => input.identity.has(a));
  const content = weights.filter((w) => w.weight > 0 && !w.unknown && !input.framing.has(w.term) && !names(w));
  if (content.length === 0 && asked.types.length === 0 && asked.cues.size === 0 && !asked.number) return () => true;
  return (s) =>
    content.some((w) => hasTerm(w, s.terms, s.phrases)) ||
    asked.types.some((t) => carriesType(s.text, t)) ||
    [...asked.cues].some((c) => s.cues.has(c)) ||
    (asked.number && s.hasNumber);
}

/**
 * A sentence made only of the question's own words («math-spectral-norm», a heading that repeats the question)
 * tells the reader nothing they did not ask with: it is quoted only when nothing else is there. A number, or
 * any word the question does not have, says more.
 */
export function saysMoreThan(weights: WeightedTerm[], framing: Set<string>): (s: ScoredSentence) => boolean {
  const asked = new Set(weights.flatMap((w) => [w.term, ...w.alternatives]));
  return (s) => s.hasNumber || [...s.terms].some((t) => !asked.has(t) && !framing.has(t));
}

/** The terms of the words a question may name a document by (documentNames). */
const nameTerms = (doc: DocumentInfo): string[] => documentNames(doc).flatMap((n) => analyze(n).terms);
/** Two or more capitalised words in a row past the question's first word: a name ("Internet Explorer", "Google Scholar"). */
const NAME_OF_WORDS = /(?<=\s)\p{Lu}[\p{L}\d-]*(?:\s+\p{Lu}[\p{L}\d-]*)+/gu;

/**
 * The names of several words the question writes that none of these passages writes (case and spacing
 * aside), as stems: the search finds every passage with a rare name's words, so a name absent from them
 * all is absent from the document. (English on an English document only: a translated name is written
 * otherwise, "West Java" as "Jawa Barat".)
 */
function namesNotWritten(question: string, passages: Passage[], documentName: Set<string>): string[][] {
  // Word by word as stems, so that inflections match ("JavaScript VMs", "JavaScript VM"); the document's own
  // name aside ("the PaSa Selector" is its Selector).
  const names = [...question.matchAll(NAME_OF_WORDS)].map((m) => contentStems(m[0]).filter((t) => !documentName.has(t))).filter((n) => n.length >= 2);
  if (names.length === 0) return [];
  const texts = passages.map((p) => contentStems(p.text));
  const writes = (stems: string[], name: string[]) => stems.some((_, i) => name.every((t, j) => stems[i + j] === t));
  return names.filter((name) => !texts.some((stems) => writes(stems, name)));
}

/** The question's topic stems other than those of the names it writes (capitalised past its first word), in English. */
function beyondNames(q: Question): Set<string> {
  // (English only: an everyday Indonesian word a formal text never uses, "nyumbang", is the asker's register.)
  if (q.lang !== "en") return new Set();
  const names = new Set(namesWritten(q.text).flatMap((n) => [n, ...contentStems(n)]));
  return new Set(q.topic.filter((t) => !names.has(t)));
}

/** The names a document is called by that are written as names: an acronym, a name in mixed case ("PaSa"). */
const properNames = (doc: DocumentInfo): string[] => documentNames(doc).filter((n) => /\p{Lu}/u.test(n));

/** Words for a document's authors: beside its name, they name it ("What datasets did the PaSa authors create?"). */
const AUTHOR_NOUNS = ["author", "authors", "penulis", "pengarang"];
/** Nouns a question names a document with, beside its name ("the PaSa paper", "artikel ini"). */
const DOCUMENT_NOUNS = ["paper", "article", "review", "document", "artikel", "makalah", "tinjauan", "dokumen"];

/** The document that answers best: quotes come from one document, so facts never cross between documents. */
function bestDocument(ranked: ScoredSentence[]): string | undefined {
  return ranked[0]?.passage.docId;
}

function sayWho(context: ComposeContext, s: ScoredSentence): string {
  const m = MESSAGES[context.lang];
  const records = s.passage.studies.map((n) => context.records.find((r) => r.docId === s.passage.docId && r.number === n)).filter((r) => r !== undefined);
  // A study's title cell is what it is called, not something it reports: "Study 2 (...) is titled «...»".
  if (records.length === 1 && s.field === "title") return m.fieldIs.title(labelOf(context, records[0]!), "").trimEnd();
  if (records.length === 1) return m.reports(labelOf(context, records[0]!));
  return m.according(documentName(context, s.passage.docId));
}

/** A sentence with this much of a why-question's words, and no reason of its own, only restates what is asked. */
const RESTATES_COVERAGE = 0.8;

/**
 * A quote that the next sentence of its passage completes (the reason after the finding, "Langkah awal ..."
 * after the recommendation): that sentence joins the quote when it does what the question asks or covers
 * a question word the first one lacks.
 */
export function withContinuation(s: ScoredSentence, ranked: ScoredSentence[], weights: ReturnType<typeof weighQuestion>, context: ComposeContext): ScoredSentence {
  // A table row's cells are each a value of their own (a title, then the study's results): none continues another.
  if (s.passage.kind === "table-row") return s;
  // "Why does PaSa use the Selector as an auxiliary reward model?": «To mitigate this, we use the Selector ...»
  // says why only with the sentence it points back to («... this could lead to sparse rewards»).
  const previous = ranked.find((r) => r.passage.id === s.passage.id && r.end <= s.start && /^\s*$/.test(s.passage.text.slice(r.end, s.start)));
  const wantsReason = wantedCues(context.question).has("reason") && !s.cues.has("reason");
  if (previous && wantsReason && continuesBack(s.text) && s.end - previous.start <= CONTINUATION_MAX_CHARS) s = widened(s, previous);
  const next = ranked.find((r) => r.passage.id === s.passage.id && r.start > s.end && /^\s*$/.test(s.passage.text.slice(s.end, r.start)));
  if (!next || next.end - s.start > CONTINUATION_MAX_CHARS) return s;
  const cues = wantedCues(context.question);
  // ("Why are nested loops difficult for tracing VMs?": «Nested loops can be difficult to optimize for tracing
  // VMs.» only says that they are; the reason, if the passage gives one, is what it says next.)
  const restatesOnly = cues.has("reason") && !s.cues.has("reason") && coverage(s, weights) >= RESTATES_COVERAGE;
  const addsCue = [...cues].some((c) => next.cues.has(c) && !s.cues.has(c)) || continuesBack(next.text) || restatesOnly;
  const addsWord = weights.some((w) => !w.unknown && w.weight > 0 && hasTerm(w, next.terms, next.phrases) && !hasTerm(w, s.terms, s.phrases));
  if (!addsCue && !addsWord) return s;
  return widened(s, next);
}

/** A quote widened to cover `other` too (of the same passage), with the words and cues of both. */
function widened(s: ScoredSentence, other: ScoredSentence): ScoredSentence {
  const start = Math.min(s.start, other.start);
  const end = Math.max(s.end, other.end);
  return { ...s, start, end, text: s.passage.text.slice(start, end), terms: new Set([...s.terms, ...other.terms]), cues: new Set([...s.cues, ...other.cues]) };
}

/**
 * Quotes that a continuation made overlap ("A. B." chosen, then "B. C.") become one quote ("A. B. C.") in
 * the place of the first: nothing is said twice, and nothing either said is lost.
 */
export function mergeOverlaps(quotes: ScoredSentence[]): ScoredSentence[] {
  const out: ScoredSentence[] = [];
  for (const q of quotes) {
    const i = out.findIndex((o) => o.passage.id === q.passage.id && o.start < q.end && q.start < o.end);
    if (i < 0) out.push(q);
    else out[i] = widened(out[i], q);
  }
  return out;
}

/** A sentence that opens by pointing back ("Langkah awal untuk merealisasikan ini semua", "This means") continues the one before. */
export function continuesBack(sentence: string): boolean {
  const words = sentence.split(/\s+/);
  const opening = words.slice(0, 7).join(" ").toLowerCase();
  // "Bimbingan ini meliputi ...", "Program tersebut ...": a demonstrative in the first words points back.
  const demonstrative = /\b(?:ini|itu|tersebut)\b/.test(words.slice(0, 3).join(" ").toLowerCase());
  // "Then ...", "The agent subsequently uses ...", "Kemudian ...": the next step of what the sentence before began.
  const nextStep = /^(?:then|next|afterwards|after that|subsequently|kemudian|selanjutnya|lalu)\b/.test(opening) || /\bsubsequently\b/.test(opening);
  // "In particular, ...", "Khususnya ...": the detail of what the sentence before said.
  const detail = /^(?:in particular|specifically|more specifically|for example|for instance|khususnya|terutama|misalnya|contohnya)\b/.test(opening);
  return demonstrative || nextStep || detail || /\b(?:ini semua|hal ini|hal tersebut|oleh karena itu|dengan demikian|sehingga|this|these|those|therefore|thus|as a result)\b/.test(opening);
}

/** "Turun berapa ...?": the change the first quote that gives both figures implies, said first and cited to it. */
function changeStated(context: ComposeContext, chosen: ScoredSentence[]): AnswerSentence | undefined {
  for (const s of chosen) {
    const change = changeIn(context.question.text, s.text);
    if (!change) continue;
    const number = (n: number) => n.toLocaleString(context.lang === "id" ? "id-ID" : "en-US", { maximumFractionDigits: 3 });
    const show = (f: { value: number; percent: boolean }) => `${number(f.value)}${f.percent ? "%" : ""}`;
    const said = MESSAGES[context.lang].change(number(Math.abs(change.delta)), change.percent, show(change.from), show(change.to), change.delta < 0);
    return new SentenceBuilder().say(said).cite(context.citations.cite(s.passage, s.start, s.end)).done();
  }
  return undefined;
}

/**
 * "What agents does PaSa have?": "The agents: Crawler and Selector [1]", read from the best quote when it
 * names them after the noun asked ("PaSa consists of two LLM agents: the Crawler and the Selector").
 */
function itemsStated(context: ComposeContext, best: ScoredSentence | undefined): AnswerSentence | undefined {
  const noun = askedNoun(context.question.tokens);
  if (!best || best.row || !context.question.several || !noun) return undefined;
  const items = itemsNamed(best.text, askedNouns(context.question));
  if (items.length === 0) return undefined;
  return new SentenceBuilder().say(MESSAGES[context.lang].items(noun, items)).cite(context.citations.cite(best.passage, best.start, best.end)).done();
}

/** Answer types whose values are figures. */
const FIGURE_TYPES: ReadonlySet<AnswerType> = new Set<AnswerType>(["amount", "prevalence", "sample", "duration", "cost", "breakdown"]);
/** A question that asks about what is not something (its figure is the rest of the text's). */
const NEGATED = /(?<![\p{L}])(?:not|never|none|without|except|other than|tidak|bukan|tak|belum|tanpa|selain|nggak|gak|enggak|non)(?![\p{L}])/iu;
/** More figures than this beside the question's words are a table of them, not an answer to read first. */
const MAX_FIGURES_STATED = 4;

/**
 * A question that asks for a figure ("How many queries are in RealScholarQuery?", "Berapa persen ...?") gets
 * the figures of its best quote that stand beside what it counts (or, when it names no unit, beside its own
 * words), said before the quote: the reader sees the answer first, in their language, and reads it in context next.
 */
/** What the figures asked for count (the counted words, else the question's content words), and whether a share is asked. */
function figureUnits(q: Question, content: WeightedTerm[], counted: Set<string>): { units: Set<string>; asked: FigureAsked } {
  const units = counted.size > 0 ? counted : new Set(content.flatMap((w) => [w.term, ...w.alternatives]));
  const share = /(?:\bpersen\w*|\bpercent\w*|\bproporsi\w*|\bproportion\w*|\bshare\b|%)/i.test(q.text);
  return { units, asked: share ? "share" : AMOUNT_ASKED.test(q.text) ? "amount" : "count" };
}

/** "How much ...?", "seberapa ...?", "berapa besar ...?": a quantity, which a share or a multiple may give as well as a count. */
const AMOUNT_ASKED = /\bhow\s+much\b|\bseberapa\b|\bberapa\s+besar\b/i;

function figuresStated(context: ComposeContext, best: ScoredSentence | undefined, { units, asked }: { units: Set<string>; asked: FigureAsked }): AnswerSentence | undefined {
  const q = context.question;
  // ("tahun berapa" asks a year with a count word: a date asked and no figure is a date question.)
  if (best && !best.row && q.answerTypes.includes("date") && !q.answerTypes.some((t) => FIGURE_TYPES.has(t))) return yearsStated(context, best);
  if (!best || best.row || !(q.count || q.answerTypes.some((t) => FIGURE_TYPES.has(t)))) return undefined;
  // "Berapa persen yang bukan ...?": the figure the text gives is of the rest; the quote says which.
  if (NEGATED.test(q.text)) return undefined;
  const figures = figuresNear(best.text, units, asked);
  if (figures.length === 0 || figures.length > MAX_FIGURES_STATED) return undefined;
  // Written as the reader's language writes figures, from the way the quote's language does ("9,978" is English).
  const shown = detectLanguage(best.text) === context.lang ? figures : figures.map((f) => writeFigure(f, context.lang));
  return new SentenceBuilder().say(MESSAGES[context.lang].figures(shown)).cite(context.citations.cite(best.passage, best.start, best.end)).done();
}

/** A year, or a span of years ("2011-2021", "2004–2017", "2011 sampai 2016"). */
const YEARS = /(?<![\p{L}\d.,/])((?:19|20)\d{2})(?:\s*(?:[-–—]|sampai|hingga|to|until)\s*((?:19|20)\d{2}))?(?![\p{L}\d])/gu;
/** More years than this in the best quote are a history, not an answer to say first. */
const MAX_YEARS_STATED = 2;

/** Where in the text the first figure the question gives (not a year) stands ("In which year were 244 cases reported?"). */
function givenFigureAt(question: string, text: string): number | undefined {
  const given = (question.match(/(?<![\d.,])\d[\d.,]*\d|(?<![\d.,])\d(?![\d.,])/g) ?? []).filter((n) => !/^(?:19|20)\d{2}$/.test(n));
  return given.map((n) => text.search(new RegExp(`(?<![\\d.,])${n.replace(/[.,]/g, "[.,]")}(?![\\d])`))).find((i) => i >= 0);
}

/**
 * "What years does the UNICEF study in Ivory Coast look at?", "Dari tahun berapa sampai berapa?": the years or
 * span of its best quote, said first ("The years: 2011–2016 [1]."), when it gives one or two; not a citation's
 * year ("(Humairo, 2018)").
 */
function yearsStated(context: ComposeContext, best: ScoredSentence): AnswerSentence | undefined {
  const withoutCitations = best.text.replace(/\([^()]*\b(?:19|20)\d{2}[a-z]?\)/g, (m) => " ".repeat(m.length));
  let matches = [...withoutCitations.matchAll(YEARS)];
  // "In which year were 244 cases reported?": of several years, the one nearest the figure the question gives.
  const at = givenFigureAt(context.question.text, withoutCitations);
  if (at !== undefined && matches.length > 1) matches = [matches.reduce((a, b) => (Math.abs(b.index - at) < Math.abs(a.index - at) ? b : a))];
  const found = matches.map((m) => (m[2] ? `${m[1]}–${m[2]}` : m[1]));
  const years = [...new Set(found)];
  if (years.length === 0 || years.length > MAX_YEARS_STATED) return undefined;
  return new SentenceBuilder().say(MESSAGES[context.lang].years(years)).cite(context.citations.cite(best.passage, best.start, best.end)).done();
}

/** Record fields of a study table's cells that only say where, when and by whom a study was published. */
const BIBLIOGRAPHIC_CELLS: ReadonlySet<string> = new Set<StudyField>(["venue", "authors", "year", "database"]);
/** The standard disclaimer of funded work: that its opinions, findings and recommendations are the authors', not the funder's. */
export const isDisclaimer = (text: string) => DISCLAIMER.test(text);
const DISCLAIMER = /\bopinions,?\s+findings,?\s+(?:and|or)\s+conclusions\b|\b(?:do|does)\s+not\s+necessarily\s+(?:reflect|represent)\b|\bnot\s+be\s+interpreted\s+as\s+necessarily\s+representing\b/i;
/** What a study's title cell loses against the sentences that state things (calibrated on dev: 0.3 lost e020's years). */
const TITLE_CELL_PENALTY = 0.15;
/** Cues of what a text states (asked as a field: recommendations, outcomes, aim, theory), which no title does. */
const STATED_CUES: ReadonlySet<string> = new Set(["recommendation", "result", "aim", "theory"]);

/** A quote with its continuation stays readable. */
const CONTINUATION_MAX_CHARS = 600;

/** The stems of the populations the records give (a study's shares are of them). */
function populationStems(records: StudyRecord[]): Set<string> {
  return new Set(records.flatMap((r) => (r.fields.population ?? []).flatMap((v) => analyze(v.text).terms)));
}

/**
 * A word the question writes as a name: in capitals ("PRISMA"), capitalised past its first word ("in Thailand"),
 * or a number; of two letters, only in capitals (not "No" of "UU No. 21").
 */
function writtenAsName(text: string, word: string): boolean {
  if (/^\d/.test(word) || (/^\p{Lu}[\p{Lu}\d-]+$/u.test(word) && word.length >= 2)) return true;
  if (!/^\p{Lu}/u.test(word) || word.length <= 2) return false;
  const first = text.trim().split(/\s+/)[0]?.replace(/[^\p{L}\p{N}-]/gu, "");
  return first !== word || text.indexOf(word) !== text.lastIndexOf(word);
}

/** Words that stand side by side in the question said as one ("Justice Mission", not "Justice and Mission"). */
function adjacentJoined(text: string, words: string[]): string[] {
  const tokens = text.split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
  const out: string[] = [];
  let run: string[] = [];
  for (const token of [...tokens, ""]) {
    if (words.includes(token) && !run.includes(token)) run.push(token);
    else if (run.length > 0) {
      const phrase = run.join(" ");
      if (!out.includes(phrase) && !out.some((o) => o.split(" ").some((w) => run.includes(w)))) out.push(phrase);
      run = [];
    }
  }
  return out;
}

/** The question's own words for the given stems ("PRISMA" for "prisma"). */
function wordsOf(text: string, stems: string[]): string[] {
  if (stems.length === 0) return [];
  const out: string[] = [];
  for (const word of text.split(/[^\p{L}\p{N}-]+/u)) {
    const stem = analyze(word).terms[0];
    if (stem && stems.includes(stem) && !out.includes(word)) out.push(word);
  }
  return out;
}

/** The question weighed against `stats`, and the sentences of `passages` ranked by it. */
function rankSentences(context: ComposeContext, input: ExplainInput, passages: Passage[], stats: TermStats, sameLanguage = false, documentLang?: Lang): { weights: WeightedTerm[]; ranked: ScoredSentence[] } {
  const own = new Set(weighQuestion(input.ownText, stats).map((w) => w.term));
  const weights = weighQuestion(input.searchText, stats, { identity: input.identity, own, framing: input.framing, filler: input.filler, sameLanguage, documentLang });
  let ranked = scoreSentences(sentencesOf(passages), weights, context.question, Math.max(1, passages.length));
  const cues = wantedCues(context.question);
  if (input.requireCue || input.fieldOnly) ranked = ranked.filter((s) => [...cues].some((c) => s.cues.has(c)));
  // A study table's journal, author, year or database cell says where and by whom, not what was found: it is
  // no evidence for a question that does not ask for it ("Jurnal Ilmu Pemerintahan" for "advice to the government?").
  ranked = ranked.filter((s) => !s.field || !BIBLIOGRAPHIC_CELLS.has(s.field) || context.question.asks.includes(s.field as StudyField));
  // Nor is a funder's disclaimer ("Any opinions, findings, and conclusions or recommendations expressed here
  // are those of the author ..."): it has every word of "what are the findings?" and states none.
  ranked = ranked.filter((s) => !isDisclaimer(s.text));
  // Nor is a study's title for a question about what something recommends, finds or aims at: a title names
  // the study, it states none of these ("Analisis Kebijakan Pemerintah ..." for "What does the review recommend
  // to the government?").
  const stated = [...cues].some((c) => STATED_CUES.has(c));
  // ... nor for what a thing is or does ("Apa peran Save the Children?"): a title names it, it defines nothing.
  const defining = definiendum(context.question).length > 0;
  if ((stated || defining) && !context.question.asks.includes("title")) ranked = ranked.filter((s) => s.field !== "title");
  // For any other question a title may still carry what is asked ("... Tahun 2011-2016"), but it ranks below a
  // sentence that says as much: it names the study, it states nothing ("How did Save the Children help ...?").
  else if (!context.question.asks.includes("title")) ranked = ranked.map((s) => (s.field === "title" ? { ...s, score: s.score - TITLE_CELL_PENALTY } : s));
  // Nor is a study done somewhere else than the place the question names.
  ranked = elsewhereLeftOut(context, ranked);
  // The asker's own language wins a tie: a review with an abstract in both languages is quoted in the asker's.
  ranked = ranked.map((s) => (s.passage.lang === context.lang ? { ...s, score: s.score + SELECTION.sameLanguageBonus } : s)).sort((a, b) => b.score - a.score);
  // Only the field was asked: nothing else tells its sentences apart, so the one that says it most (more of
  // its cue words: "Our experimental results show ... Our experiments also show ...") comes first, before one
  // that only brushes it ("... to further improve the performance").
  if (input.fieldOnly) {
    // (A sentence in the asker's language counts one more: "Tujuan: penulisan artikel ini adalah ..." for an
    // Indonesian asker, over the English abstract's "Purpose: this article aims to ...".)
    const said = (s: ScoredSentence) => loadVocabulary("cues").match(s.text).filter((m) => cues.has(m.key)).length + (s.passage.lang === context.lang ? 1 : 0);
    // The section that states it first (its order in the plan; a section not in it after them).
    const order = input.sectionOrder ?? [];
    const rank = (s: ScoredSentence) => (order.includes(s.passage.section) ? order.indexOf(s.passage.section) : order.length);
    ranked = ranked.map((s) => ({ s, n: said(s), r: rank(s) })).sort((a, b) => a.r - b.r || b.n - a.n || b.s.score - a.s.score).map((x) => x.s);
  }
  return { weights, ranked };
}

/** "The review does not cover this." only when a review is what is in scope; else the paper's or the documents'. */
function notCoveredPhrase(context: ComposeContext): string {
  const m = MESSAGES[context.lang];
  const [only, ...others] = context.documents;
  if (!only || others.length > 0) return only ? m.notCoveredDocuments : m.notCovered;
  return only.kind === "review" && !context.namesDocuments ? m.notCovered : m.notCoveredBy(documentName(context, only.id));
}

/**
 * The answer from the prose: the sentences that carry what was asked, each quoted and cited, from one
 * document. A question that names several documents ("Both PaSa and the TraceMonkey paper talk about trees.
 * What kind of tree does each one build?") is answered by each of them in turn, and one that does not cover it
 * says so.
 */
export function composeExplain(context: ComposeContext, input: ExplainInput): Composition & { decision: AbstainDecision } {
  const named = context.question.docs.filter((d) => input.passages.some((p) => p.docId === d));
  if (named.length < 2) return composeExplainOne(context, input);
  const namesOf = (docId: string) => {
    const doc = context.documents.find((d) => d.id === docId);
    return doc ? nameTerms(doc) : [];
  };
  const each = named.map((docId) =>
    composeExplainOne(
      { ...context, documents: context.documents.filter((d) => d.id === docId), question: { ...context.question, docs: [docId] }, maxSentences: Math.max(1, Math.ceil(context.maxSentences / named.length)), namesDocuments: true },
      // The other documents' names are not words this one lacks: they say which part of the question is theirs.
      { ...input, passages: input.passages.filter((p) => p.docId === docId), filler: new Set([...input.filler, ...named.filter((d) => d !== docId).flatMap(namesOf)]) },
    ),
  );
  const answered = each.filter((c) => !c.abstained);
  if (answered.length === 0) return composeExplainOne(context, input);
  return {
    sentences: each.flatMap((c) => c.sentences),
    abstained: false,
    studies: [...new Set(answered.flatMap((c) => c.studies))],
    reason: "",
    bestSupport: Math.max(...answered.map((c) => c.bestSupport)),
    decision: answered[0].decision,
  };
}

/**
 * "Berapa anak laki-laki dan perempuan korban di Indonesia?": a sentence of a study done somewhere else (a US
 * program's clients) does not answer for the place asked. Sentences of studies whose records say where they
 * were done elsewhere are left out; the review's own prose, and studies whose place is not known, stay.
 */
function elsewhereLeftOut(context: ComposeContext, ranked: ScoredSentence[]): ScoredSentence[] {
  const places = context.question.values.filter((v) => v.field === "country").map((v) => v.key);
  if (places.length === 0) return ranked;
  const elsewhere = (s: ScoredSentence) => {
    const records = s.passage.studies.map((n) => context.records.find((r) => r.docId === s.passage.docId && r.number === n && r.kind === "study"));
    const known = records.map((r) => (r ? studyIsIn(r, places) : undefined)).filter((v) => v !== undefined);
    return known.length > 0 && known.every((v) => v === false);
  };
  return ranked.filter((s) => !elsewhere(s));
}

/**
 * The document that answers, from a ranking over several: the one whose sentence covers most of what the
 * question is about, not of the words that frame it. "Apa saran untuk pemerintah?" asks about the
 * government; a compiler paper's "This suggests that ..." covers only "saran" (suggest) and is no answer.
 * With no topic word covered anywhere, the best-ranked sentence's document.
 */
export function documentOf({ weights, ranked }: { weights: WeightedTerm[]; ranked: ScoredSentence[] }, framing: Set<string>): string | undefined {
  const topic = weights.filter((w) => !framing.has(w.term));
  if (topic.length === 0 || topic.length === weights.length) return ranked[0]?.passage.docId;
  let best = ranked[0];
  let most = best ? coverage(best, topic) : 0;
  for (const s of ranked) {
    const covered = coverage(s, topic);
    if (covered > most) [best, most] = [s, covered];
  }
  return best?.passage.docId;
}

/**
 * Of these documents, those that use every name the question writes (a capitalised word after its first, that
 * some document of the index uses): all of them when it writes none, or when none uses them all.
 */
function documentsUsingNames(context: ComposeContext, docs: string[]): string[] {
  const used = namesWritten(context.question.text).filter((t) => (context.termStats.df[t] ?? 0) > 0);
  if (used.length === 0) return docs;
  const using = docs.filter((d) => used.every((t) => (termStatsOf(context.termStats, d).df[t] ?? 0) > 0));
  return using.length > 0 ? using : docs;
}

function composeExplainOne(context: ComposeContext, input: ExplainInput): Composition & { decision: AbstainDecision } {
  const m = MESSAGES[context.lang];
  const quotable = input.passages.filter((p) => p.kind !== "reference");
  // Quotes come from one document, and whether it answers is decided on that document alone: a name or a
  // word that only another document uses ("Thailand" in a paper on something else) does not make this one
  // cover the question. With one document its statistics are the index's, and nothing changes. When the
  // passages come from several documents, a first ranking over all of them picks the document.
  const docs = new Set(quotable.map((p) => p.docId));
  // A name the question uses ("Python", "SunSpider") that only some of the documents use points to those.
  const candidates = docs.size > 1 ? documentsUsingNames(context, [...docs]) : [...docs];
  const bestDoc = candidates.length === 1 ? candidates[0] : documentOf(rankSentences(context, input, quotable.filter((p) => candidates.includes(p.docId)), context.termStats), input.framing);
  // An English question on an English document: no translation stands between them, so a word the document
  // never uses is one it does not have. Not so for Indonesian: questions are asked in an everyday register
  // ("singkatan", "kak", "pake") that a formal text rarely uses, and measured on dev that cost answers.
  const documentLang = context.documents.find((d) => d.id === bestDoc)?.lang;
  const sameLanguage = context.question.lang === "en" && documentLang === "en";
  let { weights, ranked } = bestDoc
    ? rankSentences(context, input, quotable.filter((p) => p.docId === bestDoc), termStatsOf(context.termStats, bestDoc), sameLanguage, documentLang)
    : rankSentences(context, input, quotable, context.termStats);
  // "turun berapa poin?": a change is worked out from two figures (changeStated), not read beside its unit.
  // "berapa persen remaja ..." of a study of adolescents: its own population is what its shares are of, said or not.
  const population = populationStems(context.records.filter((r) => context.question.studies.some((q) => q.docId === r.docId && q.number === r.number)));
  // (A share only: "how many survivors' stories ...?" of a study of survivors counts the survivors.)
  const shares = context.question.answerTypes.includes("prevalence");
  // "What percentage of MLMC participants were boys?" counts nothing, and a share is of what its words name:
  // a sentence's shares answer it only beside one of them ("72% ... CSE" is no share of boys).
  const typedShare = new Set(stemsAsking(context.question, ["prevalence"]));
  const shareOf = shares && context.question.counted.length === 0 ? context.question.topic.filter((t) => !typedShare.has(t) && !input.identity.has(t)) : [];
  const countedTerms = asksForChange(context.question.text) ? [] : (shareOf.length > 0 ? shareOf : context.question.counted).filter((t) => !(shares && population.has(t)));
  // ("kueri": the English paper's "queries" are what is counted, spelled its way.)
  const counted = countedUnits(withCognates(countedTerms, context.termStats.df));
  // The population of the study a sentence is from, for the shares it gives.
  const populations = new Map<string, Set<string>>();
  const populationOf: PopulationOf = (s) => {
    const key = `${s.passage.docId}#${s.passage.studies.join(",")}`;
    let out = populations.get(key);
    if (!out) {
      out = populationStems(context.records.filter((r) => r.docId === s.passage.docId && s.passage.studies.includes(r.number)));
      populations.set(key, out);
    }
    return out;
  };
  // (The named document's name is where to look, like the words that frame the question: not what it is about.)
  const namedDoc = context.documents.find((d) => d.id === bestDoc && context.question.docs.includes(d.id));
  const scope = new Set(namedDoc ? nameTerms(namedDoc) : []);
  const bestDocInfo = context.documents.find((d) => d.id === bestDoc);
  // (Its name as a name: "PaSa", "TAM"; not the words of its file name, "review-child-trafficking-programs".)
  // ("the PaSa authors", "penulis PaSa": its authors, beside its name, are the document too.)
  const nameStems = new Set(namedDoc ? [...properNames(namedDoc), ...AUTHOR_NOUNS].flatMap((n) => analyze(n).terms) : []);
  let decision = decideAbstention(ranked, weights, { answerTypes: context.question.answerTypes, namedStudy: input.namedStudy, counted, population: populationOf, scope, named: nameStems, typed: context.question.typedStems, topicBeyondNames: beyondNames(context.question), topic: new Set(context.question.topic), absentNames: sameLanguage && bestDoc ? namesNotWritten(context.question.text, quotable.filter((p) => p.docId === bestDoc), new Set(bestDocInfo ? nameTerms(bestDocInfo) : [])) : [] }, { ...ABSTAIN, ...context.abstain });
  // Only the field was asked, and a sentence does what it asks: the words of the question need not be in it.
  if (decision.abstain && input.fieldOnly && ranked.length > 0 && decision.missingTypes.length === 0) decision = { ...decision, abstain: false, reason: "", notMentioned: [] };
  if (decision.abstain) {
    const b = new SentenceBuilder().say(notCoveredPhrase(context));
    // "this year's figures": say when the document was written, if its year is known.
    const year = context.documents.length === 1 ? context.documents[0].year : null;
    // "Berapa usia rata-rata ...?": say what has no figure, in the asker's words.
    const counting = countedTerms.length > 0 ? context.question.countedPhrase : "";
    const say = (type: AnswerType) => (type === "current" && year ? m.writtenIn(year) : type === "amount" && counting ? m.noFigureFor(counting) : m.notCoveredType[type]);
    for (const type of decision.missingTypes) b.say(` ${say(type)}`);
    // "Did the review use PRISMA?": the name it never uses, in the asker's words ("It does not mention PRISMA.").
    // Names only: an acronym, a capitalised word past the first, a number ("PRISMA", "Thailand", "2023"); a
    // concept word ("released", "sessions") is too often only the asker's way of putting it.
    const unnamed = wordsOf(context.question.text, decision.notMentioned).filter((w) => writtenAsName(context.question.text, w));
    if (unnamed.length > 0) b.say(` ${m.notMentioned(joinList(adjacentJoined(context.question.text, unnamed), context.lang))}`);
    return { sentences: [b.done("frame")], abstained: true, studies: [], reason: decision.reason, bestSupport: decision.bestCoverage, decision };
  }
  // Whether the document answers is decided on the question as asked (above). Which of its sentences answers
  // it is not: in the PaSa paper every sentence is "in PaSa", so the words that name the document the question
  // named ("What is the Selector in PaSa?") only say where to look, like a study's name.
  const named = context.documents.find((d) => d.id === bestDoc && context.question.docs.includes(d.id));
  if (named) {
    // "the TraceMonkey paper", "artikel PaSa": the noun that goes with the name names the document too.
    const naming = [...nameTerms(named), ...DOCUMENT_NOUNS.flatMap((n) => analyze(n).terms)];
    const scoped = { ...input, identity: new Set([...input.identity, ...naming]) };
    ({ weights, ranked } = rankSentences(context, scoped, quotable.filter((p) => p.docId === bestDoc), termStatsOf(context.termStats, bestDoc!), sameLanguage, documentLang));
  }
  ranked = valueFirst(ranked, context.question.answerTypes, input.namedStudy, { ...ABSTAIN, ...context.abstain }, counted, populationOf);
  ranked = recommendationFirst(ranked, context.question);
  const doc = bestDocument(ranked);
  const asked = carriesAsked(weights, input, { types: context.question.answerTypes, cues: wantedCues(context.question), number: wantsNumber(context.question) });
  // "What is X?" answered by a sentence that says what X is or does: a further quote must say so too, not
  // only name X (a caption, a table label).
  const fromDoc = ranked.filter((s) => s.passage.docId === doc);
  const term = definiendum(context.question);
  const defined = fromDoc.length > 0 && termRole(fromDoc[0].text, term) !== undefined;
  const carriesWords = defined ? (s: ScoredSentence) => asked(s) && termRole(s.text, term) !== undefined : asked;
  // A footnote (an author note, a link) answers only as the best evidence: it never pads an answer the text gives;
  // nor does a pointer or a signpost ("This section explains how trace trees are formed").
  // "Is this a meta-analysis?": a further quote names a design too (the first says what the document is); the
  // rest of its method (its databases, its criteria) is not what was asked.
  const namesDesign = (s: ScoredSentence) => !input.sayIfUnused || loadVocabulary("design").match(s.text).length > 0;
  const carries = (s: ScoredSentence) => carriesWords(s) && rowNamesAskedColumn(s, weights) && s.passage.kind !== "footnote" && !s.pointer && namesDesign(s);
  const informative = fromDoc.filter(saysMoreThan(weights, input.framing));
  const chosen = mergeOverlaps(selectQuotes(informative.length > 0 ? informative : fromDoc, context.maxSentences, carries).map((s) => withContinuation(s, ranked, weights, context)));
  // Reading order within a passage; the strongest passage first.
  const sentences: AnswerSentence[] = [];
  const studies: number[] = [];
  const change = changeStated(context, chosen);
  if (change) sentences.push(change);
  // The question's own words: what it is about, not what frames it or names the study or document.
  const content = weights.filter((w) => w.weight > 0 && !w.unknown && !input.framing.has(w.term) && !w.identity);
  // "How many queries ...?": the figures asked for, said first, then the quote they are read from.
  // (A share is of the population of the study it is from, said or not: "Berapa persen remaja ..." of a study of adolescents.)
  const sharesOf = shares && chosen[0] ? new Set([...counted].filter((t) => !populationOf(chosen[0]).has(t))) : counted;
  const figuresAsked = figureUnits(context.question, content, sharesOf);
  const figures = change ? undefined : figuresStated(context, chosen[0], figuresAsked);
  if (figures) sentences.push(figures);
  // "What agents does PaSa have?": the items its best quote names after the noun asked, said first.
  const items = change || figures ? undefined : itemsStated(context, chosen[0]);
  if (items) sentences.push(items);
  // "What does PPO stand for?", "What is CSE?": what its letters stand for, said first, from the quote that spells it out.
  const spelled = term.length === 1 ? chosen.find((s) => termRole(s.text, term) === "spells") : undefined;
  // (The acronym as the text writes it: "CSE" for "what does cse stand for?".)
  const acronym = spelled ? (new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term[0])}(?![\\p{L}\\p{N}])`, "iu").exec(spelled.text)?.[0] ?? term[0]) : term[0];
  const expansion = spelled ? expansionOf(spelled.text, acronym) : undefined;
  if (spelled && expansion) {
    const b = new SentenceBuilder().say(`${m.standsFor(acronym)} `).quote(expansion.replace(/\s+/g, " ")).cite(context.citations.cite(spelled.passage, spelled.start, spelled.end));
    sentences.push(addGloss(b, context, expansion, spelled.passage).done());
  }
  // "Which conference has the most queries?": the highest of the asked column, over all the table's rows.
  const according = (p: Passage) => MESSAGES[context.lang].according(documentName(context, p.docId));
  const extreme = tableExtreme(context, ranked.filter((s) => s.passage.docId === doc), weights, according);
  if (extreme) sentences.push(extreme.sentence);
  // "What hyperparameters were used for PPO?": the table whose caption says all the question does, row by row.
  const whole = extreme || change || figures ? undefined : tableWhole(context, fromDoc, content, according, `${context.question.text} ${input.searchText}`);
  if (whole) return { sentences: [whole.sentence], abstained: false, studies: [], reason: "", bestSupport: decision.bestCoverage, decision };
  // Once the figures asked for are said, a further quote gives figures of that kind too, or it says nothing asked.
  const quoted = figures ? chosen.filter((c, i) => i === 0 || c.row || figuresNear(c.text, figuresAsked.units, figuresAsked.asked).length > 0) : chosen;
  // Once the table's highest is said, its other rows are no answer to the question, nor is a quote that does
  // not speak of the measure ("When recording reaches line 4" for "the highest speedup TraceMonkey reaches").
  const measure = extreme ? analyze(extreme.column).terms : [];
  for (const s of extreme ? quoted.filter((c) => !extreme.rows.includes(c.passage) && measure.some((t) => c.terms.has(t))) : quoted) {
    if (s.row) {
      sentences.push(rowSentence(context, s, weights, sayWho(context, s)));
      continue;
    }
    const b = new SentenceBuilder().say(`${sayWho(context, s)} `).quote(s.text).cite(context.citations.cite(s.passage, s.start, s.end));
    addGloss(b, context, s.text, s.passage);
    sentences.push(b.done());
    const items = context.following ? listItemsAfter(s, context.following) : [];
    if (items.length > 0) sentences.push(listSentence(context, items));
    // The studies the answer speaks of are a review's included studies; a paper's passage "studies" are the
    // references it cites, which a follow-up's "that" must not narrow the next search to.
    for (const n of s.passage.studies) {
      if (!studies.includes(n) && context.records.some((r) => r.docId === s.passage.docId && r.number === n)) studies.push(n);
    }
  }
  // Words the question turns on that the corpus never uses are said, not silently skipped.
  // ... except the words that asked for the change just stated ("dibanding", "selisih").
  // ... nor the word that asked for the highest or lowest, once the table's is stated ("highest", "terbanyak").
  const missing = wordsOf(context.question.text, decision.notMentioned).filter((word) => (!change || !isChangeWord(word)) && (!extreme || !isSuperlativeWord(word)));
  // "Is this a systematic review?": the design it names, when the document never uses its words.
  const stats = doc ? termStatsOf(context.termStats, doc) : context.termStats;
  const unused = (t: string) => !(stats.df[t] > 0) && !(translateTerms([t]).get(t) ?? []).some((x) => stats.df[x] > 0);
  for (const value of input.sayIfUnused ?? []) if (!missing.includes(value.label) && analyze(value.text).terms.some(unused)) missing.push(value.label);
  // A design asked of the document and not named by it is the answer ("It does not mention meta-analysis."), said first.
  if (missing.length > 0) {
    const said = new SentenceBuilder().say(m.notMentioned(missing.join(", "))).done("frame");
    if (missing.every((word) => input.sayIfUnused?.some((v) => v.label === word))) sentences.unshift(said);
    else sentences.push(said);
  }
  return { sentences, abstained: false, studies, reason: "", bestSupport: decision.bestCoverage, decision };
}
