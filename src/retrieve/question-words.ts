/**
 * Phrase matching over a question's lower-case tokens, for the question vocabulary in
 * question-words.json ("who wrote", "penulis*", "how many"). A trailing * matches any ending.
 *
 * @example phrasesIn(tokens("Siapa penulisnya?"), ["penulis*"]) // [{ phrase: "penulis*", start: 1, end: 2 }]
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { DataFileError } from "../domain/errors.ts";
import { isEnglishWord } from "../text/english-words.ts";
import { isIndonesianWord } from "../text/stem.ts";
import { foldCase } from "../text/tokenize.ts";

const Phrases = z.array(z.string().min(1));
const WordsSchema = z.object({
  fields: z.record(z.string(), Phrases),
  list: Phrases,
  count: Phrases,
  compare: Phrases,
  none: Phrases,
  all: Phrases,
  extreme_early: Phrases,
  extreme_late: Phrases,
  studies_noun: Phrases,
  /** "studied", "diteliti": verbs whose subject is the studies, so "which countries were studied?" is about them. */
  research_verbs: Phrases,
  /** "inclusion criteria", "kata kunci", "risk of bias": how the review itself was done, answered from its methods. */
  review_method_words: Phrases,
  /** The part of review_method_words only a review has (a search strategy, inclusion criteria; not "keywords"). */
  review_only_method_words: Phrases,
  /** "turun", "drop", "selisih": with a count or difference word, the question asks for a change between two figures. */
  change_words: Phrases,
  difference_words: Phrases,
  /** "baseline", "awal": the first point of a change. */
  baseline_words: Phrases,
  self_review: Phrases,
  self_document: Phrases,
  /** "Which documents are in the library?", "Dokumen apa saja yang ada?": the collection itself, not what it says. */
  corpus_words: Phrases,
  /** "which", "mana": asks which documents, with a documents noun (plan.ts). */
  which_words: Phrases,
  /** "these", "here": "these papers" are the library's documents when no study table is in scope (plan.ts). */
  library_refs: Phrases,
  /** "each", "masing-masing": with a documents noun, every document answers in turn (plan.ts). */
  each_words: Phrases,
  followup_start: Phrases,
  pronoun_single: Phrases,
  pronoun_plural: Phrases,
  ordinals: z.record(z.string(), Phrases),
  answer_types: z.record(z.string(), Phrases),
  /** Field words that may only be part of the subject ("the MLMC program"): a field only when the question says little else. */
  weak_fields: z.record(z.string(), Phrases),
  /** Section names a question may point at ("in the conclusion"). */
  section_names: z.record(z.string(), Phrases),
  /** Words for the people a study had: with "how many", a question about its sample size. */
  sample_words: Phrases,
  /** "how much better", "how many more": a count that opens with one asks for a difference, not a number of things. */
  comparatives: Phrases,
  /** "rate", "angka": a number, what it is a rate of standing beside it ("the dropout rate", "angka putus sekolah"). */
  rate_words: z.object({ after: Phrases, before: Phrases }),
  /**
   * "maximum", "maksimal": a bound asked of a value, which is a figure. English puts the value's noun after it
   * ("the maximum age"), Indonesian before it ("usia maksimal").
   */
  bound_words: z.object({ after: Phrases, before: Phrases }),
  /** "cover", "span", "mencakup": the years one study covers are those of what it studied, not of its publication. */
  coverage_verbs: Phrases,
  /**
   * "the role of", "fungsi": nouns that frame what is asked (what something does). A document that never uses
   * them can still answer ("What is the role of the interpreter in TraceMonkey?").
   */
  frame_nouns: Phrases,
  /** "search", "nyari", "ditemukan": with a place word, where articles were searched for is a database. */
  search_verbs: Phrases,
  /** "discuss", "deal with", "membahas": what follows is what the studies are about, a topic to count or list them by. */
  topic_verbs: Phrases,
  /** "most", "paling sedikit": with sample words, a question about sample sizes ("Which study had the most participants?"). */
  superlative_words: z.object({ max: Phrases, min: Phrases }),
  /** "Which of the two had more participants?": between named studies, the higher or the lower. */
  comparative_words: z.object({ max: Phrases, min: Phrases }),
  /** "What is it about?", "summarize", "ringkasan": a request for the gist of a document. */
  summary_words: Phrases,
  /** A range ("dari 2004 sampai 2017", "period"): a year asked is a period, not a publication year. */
  period_words: Phrases,
  /** Words that frame a question ("define", "jelaskan") rather than name what it is about. */
  question_stems_extra: Phrases,
  /** The question is about what a table says ("according to the Metode column"). */
  table_words: Phrases,
  /** "selain Pantai Gading", "other than": the studies named are left out of a list. */
  exclusion_words: Phrases,
  /** The exclusion words that follow what they leave out ("Google Scholar aside"); the others come before it. */
  exclusion_words_after: Phrases,
  /** "when was", "kapan": opening a question, they ask for a date. */
  when_words: Phrases,
  /**
   * "not", "tidak", "outside": just before a filter value (at most a verb and a preposition between), the
   * value is negated ("studies not done in Indonesia"). "n't" endings count too.
   */
  negation_words: Phrases,
  /** "most common", "paling banyak": which value of a field the most studies share. */
  most_common: Phrases,
  repeated_words: Phrases,
  /** With these, "what year"/"kapan" asks for the publication year however much else the question says. */
  publication_words: Phrases,
  /** Words for a meeting a paper appears at ("conference", "prosiding"): with a publication word, where it appeared. */
  conference_words: Phrases,
  /** Being presented at a meeting ("presented", "dipresentasikan"): with a conference word, where a paper appeared. */
  presented_words: Phrases,
  /** "in common", "persamaan": a comparison that asks what the studies share. */
  similarity_words: Phrases,
  /** "should", "harus": with a word of doing ("do", "dilakukan"), what should be done, a recommendation. */
  obligation_words: Phrases,
  doing_words: Phrases,
  /** What a document's first page says of it beyond the study fields: its authors' institutions, its corresponding author. */
  document_fields: z.object({ affiliations: Phrases, corresponding: Phrases, doi: Phrases }),
  /** "the authors", "penulis": the document's own voice; their opinion is what the document says (question.ts). */
  document_voice: Phrases,
  /**
   * "presented", "dirilis": a publication word only when the question names the document and asks nothing else
   * ("Where was the TraceMonkey paper presented?"); "Where is the crawler presented?" asks about the content.
   */
  release_words: Phrases,
  /** "institutions", "universitas": the authors' affiliations when the question speaks of the authors ("Penulisnya dari institusi mana?"); else what the text is about. */
  institution_words: Phrases,
  /** "criteria", "syarat": with the studies' noun, what a study had to meet to be in the review (its method). */
  criteria_words: Phrases,
  /** "need", "butuh": beside a word for being included ("Which indexing did included articles need?"), a criterion. */
  need_words: Phrases,
  /** "Were only English-language articles included?": whether a value is the only one is shown by all of them. */
  only_words: Phrases,
  /** "What did the authors say about X?": the authors are who says it, not what is asked. */
  speech_verbs: Phrases,
  /** "How many articles were excluded?": the review's own process, not a topic its studies speak of. */
  review_process_words: Phrases,
  /** "include", "dipilih": how studies got into the review, when asked how ("How did the review decide which articles to include?"). */
  selection_verbs: Phrases,
  /** "how", "bagaimana", "decide": a question about the way something was done. */
  manner_words: Phrases,
  /** "included", "direview": how a list of the studies says they are the review's ("Which studies were included?"). */
  inclusion_words: Phrases,
  /** A greeting, thanks or goodbye with nothing else asked ("hello", "terima kasih ya kak"): answered in kind. */
  small_talk: z.object({ greeting: Phrases, thanks: Phrases, farewell: Phrases }),
  /** Words that may stand beside small talk without asking anything ("ok", "so much", "ya", "kak"). */
  small_talk_fillers: Phrases,
  /** "conclude", "disimpulkan": what a document concludes is its conclusion section's first (answer.ts). */
  conclude_words: Phrases,
});
export type QuestionWords = z.infer<typeof WordsSchema>;

