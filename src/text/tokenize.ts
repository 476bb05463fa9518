/**
 * Word tokens for analysis: lower case, accents folded, numbers kept whole ("4.000.000" -> "4000000",
 * "0,001" -> "0.001"), hyphenated words kept together ("anak-anak", "psiko-edukasi").
 *
 * @example tokenize("Pada awal 72% (p<0,001), anak-anak") // ["pada","awal","72","p","0.001","anak-anak"]
 */
const TOKEN = /\d+(?:[.,]\d+)*|[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/gu;

/** Fold accents and case so "Côte" and "cote" meet. */
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
  for (const match of foldCase(text).matchAll(TOKEN)) {
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
  for (const match of text.matchAll(TOKEN)) {
    const raw = foldCase(match[0]);
    out.push({ token: /^\d/.test(raw) ? normalizeNumber(raw) : raw, start: match.index, end: match.index + match[0].length });
  }
  return out;
}

/** Letters and digits only, lower case: how extracted text, metadata and quotes are compared loosely. */
export function squash(text: string): string {
  return foldCase(text).replace(/[^\p{L}\p{N}]/gu, "");
}
