/**
 * A document's identity: title, authors, year, venue, language. Read from the PDF's own metadata when it
 * is plausible, else from the first page (the largest type at the top is the title; the lines under it
 * that look like names are the authors), or from a text's first line and its running header ("Buletin
 * Kesehatan Vol.6 No.1 Januari-Juli 2022"); an optional CSL record (studies.json) overrides what it gives.
 *
 * @example readIdentity(raw, lines, header) // { title: "Trace-based Just-in-Time ...", authors: ["Andreas Gal", ...], year: 2009, ... }
 */
import type { Lang } from "../domain/lang.ts";
import { detectLanguage } from "../text/language.ts";
import { headingOf } from "./sections.ts";
import type { CslRecord } from "./studies-json.ts";
import type { RawDocument, SourceLine } from "./types.ts";

export interface Identity {
  title: string;
  authors: string[];
  year: number | null;
  venue: string | null;
  lang: Lang;
  /** Institutions the first page names under the authors ("ByteDance Research", "Indiana University, USA"). */
  affiliations: string[];
  /** The author a "Corresponding author" note on the first page points to. */
  correspondingAuthor: string | null;
  /** Short names the title spells out and the text uses ("TAM" for "Technology Acceptance Model"). */
  acronyms: string[];
  /** The DOI the first page prints for the document ("DOI: 10.1145/1542476.1542528", "https://doi.org/..."). */
  doi: string | null;
}

