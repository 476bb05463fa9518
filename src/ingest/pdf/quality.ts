/**
 * Is a page's text layer readable? Fonts without a usable Unicode map extract as control characters,
 * private-use code points, or letters that form no words. A page is refused when its text is mostly such
 * glyphs, so garbage is reported instead of indexed.
 */
import { isEnglishWord } from "../../text/english-words.ts";
import { isIndonesianWord } from "../../text/stem.ts";
import type { PageQuality } from "./types.ts";

/*
 * Thresholds, calibrated with scripts/measure-pdf.ts on pasa.pdf, tracemonkey.pdf, TAMReview.pdf and the
 * review's text. Readable pages: letters 0.76-0.97, control <= 0.005, private use <= 0.002, dictionary
 * 0.54 (a page of names) to 0.98. TAMReview's garbled pages: control 0.63-0.92. Text whose glyphs map to
 * the wrong letters (a shifted encoding, simulated in quality.test.ts): dictionary 0.01-0.13.
 */
/** Unmapped glyphs come out as C0 control characters; readable pages have almost none (<= 0.5%). */
export const MAX_CONTROL_SHARE = 0.05;
/** The same for private-use code points (symbol fonts put a few bullets there; a broken font puts all its text there). */
export const MAX_PRIVATE_USE_SHARE = 0.05;
/** Prose is ~90% letters, a page of tables ~75%; far fewer letters is numbers or glyph debris, not text. */
export const MIN_LETTER_SHARE = 0.3;
/** Between wrongly mapped letters (<= 0.13) and a page of names and affiliations (0.54). */
export const MIN_DICTIONARY_RATE = 0.35;
/** Below this many word tokens the dictionary rate says nothing (a page with only a figure label). */
export const MIN_TOKENS_FOR_DICTIONARY = 8;

const WORD = /\p{L}+/gu;

/**
 * Measure a page's text and decide whether it is readable.
 *
 * @example pageQuality("The model was trained on two datasets.").ok // true
 * @example pageQuality("\u0002\u0003\u0004 \u0005\u0003").reason // "control characters: 100% of characters"
 */
export function pageQuality(text: string): PageQuality {
  // Dot leaders and rules ("......", "———") are one mark each, not a page of non-letters.
  const chars = text.replace(/\s+/g, "").replace(/([^\p{L}\p{N}])\1{2,}/gu, "$1");
  const total = chars.length;
  if (total === 0) return { letters: 0, control: 0, privateUse: 0, dictionaryRate: null, ok: false, reason: "no text on the page" };
  const letters = count(chars, /\p{L}/gu) / total;
  const control = count(chars, /\p{Cc}/gu) / total;
  const privateUse = count(chars, /\p{Co}/gu) / total;
  const glyphs =
    control > MAX_CONTROL_SHARE ? `control characters: ${percent(control)} of characters`
    : privateUse > MAX_PRIVATE_USE_SHARE ? `private-use glyphs: ${percent(privateUse)} of characters`
    : letters < MIN_LETTER_SHARE ? `few letters: ${percent(letters)} of characters`
    : undefined;
  const base = { letters: round(letters), control: round(control), privateUse: round(privateUse) };
  // Words are looked up only on a page its glyphs do not already refuse: a garbled page's tokens are all new
  // words to the stemmer, and on TAMReview's 21 such pages the lookups were most of the verdict's time.
  if (glyphs) return { ...base, dictionaryRate: null, ok: false, reason: glyphs };
  const tokens = (text.match(WORD) ?? []).filter((t) => t.length >= 2);
  const known = tokens.filter(isDictionaryWord).length;
  const dictionaryRate = tokens.length > 0 ? known / tokens.length : 0;
  const measured = { ...base, dictionaryRate: round(dictionaryRate) };
  if (tokens.length >= MIN_TOKENS_FOR_DICTIONARY && dictionaryRate < MIN_DICTIONARY_RATE) {
    return { ...measured, ok: false, reason: `few dictionary words: ${percent(dictionaryRate)} of ${tokens.length} words` };
  }
  return { ...measured, ok: true };
}

/**
 * An English word (any case), or an Indonesian word or a word whose stem is an Indonesian root.
 *
 * @example isDictionaryWord("Learning") && isDictionaryWord("perlindungan") // true
 */
export function isDictionaryWord(token: string): boolean {
  const lower = token.toLowerCase();
  return isEnglishWord(lower) || isIndonesianWord(lower);
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
const round = (n: number) => Math.round(n * 1000) / 1000;
const percent = (n: number) => `${Math.round(n * 100)}%`;
