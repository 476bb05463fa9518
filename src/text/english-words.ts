/**
 * English word check (the `word-list` package, ~274k words), loaded on first use. Rejoining broken words
 * needs it: "women" + "where" at a line break are two words, "Orthopsyc" + "hiatry" are not.
 *
 * The list (one word a line, in alphabetical order) is searched where it lies, as bytes: splitting it into
 * a Set of 274k strings took most of a second of a cold ingest. The lines in order are binary-searched;
 * the few out of order are kept in a small Set; a list that is not plain ASCII is read into a Set.
 */
import { isAscii } from "node:buffer";
import { readFileSync } from "node:fs";
import wordListPath from "word-list";

/** Membership of a list's lines (split at "\n", as String.prototype.split gives them). */
export interface LineSet {
  has(line: string): boolean;
}

let words: LineSet | undefined;

export function isEnglishWord(word: string): boolean {
  words ??= lineSet(readFileSync(wordListPath));
  return words.has(word.toLowerCase());
}

const NEWLINE = 0x0a;

/** Compare the line starting at byte `start` with the one at `other` (each ends at a newline or the end). */
function compareLines(bytes: Uint8Array, start: number, other: number): number {
  for (let i = start, j = other; ; i++, j++) {
    const x = i < bytes.length && bytes[i] !== NEWLINE ? bytes[i] : -1;
    const y = j < bytes.length && bytes[j] !== NEWLINE ? bytes[j] : -1;
    if (x !== y || x === -1) return x - y;
  }
}

/** Compare `word` with the line starting at byte `start`, as strings compare. */
function compareWord(word: string, bytes: Uint8Array, start: number): number {
  for (let k = 0, i = start; ; k++, i++) {
    const x = k < word.length ? word.charCodeAt(k) : -1;
    const y = i < bytes.length && bytes[i] !== NEWLINE ? bytes[i] : -1;
    if (x !== y || x === -1) return x - y;
  }
}

/** The lines of a text file as a LineSet, searched in place when the file is ASCII. */
export function lineSet(bytes: Uint8Array): LineSet {
  if (!isAscii(bytes)) return new Set(Buffer.from(bytes).toString("utf8").split("\n"));
  // Where the lines in increasing order start (each greater than the last one kept), and the other lines.
  const ordered: number[] = [];
  const others = new Set<string>();
  for (let start = 0, end = 0; end <= bytes.length; end++) {
    if (end < bytes.length && bytes[end] !== NEWLINE) continue;
    if (ordered.length === 0 || compareLines(bytes, start, ordered[ordered.length - 1]) > 0) ordered.push(start);
    else others.add(Buffer.from(bytes.subarray(start, end)).toString("latin1"));
    start = end + 1;
  }
  const count = ordered.length;
  return {
    has(line: string): boolean {
      let low = 0;
      let high = count - 1;
      while (low <= high) {
        const mid = (low + high) >>> 1;
        const order = compareWord(line, bytes, ordered[mid]);
        if (order === 0) return true;
        if (order < 0) high = mid - 1;
        else low = mid + 1;
      }
      return others.has(line);
    },
  };
}
