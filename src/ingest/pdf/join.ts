/**
 * Joining PDF lines into running text, repairing line-end hyphenation in English and Indonesian.
 * "learn-" + "ing" -> "learning"; "two-" + "column" and "state-of-" + "the-art" keep their hyphen. The
 * document itself is asked first (does it print "TraceMonkey" or "run-time" elsewhere?), then the
 * dictionaries (word-list for English, Sastrawi's roots for Indonesian).
 */
import { isDictionaryWord } from "./quality.ts";

export type HyphenDecision = "join" | "keep";

/** A capitalised compound's halves are whole words of at least this length ("Self-attention"); "Jo" + "sua" is a name. */
const MIN_COMPOUND_PART = 4;

const WORD = /[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/gu;
const LINE_END_HYPHEN = /([\p{L}\p{M}\d]+)-$/u;
const LINE_START_WORD = /^([\p{L}\p{M}\d]+)/u;
const BROKEN_LINK = /(?:https?:\/\/|www\.)\S*[-/._]$/;

/**
 * The words a document prints inside its lines, whole or hyphenated (not at a line's end, where a hyphen
 * may be the typesetter's).
 *
 * @example new DocumentWords(["a two-column page", "TraceMonkey runs"]).hasHyphenated("two", "column") // true
 */
export class DocumentWords {
  private readonly whole = new Set<string>();
  private readonly hyphenated = new Set<string>();

  constructor(lines: Iterable<string>) {
    for (const line of lines) {
      const text = line.trimEnd().replace(/-$/, "");
      const matches = [...text.matchAll(WORD)];
      matches.forEach((m, i) => {
        const token = m[0].toLowerCase();
        // The last token of a line may be the first half of a word broken at the line end.
        if (i === matches.length - 1 && line.trimEnd().endsWith("-")) return;
        if (token.includes("-")) {
          const parts = token.split("-");
          for (let k = 1; k < parts.length; k++) this.hyphenated.add(`${parts[k - 1]}-${parts[k]}`);
        } else {
          this.whole.add(token);
        }
      });
    }
  }

  has(word: string): boolean {
    return this.whole.has(word.toLowerCase());
  }

  hasHyphenated(head: string, tail: string): boolean {
    return this.hyphenated.has(`${head}-${tail}`.toLowerCase());
  }
}

/**
 * Whether a word broken at a line end ("head-" | "tail") is one word or a hyphenated compound.
 *
 * @example hyphenDecision("learn", "ing") // "join"
 * @example hyphenDecision("two", "column") // "keep"
 */
export function hyphenDecision(head: string, tail: string, words?: DocumentWords): HyphenDecision {
  if (/\d/.test(head) || /\d/.test(tail)) return "keep";
  const joined = head + tail;
  const printedWhole = words?.has(joined) ?? false;
  const printedHyphenated = words?.hasHyphenated(head, tail) ?? false;
  if (printedWhole !== printedHyphenated) return printedWhole ? "join" : "keep";
  if (isDictionaryWord(joined)) return "join";
  // Both halves are words and together they are not: a compound ("two-column", "of-the"). A capitalised
  // head with a short half is more likely a broken name ("Char-" + "lin", "Jo-" + "sua") than a compound.
  const capitalised = /^\p{Lu}\p{Ll}/u.test(head);
  if (isDictionaryWord(head) && isDictionaryWord(tail) && (!capitalised || Math.min(head.length, tail.length) >= MIN_COMPOUND_PART)) return "keep";
  // A capitalised second half after a whole word is a compound of names ("Google-Scholar" stays, "Gusen-bauer" joins).
  if (/^\p{Lu}/u.test(tail) && isDictionaryWord(head)) return "keep";
  return "join";
}

/**
 * Join lines into one string: a space between lines, except where a word was broken at a line end.
 *
 * @example joinLines(["reinforcement learn-", "ing with a two-", "column layout"]) // "reinforcement learning with a two-column layout"
 */
export function joinLines(lines: readonly string[], words?: DocumentWords): string {
  let text = "";
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, " ").trim();
    if (!line) continue;
    if (!text) {
      text = line;
      continue;
    }
    text = joinTwo(text, line, words);
  }
  return text;
}

/**
 * Append `next` to `text` across a line break.
 *
 * @example joinTwo("reinforcement learn-", "ing works") // "reinforcement learning works"
 */
export function joinTwo(text: string, next: string, words?: DocumentWords): string {
  // A link broken at a line end continues without a space ("lua-l/2008-" + "02/msg.html").
  if (BROKEN_LINK.test(text.slice(-200)) && /^[\w/%.#?=&-]/.test(next)) return text + next;
  const head = LINE_END_HYPHEN.exec(text.slice(-60));
  const tail = LINE_START_WORD.exec(next.slice(0, 60));
  if (head && tail && /\p{L}$/u.test(head[1]) && /^\p{L}/u.test(tail[1])) {
    return hyphenDecision(head[1], tail[1], words) === "join" ? text.slice(0, -1) + next : text + next;
  }
  // A name with a number broken at its hyphen keeps the hyphen and no space ("PaSa-" + "7b", "GPT-" + "4o").
  if (head && tail && /\p{L}$/u.test(head[1]) && /^\d/.test(tail[1])) return text + next;
  return `${text} ${next}`;
}
