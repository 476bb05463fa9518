/**
 * Word-level evidence for assigning a row's lines to cells: the row as a stream of words, broken words
 * across lines, year and citation shapes, person-name shapes, and overlap with another table's cell.
 */
import { isEnglishWord } from "../text/english-words.ts";
import { isIndonesianWord } from "../text/stem.ts";
import { squash } from "../text/tokenize.ts";
import { joinDecision, tidyInline, type JoinDecision, type Vocabulary } from "./clean.ts";
import type { RowLine } from "./table-types.ts";

/** A word of a row, with the row line (position in the row's lines) it is on. */
export interface Word {
  text: string;
  line: number;
}

/** Rows' words by their lines, so that every segmentation of a row reads the same words (and what was computed of them). */
const wordsOfLines = new WeakMap<readonly RowLine[], Word[]>();

/** The row's words in order (a row's lines are not edited once read; the words are not to be edited). */
export function rowWords(lines: readonly RowLine[]): Word[] {
  let words = wordsOfLines.get(lines);
  if (!words) {
    // Built by push: one kind of array whatever runs compiled (the segmentations' loops read it).
    words = [];
    for (const [line, l] of lines.entries()) for (const text of l.text.split(/\s+/)) if (text) words.push({ text, line });
    wordsOfLines.set(lines, words);
  }
  return words;
}

/** A head shorter than this is not taken for the start of a broken English word ("in" + "to"). */
const MIN_ENGLISH_HEAD = 4;
/** A tail this short ("al") is a word's end even when it is itself a dictionary word. */
const MAX_SUFFIX_TAIL = 2;
/** A lone lower-case letter that is a word of its own ("a" of "as a"); any other is a word's last letter. */
const LONE_LETTER_WORDS = new Set(["a"]);

/** A letter (one code point). */
const LETTER = /^\p{L}$/u;
const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * The letters that end a text ("Peneliti" of "... Peneliti"), as /(\p{L}+)$/u finds them, read backwards
 * from the end code point by code point: the pattern, tried from every start, was quadratic on a whole
 * cell's text.
 */
export function trailingLetters(text: string): string | undefined {
  let start = text.length;
  while (start > 0) {
    // A low surrogate after a high one is the second half of one code point.
    const from = start >= 2 && isLowSurrogate(text.charCodeAt(start - 1)) && isHighSurrogate(text.charCodeAt(start - 2)) ? start - 2 : start - 1;
    if (!LETTER.test(text.slice(from, start))) break;
    start = from;
  }
  return start < text.length ? text.slice(start) : undefined;
}

/**
 * clean.ts's joinDecision, plus what narrow table columns need, where words are broken wherever the
 * column ends:
 *  - a line starting with a lone letter finishes the word before it ("berbasi" + "s", "control" + "l");
 *  - halves that make a known word are glued unless both are words themselves ("wawan" + "cara",
 *    "Deskri" + "psi", "Education" + "al", "Associati" + "on"; but "ke" + "rohanian" stays apart).
 */
export function decideJoin(left: string, right: string, vocabulary: Vocabulary): JoinDecision {
  const decision = joinDecision(left, right, vocabulary);
  if (decision !== "space") return decision;
  const head = trailingLetters(left);
  const tail = /^(\p{Ll}+)(?![\p{L}\p{N}])/u.exec(right)?.[1];
  if (!head || !tail) return "space";
  if (tail.length === 1 && !LONE_LETTER_WORDS.has(tail)) return "glue";
  const whole = (head + tail).toLowerCase();
  const isWord = (w: string) => vocabulary.isWord(w) || (w.length >= MIN_ENGLISH_HEAD && isEnglishWord(w));
  const known = vocabulary.isWord(whole) || isIndonesianWord(whole) || (head.length >= MIN_ENGLISH_HEAD && isEnglishWord(whole));
  if (!known) return "space";
  if (!isWord(head) || !isWord(tail)) return "glue";
  return tail.length <= MAX_SUFFIX_TAIL && isEnglishWord(whole) ? "glue" : "space";
}

/** Lower-case words of a name list that are words of their own ("et al.", "van", "bin"). */
const NAME_PARTICLES = new Set(["et", "al", "and", "dan", "van", "von", "de", "der", "da", "di", "bin", "binti", "la", "le"]);

/**
 * In a list of names every name starts with a capital, so a line starting in lower case continues the name
 * broken at the line before ("Muhamm" + "ad", "Afifah,Ne" + "neng", "(Purnama" + "sari, 2015)"), unless
 * it is a particle ("et" + "al."). Null: no opinion.
 */