let words: QuestionWords | undefined;

export function questionWords(): QuestionWords {
  if (words) return words;
  const url = new URL("./question-words.json", import.meta.url);
  const parsed = WordsSchema.safeParse(JSON.parse(readFileSync(url, "utf8")));
  if (!parsed.success) throw new DataFileError(url.pathname, undefined, `${parsed.error.issues[0].path.join(".")}: ${parsed.error.issues[0].message}`);
  return (words = parsed.data);
}

/** The question's words as written ("akurasi TAM"), split as questionTokens splits them. */
export function questionWordsAsWritten(text: string): string[] {
  return text.replace(/[’']/g, "'").split(/[^\p{L}\p{N}'-]+/u).filter(Boolean);
}

/** Lower-case word tokens. */
export function questionTokens(text: string): string[] {
  return questionWordsAsWritten(foldCase(text));
}

/** "how", "why", "bagaimana", "kenapa"...: a token that asks how or why, not which. */
export function asksHowOrWhy(token: string): boolean {
  return /^(?:how|why|bagaimana|gimana|mengapa|kenapa)$/.test(token);
}

/** Indonesian points back with "-nya" on a word ("hasilnya", "penulisnya"). */
export const pointsBackWithNya = (tokens: string[]) => tokens.some((t) => t.length > 6 && t.endsWith("nya"));

export interface PhraseMatch {
  phrase: string;
  start: number;
  end: number;
}

const compiled = new Map<string, string[]>();
const partsOf = (phrase: string) => {
  let parts = compiled.get(phrase);
  if (!parts) compiled.set(phrase, (parts = foldCase(phrase).split(/\s+/)));
  return parts;
};

const englishOnly = (word: string) => word.length >= 4 && isEnglishWord(word) && !isIndonesianWord(word);

function tokenMatches(token: string, part: string): boolean {
  if (part.endsWith("*")) return token.startsWith(part.slice(0, -1));
  // An English possessive is the word it is written on: "this review's search", "the authors' choice"; so is
  // the Indonesian "-nya" on an English word ("databasenya": its database). (Indonesian words with "-nya" are
  // listed as written where they mean the word: "penelitiannya" after a study points back to it.)
  return token === part || token === `${part}'s` || (part.endsWith("s") && token === `${part}'`) || (token === `${part}nya` && englishOnly(part));
}

/**
 * A phrase list longest first, with each phrase's parts: kept per list (the word lists are the same arrays on
 * every question; question analysis calls this hundreds of times a question, and sorting was its largest cost).
 */
const sortedLists = new WeakMap<string[], { phrase: string; parts: string[] }[]>();
function longestFirst(phrases: string[]): { phrase: string; parts: string[] }[] {
  let sorted = sortedLists.get(phrases);
  if (!sorted) {
    sorted = phrases.map((phrase) => ({ phrase, parts: partsOf(phrase) })).sort((a, b) => b.parts.length - a.parts.length);
    sortedLists.set(phrases, sorted);
  }
  return sorted;
}

/** Every phrase found in the tokens (longest first at each position, non-overlapping). */
export function phrasesIn(tokens: string[], phrases: string[]): PhraseMatch[] {
  const sorted = longestFirst(phrases);
  const out: PhraseMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const { phrase, parts } of sorted) {
      if (parts.every((p, j) => tokens[i + j] !== undefined && tokenMatches(tokens[i + j], p))) {
        out.push({ phrase, start: i, end: i + parts.length });
        i += parts.length - 1;
        break;
      }
    }
  }
  return out;
}

export const hasPhrase = (tokens: string[], phrases: string[]) => phrasesIn(tokens, phrases).length > 0;

/** A word that asks for the highest or the lowest ("most", "lowest", "terbanyak"). */
export function isSuperlativeWord(word: string): boolean {
  const { max, min } = questionWords().superlative_words;
  const tokens = questionTokens(word);
  return hasPhrase(tokens, max) || hasPhrase(tokens, min);
}