/** PDF metadata titles that are not titles ("Microsoft Word - draft3.docx", "untitled"). */
const PLACEHOLDER_TITLE = /^(?:untitled|microsoft word|document\d*|title|\s*$)|\.(?:docx?|pdf|tex|dvi|indd)\b/i;
const YEAR = /\b(19[5-9]\d|20\d\d)\b/g;
/** A person's name: two to five capitalised words, initials allowed ("Emily F. Rothman", "Andreas Gal", "Weinan E"). */
const PERSON = /^(?:\p{Lu}[\p{L}'’-]*\.?\s+){1,4}\p{Lu}[\p{L}'’-]*$/u;
/** Marks after an author's name pointing to an affiliation or a note: digits, asterisks, daggers, +, $, #. */
const AFFILIATION_MARKS = /[\d*∗†‡§¶+$#]+/g;
/** A title has at least this many words, on at most this many lines. */
const MIN_TITLE_WORDS = 3;
const MAX_TITLE_LINES = 4;
/** Words an institution's name has, in English and Indonesian (and the Latin-root forms of other languages). */
const ORGANISATION =
  /\b(?:univers\w*|institut\w*|department|departemen|fakultas|faculty|school|sekolah|college|laborator\w*|labs?|inc|ltd|gmbh|corporation|corp|company|group|research|centre|center|pusat|academy|akademi|politeknik|polytechnic|hospital|rumah sakit|ministry|kementerian|foundation|yayasan|agency|badan)\b/i;
/** Marks before an affiliation that the author names point to ("1ByteDance Research", "Mozilla Corporation∗"). */
const MARK = "[\\d*∗†‡§¶+$#]";
/** A footnote that says which author corresponds: "†Corresponding author.", "*Penulis korespondensi". */
const CORRESPONDING_NOTE = /^([*∗†‡§¶]+)\s*(?:corresponding author|penulis korespondensi)/i;
/** "Corresponding author: Jane Doe", "Penulis korespondensi: ...". */
const CORRESPONDING_LINE = /(?:corresponding author|penulis korespondensi|korespondensi)\s*[:：]\s*(.+)/i;
/** "PLDI’09, June 15–20, 2009, Dublin, Ireland.": the ACM conference line of a first page. */
const CONFERENCE_LINE = /^([A-Z][A-Za-z&-]{1,15}\s?['’]\s?\d{2}),\s*(.*\b(?:19|20)\d\d\b.*?)\.?$/;
/** "arXiv:2501.10120v1 [cs.IR] 17 Jan 2025": an arXiv margin stamp. */
const ARXIV_STAMP = /\barXiv:(\d{4}\.\d{4,5}(?:v\d+)?)(?:\s*\[([^\]]+)\])?(?:\s+\d{1,2}\s+\p{L}{3,}\s+((?:19|20)\d\d))?/u;
/** "Reference: Chuttur M.Y. (2009) ...", "To cite this article: ...": the document citing itself. */
const SELF_CITATION = /^(?:reference|citation|cite this (?:article|paper)(?: as)?|to cite this (?:article|paper)|how to cite(?: this (?:article|paper))?|please cite this (?:article|paper) as|sitasi|cara (?:mengutip|sitasi)(?: artikel ini)?)\s*[:：]/i;
/** A DOI on a line that says it is one ("DOI:", "doi.org/"): not a DOI the text cites. */
const DOI_LINE = /\bdoi\b|doi\.org\//i;
const DOI = /\b(10\.\d{4,9}\/[^\s"<>]+[^\s"<>.,;)\]])/;
/** Words an acronym skips ("Technology Acceptance Model" -> TAM, "Theory of Planned Behavior" -> TPB). */
const ACRONYM_SKIPS = new Set(["of", "the", "and", "for", "in", "on", "a", "an", "to", "dan", "untuk", "di", "dari", "pada"]);

function plausibleTitle(title: string | undefined): string | undefined {
  const t = title?.replace(/\s+/g, " ").trim();
  return t && t.length >= 8 && !PLACEHOLDER_TITLE.test(t) ? t : undefined;
}

/** Names in an author line: split at commas, "and", "dan", "&", and at affiliation marks ("Yichen He∗1 Guanhua Huang∗1"). */
export function splitAuthors(line: string): string[] {
  return line
    .replace(AFFILIATION_MARKS, ",")
    .split(/\s*(?:,|;|\band\b|\bdan\b|&)\s*/i)
    .map((n) => n.replace(/\s+/g, " ").trim())
    .filter((n) => PERSON.test(n));
}

/**
 * A first-page line that names authors or their institutions ("Mohammad Chuttur", "Dewi Lestari*1 Rudi
 * Hartono†1", "Indiana University, USA"): front matter, even when it is set in a heading's size.
 */
export function namesAuthorsOrInstitutions(line: string): boolean {
  const text = line.trim();
  if (headingOf(text)?.section) return false;
  // Footnote marks written onto names: "Lestari*1", "Hartono†1".
  if (/\p{Ll}[*∗†‡§¶\d]+(?=[\s,]|$)/u.test(text)) return true;
  const names = splitAuthors(text);
  const rest = names.reduce((t, n) => t.replace(n, ""), text.replace(AFFILIATION_MARKS, "")).replace(/\b(?:and|dan)\b|[,;&\s]/g, "");
  return (names.length > 0 && rest.length <= 2) || ORGANISATION.test(text);
}

/** What the first page of a PDF with layout says of the document: the largest type near the top is its title. */
interface FirstPage {
  title?: string;
  authors: string[];
  /** The lines between the title and the abstract: names, institutions, emails. */
  block: string[];
  /** Every other line of the page (footnotes, stamps, banners), for notes and the venue. */
  rest: string[];
}

function fromFirstPage(raw: RawDocument): FirstPage {
  const all = raw.pages[0]?.lines?.filter((l) => l.role !== "furniture" && l.text.trim()) ?? [];
  const lines = all.filter((l) => l.role !== "stamp");
  const none = { authors: [], block: [], rest: all.map((l) => l.text.trim()) };
  if (lines.length === 0) return none;
  const top = lines.slice(0, 25);
  // The title: the largest type near the top that reads like one (a logo or a two-word banner does not).
  const runs: { start: number; end: number; size: number; words: number }[] = [];
  for (let i = 0; i < top.length; i++) {
    const size = top[i].fontSize;
    let end = i;
    while (end + 1 < top.length && Math.abs(top[end + 1].fontSize - size) < 0.5) end++;
    runs.push({ start: i, end, size, words: top.slice(i, end + 1).map((l) => l.text).join(" ").split(/\s+/).length });
    i = end;
  }
  const best = runs.filter((r) => r.words >= MIN_TITLE_WORDS && r.end - r.start < MAX_TITLE_LINES).sort((a, b) => b.size - a.size)[0];
  if (!best) return none;
  const title = top.slice(best.start, best.end + 1).map((l) => l.text.trim()).join(" ");
  const block: string[] = [];
  for (const line of top.slice(best.end + 1)) {
    if (headingOf(line.text) || /^abstra(?:ct|k)\b/i.test(line.text.trim())) break;
    block.push(line.text.trim());
  }
  const authors: string[] = [];
  for (const line of block.slice(0, 7)) {
    if (line.includes("@") || ORGANISATION.test(line)) continue;
    authors.push(...splitAuthors(line));
  }
  const inBlock = new Set(top.slice(best.start, best.end + 1 + block.length));
  return { title: plausibleTitle(title), authors: [...new Set(authors)], block, rest: all.filter((l) => !inBlock.has(l)).map((l) => l.text.trim()) };
}

/**
 * The institutions in an author block: its lines that name one, without emails or links, split at the marks
 * the names point to ("1ByteDance Research 2Peking University", "University of California, Irvine+").
 */
export function affiliationsIn(block: readonly string[]): string[] {
  const found: string[] = [];
  for (const line of block) {
    const text = line.replace(/\{[^}]*\}\s*@\S+/g, " ").replace(/\(?(?:\S+@\S+|https?:\/\/[^\s)]+)\)?/g, " ").trim();
    for (const part of text.split(new RegExp(`(?:^|\\s|;)${MARK}+(?=\\p{Lu})|;`, "u"))) {
      const name = part.replace(new RegExp(`^${MARK}+|[\\s,]*${MARK}*[\\s,]*$`, "gu"), "").replace(/\s+/g, " ").trim();
      if (name.length >= 4 && ORGANISATION.test(name) && !found.includes(name)) found.push(name);
    }
  }
  return found;
}

