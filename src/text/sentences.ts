/**
 * Sentence spans of a passage (offsets into it), for chunking and for quoting: a citation's quote is always
 * one or more whole sentences cut from the passage, so it is an exact substring.
 *
 * A sentence ends at . ! ? followed by a space and a capital, digit, quote or bracket, or at a line break.
 * Not at abbreviations ("et al.", "No.", "Vol."), initials ("Emily F. Rothman"), or a list number
 * ("1. Predisposisi"). A missing space after a full stop ("perekonomian.Tujuan") still ends a sentence.
 */
export interface Span {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  "al", "no", "vol", "dkk", "dll", "dsb", "dr", "prof", "st", "vs", "jl", "hlm", "e.g", "i.e", "etc", "pp", "fig",
]);

function isBoundary(text: string, dot: number): boolean {
  // The word before the dot and what follows it are all that matter (never scan the whole text).
  const from = Math.max(0, dot - 60);
  const before = text.slice(from, dot);
  const word = /([\p{L}\p{N}.]+)$/u.exec(before)?.[1] ?? "";
  const bare = word.replace(/^\.+/, "").toLowerCase();
  if (text[dot] === "." && ABBREVIATIONS.has(bare)) return false;
  if (text[dot] === "." && /^\p{Lu}$/u.test(word)) return false; // an initial
  if (text[dot] === "." && /^\d{1,2}$/.test(word)) {
    // "1." opening a list item: at the start of the text or right after another sentence.
    const prior = before.slice(0, before.length - word.length).trimEnd();
    if ((prior === "" && from === 0) || /[.!?:]$/.test(prior)) return false;
  }
  const after = text.slice(dot + 1, dot + 40);
  if (/^["”’)\]]*\s*$/.test(after) && dot + 40 >= text.length) return true;
  if (/^["”’)\]]*\s+["“‘(\[]?[\p{Lu}\p{N}]/u.test(after)) return true;
  return text[dot] === "." && /^\p{Lu}\p{Ll}{2,}/u.test(after);
}

export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n") {
      push(i);
      start = i + 1;
    } else if ((ch === "." || ch === "!" || ch === "?") && isBoundary(text, i)) {
      let end = i + 1;
      while (end < text.length && /["”’)\]]/.test(text[end])) end++;
      push(end);
      start = end;
      i = end - 1;
    }
  }
  push(text.length);
  return spans;
}
