/**
 * Word-level evidence for assigning a row's lines to cells: the row as a stream of words, broken words
 * across lines, year and citation shapes, person-name shapes, and overlap with another table's cell.
 */
import { isEnglishWord } from "../text/english-words.ts";
import { squash } from "../text/tokenize.ts";
import { joinDecision, tidyInline, type JoinDecision, type Vocabulary } from "./clean.ts";
import type { RowLine } from "./table-types.ts";

/** A word of a row, with the row line (position in the row's lines) it is on. */
export interface Word {
  text: string;
  line: number;
}

/** The row's words in order. */
export function rowWords(lines: readonly RowLine[]): Word[] {
  return lines.flatMap((l, line) => l.text.split(/\s+/).filter(Boolean).map((text) => ({ text, line })));
}

/** A head shorter than this is not taken for the start of a broken English word ("in" + "to"). */
const MIN_ENGLISH_HEAD = 4;
/** A tail this short ("al") is a word's end even when it is itself a dictionary word. */
const MAX_SUFFIX_TAIL = 2;

/**
 * clean.ts's joinDecision, plus one case it leaves open: an English word broken before a short ending or
 * after a non-word ("Education" + "al", "Associati" + "on") is glued when the whole is an English word.
 */
export function decideJoin(left: string, right: string, vocabulary: Vocabulary): JoinDecision {
  const decision = joinDecision(left, right, vocabulary);
  if (decision !== "space") return decision;
  const head = /(\p{L}+)$/u.exec(left)?.[1];
  const tail = /^(\p{Ll}+)/u.exec(right)?.[1];
  if (!head || !tail || head.length < MIN_ENGLISH_HEAD || !isEnglishWord(head + tail)) return "space";
  return !isEnglishWord(head) || tail.length <= MAX_SUFFIX_TAIL ? "glue" : "space";
}

/** Join a cell's pieces (one per source line) into text, rejoining words broken across lines. */
export function joinCellText(pieces: readonly string[], vocabulary: Vocabulary): string {
  let text = "";
  for (const raw of pieces) {
    const piece = tidyInline(raw);
    if (!piece) continue;
    if (!text) {
      text = piece;
      continue;
    }
    const decision = decideJoin(text, piece, vocabulary);
    if (decision === "space") text += ` ${piece}`;
    else if (decision === "drop-hyphen") text = text.slice(0, -1) + piece;
    else text += piece;
  }
  return tidyInline(text);
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

/** Two words spelling at least this many letters together are specific enough to match another table's cell. */
const MIN_BIGRAM_LETTERS = 8;

/**
 * Which words of the row are found, with a neighbour, in `reference` (another table's cell for the same
 * row and column): the two words' letters together occur in the reference's letters. Letters only, so a
 * word broken across lines ("menunjukka" + "n") still matches.
 */
export function referenceMatches(words: readonly Word[], reference: string): boolean[] {
  const ref = squash(reference);
  const keys = words.map((w) => squash(w.text));
  const pair = (i: number) => {
    const key = keys[i] + keys[i + 1];
    return key.length >= MIN_BIGRAM_LETTERS && ref.includes(key);
  };
  return words.map((_, i) => (i > 0 && pair(i - 1)) || (i + 1 < words.length && pair(i)));
}