/**
 * The corresponding author: the name carrying the mark a "†Corresponding author." note explains, or the name
 * a "Corresponding author: ..." line gives.
 */
export function correspondingAuthorIn(block: readonly string[], rest: readonly string[], authors: readonly string[]): string | null {
  for (const line of [...rest, ...block]) {
    const mark = CORRESPONDING_NOTE.exec(line)?.[1];
    if (mark) {
      for (const m of block.join(" ").matchAll(new RegExp(`(\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,4})\\s*(${MARK}+)`, "gu"))) {
        const name = m[1].trim();
        if (m[2].includes(mark) && PERSON.test(name)) return name;
      }
    }
    const named = CORRESPONDING_LINE.exec(line)?.[1];
    if (named) {
      const name = authors.find((a) => named.includes(a)) ?? splitAuthors(named.split(/[,;(]|\S+@/)[0] ?? "")[0];
      if (name) return name;
    }
  }
  return null;
}

/**
 * Venue and year from a first page: an ACM conference line ("PLDI’09, June 15–20, 2009, Dublin, Ireland"), a
 * "Proceedings of ..." line, the series an ISSN belongs to, or an arXiv stamp; the year of the document citing
 * itself ("Reference: Chuttur M.Y. (2009) ...") comes first.
 */
export function venueOnFirstPage(lines: readonly string[]): { venue: string | null; year: number | null } {
  const yearIn = (text: string) => Number([...text.matchAll(YEAR)][0]?.[1]) || null;
  const cited = lines.find((l) => SELF_CITATION.test(l));
  let venue: string | null = null;
  let year: number | null = cited ? yearIn(cited) : null;
  const conference = lines.map((l) => CONFERENCE_LINE.exec(l)).find(Boolean);
  const proceedings = lines.find((l) => /^(?:in\s+)?(?:proceedings of|prosiding)\b/i.test(l) && l.length <= 200);
  const issn = lines.findIndex((l) => /\b[EP]?-?ISSN\b/.test(l));
  const arxiv = lines.map((l) => ARXIV_STAMP.exec(l)).find(Boolean);
  if (conference) venue = `${conference[1]}, ${conference[2]}`;
  else if (proceedings) venue = proceedings.replace(/^in\s+/i, "").replace(/[.,\s]+$/, "");
  else if (issn >= 0) {
    const before = lines[issn].split(/\b[EP]?-?ISSN\b/)[0].replace(/[\s:,|–-]+$/, "").trim();
    const previous = lines[issn - 1]?.trim() ?? "";
    venue = before.split(/\s+/).length >= 2 ? before : previous.split(/\s+/).length >= 2 && !/\d/.test(previous) ? previous : null;
  } else if (arxiv) venue = `arXiv:${arxiv[1]}${arxiv[2] ? ` [${arxiv[2]}]` : ""}`;
  year ??= conference ? yearIn(conference[0]) : proceedings ? yearIn(proceedings) : arxiv?.[3] ? Number(arxiv[3]) : null;
  return { venue, year };
}

/** The document's own DOI: on a first-page line that labels it ("DOI: 10.1016/...", "https://doi.org/10..."). */
export function doiOnFirstPage(lines: readonly string[]): string | null {
  for (const line of lines) {
    const doi = DOI_LINE.test(line) ? DOI.exec(line)?.[1] : undefined;
    if (doi) return doi;
  }
  return null;
}

/**
 * The acronyms a title spells out that the text itself uses: "Technology Acceptance Model" is "TAM" when the
 * abstract says "(TAM)". Initials of consecutive capitalised words (function words skipped), within one part of
 * the title ("Overview of the Technology Acceptance Model: Origins, ..." tries OTAM, TAM, ...).
 */
export function titleAcronyms(title: string, text: string): string[] {
  const out: string[] = [];
  // The words of the text written in capitals, once: candidates are many (every run of a long title).
  const capitals = new Set(text.match(/(?<![\p{L}\p{N}])\p{Lu}{3,}(?![\p{L}\p{N}])/gu) ?? []);
  for (const part of title.split(/[:;,.()[\]–—?!]+/)) {
    const words = part.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
    let run: string[] = [];
    const close = () => {
      for (let i = 0; i < run.length; i++) {
        for (let j = i + 3; j <= Math.min(run.length, i + 8); j++) {
          const acronym = run.slice(i, j).map((w) => w[0]).join("").toUpperCase();
          if (!out.includes(acronym) && capitals.has(acronym)) out.push(acronym);
        }
      }
      run = [];
    };
    for (const w of words) {
      if (/^\p{Lu}/u.test(w)) run.push(w);
      else if (!(run.length > 0 && ACRONYM_SKIPS.has(w.toLowerCase()))) close();
    }
    close();
  }
  // "(TAM)" written into the title itself.
  for (const m of title.matchAll(/\((\p{Lu}{2,8})\)/gu)) if (!out.includes(m[1])) out.push(m[1]);
  return out;
}

/** Venue and year from a journal's running header: "Buletin Kesehatan Vol.6 No.1 Januari-Juli 2022 ...". */
export function fromRunningHeader(header: string | undefined): { venue: string | null; year: number | null } {
  if (!header) return { venue: null, year: null };
  const venue = /^(.*?)\s*\bvol(?:ume)?\.?\s*\d/i.exec(header)?.[1]?.trim() || null;
  const years = [...header.matchAll(YEAR)].map((m) => Number(m[1]));
  return { venue, year: years.length > 0 ? Math.max(...years) : null };
}

/** "review-child-trafficking-programs.txt" -> "Review child trafficking programs". */
function titleFromFileName(id: string): string {
  const base = id.split("/").at(-1)!.replace(/\.[a-z0-9]+$/i, "").replace(/[-_]+/g, " ").trim();
  return base.charAt(0).toUpperCase() + base.slice(1);
}

function cslAuthors(csl: CslRecord): string[] {
  return (csl.author ?? []).map((a) => ("literal" in a ? a.literal : `${a.given ?? ""} ${a.family}`.trim()));
}

export function readIdentity(raw: RawDocument, lines: SourceLine[], runningHeader: string | undefined, csl?: CslRecord): Identity {
  const text = lines.slice(0, 400).map((l) => l.text).join(" ");
  const lang = detectLanguage(text);
  const header = fromRunningHeader(runningHeader);
  let title = plausibleTitle(raw.info?.title);
  let authors = raw.info?.author ? splitAuthors(raw.info.author) : [];
  const page = raw.format === "pdf" ? fromFirstPage(raw) : undefined;
  if (page && (!title || authors.length === 0)) {
    title ??= page.title;
    if (authors.length === 0) authors = page.authors;
  }
  if (!title && raw.format === "md") title = plausibleTitle(/^#\s+(.+)$/m.exec(raw.pages[0]?.text ?? "")?.[1]);
  if (!title && raw.format !== "pdf") {
    const first = lines[0]?.text ?? "";
    if (!headingOf(first) && first.length <= 200 && !/[.!?]$/.test(first)) title = plausibleTitle(first);
  }
  // A PDF's first page, its author block first; a text's first lines.
  const firstLines = page ? [...page.block, ...page.rest] : lines.slice(0, 60).map((l) => l.text);
  const front = venueOnFirstPage(page ? firstLines : []);
  const firstPageYears = [...(raw.pages[0]?.text ?? "").slice(0, 4000).matchAll(YEAR)].map((m) => Number(m[1]));
  // The year the document prints for itself comes before the day its PDF was made (a 2009 paper made into a PDF in 2010).
  const year = header.year ?? front.year ?? raw.info?.creationYear ?? (firstPageYears.length > 0 ? Math.max(...firstPageYears) : null);
  const venue = header.venue ?? front.venue;
  const resolvedTitle = title ?? titleFromFileName(raw.id);
  const read: Identity = {
    title: resolvedTitle,
    authors,
    year,
    venue,
    lang,
    affiliations: page ? affiliationsIn(page.block) : [],
    correspondingAuthor: page ? correspondingAuthorIn(page.block, page.rest, authors) : null,
    acronyms: titleAcronyms(resolvedTitle, text),
    doi: doiOnFirstPage(firstLines),
  };
  return csl ? withCsl(read, csl) : read;
}

/** An identity with what a CSL record (corpus/studies.json) says in place of what was read. */
export function withCsl<T extends Pick<Identity, "title" | "authors" | "year" | "venue">>(identity: T, csl: CslRecord): T {
  return {
    ...identity,
    title: csl.title ?? identity.title,
    authors: cslAuthors(csl).length > 0 ? cslAuthors(csl) : identity.authors,
    year: csl.issued?.["date-parts"]?.[0]?.[0] ?? identity.year,
    venue: csl["container-title"] ?? identity.venue,
  };
}