function nameJoin(left: string, right: string): "glue" | "space" | null {
  const tail = /^(\p{Ll}+)/u.exec(right)?.[1];
  if (tail === undefined) return null;
  if (NAME_PARTICLES.has(tail)) return "space";
  return /\p{L}$/u.test(left) ? "glue" : null;
}

/** Inside an in-text citation whose parenthesis is still open: names follow. */
const OPEN_CITATION = /\(\p{Lu}[^()]*$/u;

/**
 * Join a cell's pieces (one per source line) into text, rejoining words broken across lines; in a names
 * cell (field "authors", or a venue's in-text citation) a lower-case line start continues the name before.
 */
export function joinCellText(pieces: readonly string[], vocabulary: Vocabulary, field: string | null = null): string {
  let text = "";
  for (const raw of pieces) {
    const piece = tidyInline(raw);
    if (!piece) continue;
    if (!text) {
      text = piece;
      continue;
    }
    const names = field === "authors" || (field === "venue" && OPEN_CITATION.test(text));
    const decision = (names ? nameJoin(text, piece) : null) ?? decideJoin(text, piece, vocabulary);
    if (decision === "space") text += ` ${piece}`;
    else if (decision === "drop-hyphen") text = text.slice(0, -1) + piece;
    else text += piece;
  }
  // Names run together at a comma ("Afifah,Neneng") are two names.
  return tidyInline(field === "authors" ? text.replace(/,(?=\p{Lu})/gu, ", ") : text);
}

/** A year as a table cell holds it: 1900-2099, maybe "2019a", maybe in parentheses or with a comma. */
const YEAR = /^\(?(?:19|20)\d\d[a-z]?\)?[.,;]?$/;
export const isYear = (word: string) => YEAR.test(word);

/** The end of an in-text citation: "2016)", "2020a)." */
const CITATION_END = /(?:19|20)\d\d[a-z]?\)[.,;]?$/;
/** The start of one: "(Falaq", "(Cecchet". */
const CITATION_START = /^\(\p{Lu}/u;
/** "(Name et al., 2016)" is four words; a few more for "(Name & Name, 2020)" broken over lines. */
const MAX_CITATION_WORDS = 8;

/**
 * For each point b (0..words.length), the index of the word that opens an in-text citation ending with
 * word b-1 ("(Name et al., 2016)", "(Name, 2017)", "(Name & Name, 2020)"), or -1.
 */
export function citationStarts(words: readonly Word[]): number[] {
  const out = new Array<number>(words.length + 1).fill(-1);
  for (let b = 1; b <= words.length; b++) {
    if (!CITATION_END.test(words[b - 1].text)) continue;
    for (let a = b - 1; a >= Math.max(0, b - MAX_CITATION_WORDS); a--) {
      if (CITATION_START.test(words[a].text)) {
        out[b] = a;
        break;
      }
      if (a < b - 1 && words[a].text.includes(")")) break;
    }
  }
  return out;
}

/** Capitalised name, initials ("F.", "L.S.W"), a name list's glue ("et", "al.", "&", "and", "dan"). */
const NAME_PART = /^(?:\p{Lu}[\p{L}'’.-]*|et|al\.?|&|and|dan)[,;]?$/u;
export const isNameLike = (word: string) => NAME_PART.test(word);

/** Three words spelling at least this many letters together are specific enough to match another table's cell. */
const MIN_WINDOW_LETTERS = 10;
/** Words in a window: three consecutive words place a word in a text; two words often recur elsewhere. */
const WINDOW = 3;
/** Two words spelling this many letters are specific too: a two-word piece of a cell ("Sexual Exploitation"). */
const MIN_PAIR_LETTERS = 14;
/** The windows tried at each word, longest first: words in the window, letters they must spell. */
const WINDOWS: readonly (readonly [number, number])[] = [[WINDOW, MIN_WINDOW_LETTERS], [2, MIN_PAIR_LETTERS]];

/**
 * Which words of the row are found, with their neighbours and in order, in `reference` (another table's
 * cell for the same row and column): the letters of WINDOW consecutive words including it (or of two long
 * words) occur in the reference's letters, and the windows taken form the longest chain that advances
 * through both texts together. Letters only, so a word broken across lines ("menunjukka" + "n") still
 * matches; several words and in order, so a title's "Kasus Perdagangan Anak di Jawa Barat" is not taken
 * for the same words in the middle of a result that repeats them.
 */
export function referenceMatches(words: readonly Word[], reference: string): boolean[] {
  const ref = squash(reference);
  const keys = words.map((w) => squash(w.text));
  const found: { at: number; span: number; offset: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const [span, minLetters] of WINDOWS) {
      if (i + span > words.length) continue;
      let key = keys[i];
      for (let k = i + 1; k < i + span; k++) key += keys[k];
      if (key.length < minLetters) continue;
      for (let offset = ref.indexOf(key); offset >= 0; offset = ref.indexOf(key, offset + 1)) found.push({ at: i, span, offset });
    }
  }
  const { length, previous } = longestChain(found, ref.length);
  const matched = new Array<boolean>(words.length).fill(false);
  let k = -1;
  for (let j = 0; j < length.length; j++) if (k < 0 || length[j] > length[k]) k = j;
  for (; k >= 0; k = previous[k]) matched.fill(true, found[k].at, found[k].at + found[k].span);
  return matched;
}

/**
 * The longest chain of windows increasing in both row position and reference offset: per window (in order
 * of position), the chain's length ending there and the window before it, the first of the longest. A
 * prefix-maximum tree over offsets holds the windows of earlier positions, so each window asks it once
 * instead of looking at every window before it.
 */
function longestChain(found: readonly { at: number; span: number; offset: number }[], offsets: number): { length: Int32Array; previous: Int32Array } {
  const length = new Int32Array(found.length);
  const previous = new Int32Array(found.length).fill(-1);
  // Fenwick tree over offset + 1: the best (longest, then first) window at or below each offset.
  const treeLength = new Int32Array(offsets + 2);
  const treeWindow = new Int32Array(offsets + 2).fill(-1);
  const better = (len: number, window: number, than: number) => len > treeLength[than] || (len === treeLength[than] && len > 0 && window < treeWindow[than]);
  for (let group = 0; group < found.length; ) {
    let next = group;
    while (next < found.length && found[next].at === found[group].at) next++;
    for (let k = group; k < next; k++) {
      // Windows of earlier positions with a smaller offset.
      let bestLength = 0;
      let bestWindow = -1;
      for (let i = found[k].offset; i > 0; i -= i & -i) {
        if (treeLength[i] > bestLength || (treeLength[i] === bestLength && bestLength > 0 && treeWindow[i] < bestWindow)) {
          bestLength = treeLength[i];
          bestWindow = treeWindow[i];
        }
      }
      length[k] = found[k].span + bestLength;
      previous[k] = bestWindow;
    }
    for (let k = group; k < next; k++) {
      for (let i = found[k].offset + 1; i < treeLength.length; i += i & -i) {
        if (better(length[k], k, i)) {
          treeLength[i] = length[k];
          treeWindow[i] = k;
        }
      }
    }
    group = next;
  }
  return { length, previous };
}

/** Per word of an authors cell that is (or is not) name-shaped. */
const NAME_WEIGHT = 0.4;
/** Per word found (with its neighbours) in another table's cell of the same column and row. */
const LEX_MATCH = 0.6;
/** Per word of a column with such a cell, not found in it. */
const LEX_MISS = 0.4;
/** Per word of a column without such a cell, found in another column's. */
const LEX_OTHER = 0.3;
/** Words shorter than this say little by not being found ("di", "of"). */
const MIN_MISS_LETTERS = 3;

/**
 * Word-level evidence, per column (by field) and word: name shapes for an authors column, and agreement
 * with other tables' cells for the same row (`references`, per column, undefined where there is none).
 */
export function columnWordScores(words: readonly Word[], fields: readonly (string | null)[], references: readonly (string | undefined)[]): readonly (readonly number[])[] {
  // A row is read again in every round, mostly with the same references: the same words give the same scores.
  let seen = wordScores.get(words);
  if (!seen) wordScores.set(words, (seen = new Map()));
  const key = JSON.stringify([fields, references]);
  let scores = seen.get(key);
  if (!scores) seen.set(key, (scores = scoreWords(words, fields, references)));
  return scores;
}

/** columnWordScores already computed, by words and then by fields and references. */
const wordScores = new WeakMap<readonly Word[], Map<string, readonly (readonly number[])[]>>();

function scoreWords(words: readonly Word[], fields: readonly (string | null)[], references: readonly (string | undefined)[]): number[][] {
  const matches = fields.map((_, c) => (references[c] ? referenceMatches(words, references[c]!) : null));
  return fields.map((field, c) =>
    words.map((w, i) => {
      let s = 0;
      if (field === "authors") s += isNameLike(w.text) ? NAME_WEIGHT : -NAME_WEIGHT;
      const own = matches[c];
      if (own) s += own[i] ? LEX_MATCH : w.text.length >= MIN_MISS_LETTERS ? -LEX_MISS : 0;
      else if (matches.some((m, k) => k !== c && m?.[i])) s -= LEX_OTHER;
      return s;
    }),
  );
}
