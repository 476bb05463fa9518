/**
 * Cleaning text extracted from a PDF:
 *  - running headers ("Buletin Kesehatan Vol.6 No.1 ... ISSN ...") and bare page numbers are removed, and the
 *    page number they show is kept as the page of the lines that follow;
 *  - lines are rejoined into running text, undoing words broken across lines ("Peneliti" + "an") and
 *    line-end hyphenation, by rule (see `joinDecision`), not by a list of this corpus's broken words;
 *  - whitespace is collapsed.
 */
import { isEnglishWord } from "../text/english-words.ts";
import { isIndonesianWord } from "../text/stem.ts";
import { foldCase } from "../text/tokenize.ts";
import { namesAuthorsOrInstitutions } from "./identity.ts";
import { headingOf } from "./sections.ts";
import type { RawDocument, SourceLine } from "./types.ts";

const ISSN = /\b(?:e-?\s*)?issn\b\s*:?\s*\d{4}-\d{3}[\dx]/i;
const VOLUME_ISSUE = /\bvol\.?\s*\d+\s*,?\s*no\.?\s*\d+/i;
const BARE_NUMBER = /^\s*\d{1,4}\s*$/;
const PARAGRAPH_END = /[.!?]["”’)]*[ \t\u00a0]{2,}$/;

/** A journal's running header: it names the ISSN, or the volume and issue, on a line of its own. */
export function isRunningHeader(line: string): boolean {
  const text = line.trim();
  return text.length >= 15 && (ISSN.test(text) || (VOLUME_ISSUE.test(text) && text.length <= 160));
}

export interface ExtractedLines {
  lines: SourceLine[];
  /** The first running header removed (a journal's "Buletin Kesehatan Vol.6 No.1 ... 2022"): identity evidence. */
  runningHeader?: string;
}

/** Whether `next` goes on with the sentence `previous` leaves open: no full stop, and no capital to open a new one. */
export function continuesSentence(previous: string, next: string): boolean {
  return !/[.!?:;]["'”’)\]]*\s*$/u.test(previous) && /^[\p{Ll}(]/u.test(next.trimStart());
}

/**
 * The document's lines without page furniture, each with the page it is on. A bare number next to a
 * running header is a page number: the lines after it are on that page (the number and header open
 * the page). In a PDF, pages are known; a bare number as a page's first or last line is furniture too.
 * Lines repeated on three or more PDF pages are running headers even without an ISSN. A page read with
 * its layout (PDF) brings its own line roles: furniture and margin stamps are dropped, and footnotes and
 * captions stand as paragraphs of their own so they never run into a sentence.
 */
export function extractLines(doc: RawDocument): ExtractedLines {
  const repeated = repeatedPageLines(doc);
  const out: SourceLine[] = [];
  let runningHeader: string | undefined;
  let lineNo = 0;
  let page: number | null = null;
  // Captions and footnotes wait for the paragraph they interrupt to end, then stand as paragraphs of their own.
  let aside: SourceLine[] = [];
  const flushAside = () => {
    for (const [i, line] of aside.entries()) line.paragraphEnd ||= i === aside.length - 1 || aside[i + 1].role !== line.role;
    out.push(...aside);
    aside = [];
  };
  let seenBody = false;
  // A section heading ("Abstract", "1 Introduction") ends the first page's front matter.
  let seenSection = false;
  for (const rawPage of doc.pages) {
    if (rawPage.number !== null) page = rawPage.number;
    if (rawPage.lines) {
      // The title is the first page's largest heading; below it, before the first section heading, a line in a
      // heading's size that names authors or institutions is front matter, kept as text (so an answer about
      // who wrote it can cite it), not a section heading.
      const titleSize = rawPage === doc.pages[0] ? Math.max(0, ...rawPage.lines.filter((l) => l.role === "heading").map((l) => l.fontSize)) : 0;
      for (const line of rawPage.lines) {
        lineNo++;
        const text = collapseSpaces(line.text);
        if (!text) continue;
        if (line.role === "stamp" && rawPage === doc.pages[0]) {
          // A first page's margin stamp names the document (a repository's id and date): kept as a paragraph.
          aside.push({ text, page, lineNo, paragraphEnd: true, role: line.role, fontSize: line.fontSize });
          continue;
        }
        if (line.role === "furniture" || line.role === "stamp") {
          if (isRunningHeader(text)) runningHeader ??= text;
          continue;
        }
        if (line.role === "footnote" || line.role === "caption") {
          const last = aside.at(-1);
          if (last && line.paragraphStart) last.paragraphEnd = true;
          aside.push({ text, page, lineNo, paragraphEnd: false, role: line.role, fontSize: line.fontSize });
          continue;
        }
        if (line.role === "heading" && headingOf(text)?.section) seenSection = true;
        const frontMatter = line.role === "heading" && rawPage === doc.pages[0] && !seenSection && line.fontSize < titleSize && namesAuthorsOrInstitutions(text);
        if (line.role === "figure" || frontMatter) {
          // Text inside figures and tables is not prose; but above a paper's first paragraph, side-by-side
          // blocks are its front matter (authors, affiliations): kept, one line a paragraph.
          if (rawPage !== doc.pages[0] || (seenBody && !frontMatter)) continue;
          if (out.length > 0) out[out.length - 1].paragraphEnd = true;
          out.push({ text, page, lineNo, paragraphEnd: true, role: "body", fontSize: line.fontSize });
          continue;
        }
        if (line.role === "body") seenBody = true;
        // A line the layout sets apart (the first of a new page or column, an indented one) still continues
        // the sentence the last line left open: "... satisfies the query," / "and (2) a rationale ...".
        const last = out.at(-1);
        const continues = line.role === "body" && last?.role === "body" && !last.paragraphEnd && continuesSentence(last.text, text);
        const apart = line.role === "heading" || (line.paragraphStart === true && !continues);
        if (apart && out.length > 0) out[out.length - 1].paragraphEnd = true;
        if (apart) flushAside();
        out.push({ text, page, lineNo, paragraphEnd: line.role === "heading", role: line.role, fontSize: line.fontSize });
      }
      continue;
    }
    const lines = rawPage.text.split("\n");
    const furniture = new Set<number>();
    const nonEmpty = lines.flatMap((l, i) => (l.trim() ? [i] : []));
    nonEmpty.forEach((i, k) => {
      const text = lines[i];
      if (isRunningHeader(text) || repeated.has(text.trim())) {
        furniture.add(i);
        if (isRunningHeader(text)) runningHeader ??= collapseSpaces(text);
        // The page number sits beside the header: the nearest non-empty line before or after it.
        for (const j of [nonEmpty[k - 1], nonEmpty[k + 1]]) {
          if (j !== undefined && BARE_NUMBER.test(lines[j])) furniture.add(j);
        }
      }
    });
    if (doc.format === "pdf") {
      for (const i of [nonEmpty[0], nonEmpty[nonEmpty.length - 1]]) {
        if (i !== undefined && BARE_NUMBER.test(lines[i])) furniture.add(i);
      }
    }
    lines.forEach((text, i) => {
      lineNo++;
      if (furniture.has(i)) {
        // A text file's pages are only known from the numbers printed in its furniture.
        if (doc.format !== "pdf" && BARE_NUMBER.test(text)) page = Number(text.trim());
        return;
      }
      if (text.trim()) out.push({ text: collapseSpaces(text), page, lineNo, paragraphEnd: PARAGRAPH_END.test(text) });
    });
  }
  flushAside();
  return { lines: out, runningHeader };
}

function repeatedPageLines(doc: RawDocument): Set<string> {
  if (doc.pages.length < 3) return new Set();
  const pagesWith = new Map<string, number>();
  for (const page of doc.pages) {
    const texts = page.lines ? page.lines.map((l) => l.text) : page.text.split("\n");
    for (const line of new Set(texts.map((l) => l.trim()))) {
      if (line.length >= 15) pagesWith.set(line, (pagesWith.get(line) ?? 0) + 1);
    }
  }
  return new Set([...pagesWith].filter(([, n]) => n >= 3).map(([line]) => line));
}

export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

const WORD = /[\p{L}\p{M}]+/gu;

/**
 * The words of a document, counted where they cannot be fragments (inside a line, not at its edges) and
 * anywhere. Rejoining asks it whether a form is a word this document uses.
 */
export class Vocabulary {
  private readonly interior = new Map<string, number>();
  private readonly anywhere = new Map<string, number>();

  constructor(lines: Iterable<string>) {
    for (const line of lines) {
      const words = [...foldCase(line).matchAll(WORD)].map((m) => m[0]);
      words.forEach((w, i) => {
        this.anywhere.set(w, (this.anywhere.get(w) ?? 0) + 1);
        if (i > 0 && i < words.length - 1) this.interior.set(w, (this.interior.get(w) ?? 0) + 1);
      });
    }
  }

  /** Seen whole in the middle of a line, or a known Indonesian word (Sastrawi's root dictionary). */
  isWord(word: string): boolean {
    const w = foldCase(word);
    return this.interior.has(w) || isIndonesianWord(w);
  }

  /** Seen anywhere in the document as a token of its own. */
  has(word: string): boolean {
    return this.anywhere.has(foldCase(word));
  }
}

export type JoinDecision = "space" | "glue" | "glue-hyphen" | "drop-hyphen";

const SUFFIXES = new Set(["an", "kan", "i", "nya", "lah", "kah"]);
const WORD_CHAR = /[\p{L}\p{M}\d]/u;
const LEADING_WORD = /^([\p{L}\p{M}\d]+)/u;

/** The last word of a line and whether a hyphen follows it ("hak-" -> ["hak", "-"]). */
/** No word is longer; scanning further back would make joining a text with no spaces quadratic. */
const MAX_WORD_CHARS = 64;

function trailingWord(text: string): [string, string] | undefined {
  const hyphen = text.endsWith("-") ? "-" : "";
  const end = text.length - hyphen.length;
  let start = end;
  const limit = Math.max(0, end - MAX_WORD_CHARS);
  while (start > limit && WORD_CHAR.test(text[start - 1])) start--;
  return start < end ? [text.slice(start, end), hyphen] : undefined;
}

/**
 * How to join the end of one line to the start of the next.
 *  - "Peneliti" + "an": glue when the joined form is a word of the document and the parts are not both
 *    words; also glue two non-words ("Orthopsyc" + "hiatry"), but never two English words ("women" + "where").
 *  - "hak-" + "hak", "2009-" + "2014", "cis-" + "gender": keep the hyphen (reduplication, ranges, compounds);
 *    drop it only when the unhyphenated form is a word of the document ("pengem-" + "bangan").
 */
export function joinDecision(left: string, right: string, vocabulary: Vocabulary): JoinDecision {
  // Only the ends matter; matching the whole accumulated paragraph would be quadratic.
  const a = trailingWord(left);
  const b = LEADING_WORD.exec(right.slice(0, 80));
  if (!a || !b) return "space";
  const [head, hyphen] = a;
  const [, tail] = b;
  if (hyphen) {
    if (/^\d+$/.test(head) || foldCase(head) === foldCase(tail)) return "glue-hyphen";
    return vocabulary.has(head + tail) && !vocabulary.isWord(head) ? "drop-hyphen" : "glue-hyphen";
  }
  if (/\d/.test(head) || /\d/.test(tail)) return "space";
  if (!/^\p{Ll}/u.test(tail)) return "space";
  const headWord = vocabulary.isWord(head);
  const tailWord = vocabulary.isWord(tail);
  if (vocabulary.has(head + tail) && !(headWord && tailWord)) return "glue";
  // A suffix or clitic on a line of its own ("penyelesaian" + "nya", "mengungkap" + "kan") belongs to the
  // word before it when together they make a word.
  if (SUFFIXES.has(foldCase(tail)) && (vocabulary.has(head + tail) || isIndonesianWord(foldCase(head + tail)))) return "glue";
  // Two non-words are halves of one word, unless either is an English word long enough to be sure of.
  const english = (w: string) => w.length >= 4 && isEnglishWord(w);
  if (!headWord && !tailWord && !english(head) && !english(tail)) return "glue";
  return "space";
}

/** Join lines into running text, rejoining broken words; whitespace is collapsed. */
export function joinLines(lines: readonly string[], vocabulary: Vocabulary): string {
  return joinLinesWithOffsets(lines, vocabulary).text;
}

/** As joinLines, also giving where each input line starts in the output (for pages of sentences). */
export function joinLinesWithOffsets(lines: readonly string[], vocabulary: Vocabulary): { text: string; lineStarts: number[] } {
  let text = "";
  const lineStarts: number[] = [];
  for (const raw of lines) {
    const line = tidyInline(raw);
    if (!line) {
      lineStarts.push(text.length);
      continue;
    }
    if (!text) {
      lineStarts.push(0);
      text = line;
      continue;
    }
    switch (joinDecision(text, line, vocabulary)) {
      case "glue":
      case "glue-hyphen":
        lineStarts.push(text.length);
        text += line;
        break;
      case "drop-hyphen":
        text = text.slice(0, -1);
        lineStarts.push(text.length);
        text += line;
        break;
      default:
        text += " ";
        lineStarts.push(text.length);
        text += line;
    }
  }
  return { text, lineStarts };
}

/** In-line fixes: "anak- anak" -> "anak-anak" (reduplication split by a space), no space before punctuation. */
export function tidyInline(text: string): string {
  let out = collapseSpaces(text);
  if (out.includes("- ")) out = out.replace(/([\p{L}]+)- (\1)(?![\p{L}])/giu, "$1-$2");
  return out.replace(/ +([,.;:!?)])/g, "$1").replace(/\( +/g, "(");
}
