/**
 * Word tokens for analysis: lower case, accents folded, numbers kept whole ("4.000.000" -> "4000000",
 * "0,001" -> "0.001"), hyphenated words kept together ("anak-anak", "psiko-edukasi"), and a name of letters
 * with digits in it kept whole ("P2TP2A", "H2O", "Q1"): split, "P2TP2A" was "2", "tp", "2", which any
 * sentence with a 2 in it half matched. A word that starts with a digit stays split ("7b", "2x", "12th":
 * the number is what is compared), as do a version number ("Qwen2.5" -> "qwen", "2.5") and the informal
 * Indonesian plural ("studi2", "masing2": the word repeated).
 *
 * @example tokenize("Pada awal 72% (p<0,001), anak-anak") // ["pada","awal","72","p","0.001","anak-anak"]
 */
const TOKEN = /\d+(?:[.,]\d+)*|[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/gu;
/** A name of letters with digits in it ("P2TP2A"), but not a word with "2" for its repetition ("studi2"), nor a version ("Qwen2.5"). */
const NAME_WITH_DIGITS = /(?![\p{L}\p{M}]+2(?![\p{L}\d]))\p{L}[\p{L}\p{M}]*\d[\p{L}\p{M}\d]*(?![.,]?\d)/u;
/** TOKEN with such names first; tried only on a text that has a digit after a letter (at every word start it costs about twice as much). */
const TOKEN_WITH_NAMES = new RegExp(`${NAME_WITH_DIGITS.source}|${TOKEN.source}`, "gu");
const tokenPattern = (text: string) => (/\p{L}\d/u.test(text) ? TOKEN_WITH_NAMES : TOKEN);

/** Fold accents and case so "Côte" and "cote" meet. */
/** `text` as a literal inside a regular expression. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function foldCase(text: string): string {
  // Plain ASCII (most of the corpus) has no accents to fold.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}

/** Thousands separators are dots in Indonesian, decimals are commas: keep the number's meaning. */
function normalizeNumber(raw: string): string {
  if (/^\d{1,3}(?:\.\d{3})+$/.test(raw)) return raw.replace(/\./g, "");
  return raw.replace(",", ".");
}

export function tokenize(text: string): string[] {
  const out: string[] = [];
  const folded = foldCase(text);
  for (const match of folded.matchAll(tokenPattern(folded))) {
    const raw = match[0];
    out.push(/^\d/.test(raw) ? normalizeNumber(raw) : raw);
  }
  return out;
}

export interface TokenSpan {
  token: string;
  /** Offsets in the original text. */
  start: number;
  end: number;
}

/** Tokens with where they stand in the text (folding keeps offsets: it only changes letters' case and accents per character). */
export function tokenSpans(text: string): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (const match of text.matchAll(tokenPattern(text))) {
    const raw = foldCase(match[0]);
    out.push({ token: /^\d/.test(raw) ? normalizeNumber(raw) : raw, start: match.index, end: match.index + match[0].length });
  }
  return out;
}

/** Words and lines are squashed again and again (a table's rows, round after round): short texts are remembered. */
const squashed = new Map<string, string>();
/** Longer texts are rarely squashed twice. */
const SQUASH_MEMO_MAX_CHARS = 64;
/** Forget everything past this many texts, so memory stays bounded. */
const SQUASH_MEMO_LIMIT = 100_000;

/** Letters and digits only, lower case: how extracted text, metadata and quotes are compared loosely. */
export function squash(text: string): string {
  if (text.length > SQUASH_MEMO_MAX_CHARS) return foldCase(text).replace(/[^\p{L}\p{N}]/gu, "");
  let out = squashed.get(text);
  if (out === undefined) {
    out = foldCase(text).replace(/[^\p{L}\p{N}]/gu, "");
    if (squashed.size >= SQUASH_MEMO_LIMIT) squashed.clear();
    squashed.set(text, out);
  }
  return out;
}
