/**
 * The fields of one reference entry, read from its text by rule: label, authors (family names), year,
 * title, venue, DOI. Handles "Given Family" lists with a year after them (ACL, APA-like), "Family, I."
 * lists (APA), and "I. Family" lists with the year at the end (ACM, IEEE).
 */

export interface ReferenceFields {
  label?: string;
  authors: string[];
  year?: number;
  /** The letter after the year that tells apart one author's works of one year ("2024a"). */
  yearSuffix?: string;
  title?: string;
  venue?: string;
  doi?: string;
}

const LABEL = /^\s*(\[\d{1,4}\]|\d{1,4}\.(?=\s))\s*/;
const DOI = /\b(10\.\d{4,9}\/[^\s"<>]+?)(?=[.,;]?(?:\s|$))/i;
const YEAR = /(?<![\d/.:\-–])((?:1[89]|20)\d{2})([a-z])?(?![\d/])/g;
/** A name token: capitalised word, initial ("J."), or particle ("van", "de"). */
const NAME_TOKEN = /^(?:\p{Lu}[\p{L}'’\-]*\.?|\p{Lu}\.(?:-?\p{Lu}\.)*|van|von|der|den|de|del|della|da|di|du|la|le|bin|al|el)$/u;
const INITIALS = /^(?:\p{Lu}\.?\s*-?)+$/u;
const SUFFIXES = new Set(["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"]);
/** Where a title ends: a full stop before a capital, a venue marker, a link, or the end. */
const TITLE_END = /[.?!](?=\s+(?:\p{Lu}|arXiv|https?:|doi|pages|pp\.|vol\.|in\s))|\s+-\s+https?:|[.?!]?\s*$/u;
/** At most this many words in one author's name ("Vincent Josua Hellendoorn", "Juan Carlos de la Cruz"). */
const MAX_NAME_TOKENS = 5;

/**
 * Read the fields of one reference.
 *
 * @example
 * referenceFields("[7] V. Bala, E. Duesterwald, and S. Banerjia. Dynamo: A transparent dynamic optimization system. In PLDI, 2000.")
 * // { label: "[7]", authors: ["Bala", "Duesterwald", "Banerjia"], year: 2000, title: "Dynamo: A transparent dynamic optimization system", venue: "PLDI" }
 */
export function referenceFields(entry: string): ReferenceFields {
  let text = entry.replace(/\s+/g, " ").trim();
  const out: ReferenceFields = { authors: [] };
  const label = LABEL.exec(text);
  if (label) {
    out.label = label[1];
    text = text.slice(label[0].length);
  }
  const doi = DOI.exec(text);
  if (doi) out.doi = doi[1];
  const years = [...text.matchAll(YEAR)];
  const authorEnd = authorBlockEnd(text);
  // Author-year styles put the year right after the authors ("... Pal. 2024." or "... (2024)").
  const early = years.find((y) => y.index !== undefined && y.index >= authorEnd.start && y.index <= authorEnd.end + 3);
  const year = early ?? lastStandalone(years, text);
  if (year) {
    out.year = Number(year[1]);
    if (year[2]) out.yearSuffix = year[2];
  }
  const authorText = early ? text.slice(0, early.index) : text.slice(0, authorEnd.start);
  out.authors = familyNames(authorText);
  let rest = early ? text.slice((early.index ?? 0) + early[0].length) : out.authors.length > 0 ? text.slice(authorEnd.end) : text;
  rest = rest.replace(/^[\s).,:;]+/, "");
  const end = TITLE_END.exec(rest);
  const title = (end ? rest.slice(0, end.index) : rest)
    .replace(/[.,]\s*(?<!\d)(?:1[89]|20)\d{2}[a-z]?\.?$/, "")
    .replace(/[\s,;:]+$/, "")
    .trim();
  if (title) out.title = title;
  const venue = cleanVenue(rest.slice(title.length));
  if (venue) out.venue = venue;
  return out;
}

/** Where the author list ends: the first full stop after a word that is not an initial or "al". */
function authorBlockEnd(text: string): { start: number; end: number } {
  const stop = /(\S+)\.(?=\s|$)/g;
  for (const m of text.matchAll(stop)) {
    const word = m[1].replace(/^[\p{P}]+/u, "");
    // A year ends the list ("..., et al. 2024." or "Davis, F. D. (1989).").
    if (/^\(?(?:1[89]|20)\d{2}[a-z]?\)?$/.test(word)) return { start: m.index ?? 0, end: m.index ?? 0 };
    if (/^\p{Lu}$/u.test(word) || /^(?:al|et al|\p{Lu}\.\p{Lu})$/u.test(word) || INITIALS.test(word + ".")) continue;
    const index = m.index ?? 0;
    return { start: index + m[0].length - 1, end: index + m[0].length };
  }
  return { start: text.length, end: text.length };
}

function lastStandalone(years: RegExpMatchArray[], text: string): RegExpMatchArray | undefined {
  const standalone = years.filter((y) => /^(?:$|[\s.,;:)\]])/.test(text.slice((y.index ?? 0) + y[0].length)));
  return standalone.at(-1) ?? years.at(-1);
}

/**
 * Family names from an author list: "Shubham Agarwal, Issam H Laradji, and Christopher Pal" ->
 * [Agarwal, Laradji, Pal]; "Davis, F. D., & Venkatesh, V." -> [Davis, Venkatesh]; "A. Gal, C. W. Probst" ->
 * [Gal, Probst]. Not a list of names (a web page's title) -> [].
 *
 * @example familyNames("A. Gal, C. W. Probst, and M. Franz") // ["Gal", "Probst", "Franz"]
 */
export function familyNames(list: string): string[] {
  const cleaned = list
    .replace(/\bet\.? al\.?|\bdkk\.?/gi, "")
    .replace(/[()]/g, " ")
    .replace(/[\s.,;:]+$/, "")
    .trim();
  if (!cleaned) return [];
  const pieces = cleaned.split(/\s*,\s*(?:and\s+|&\s*|dan\s+)?|\s+(?:and|&|dan)\s+/).map((p) => p.trim()).filter(Boolean);
  const names: string[][] = [];
  for (const piece of pieces) {
    const tokens = piece.split(/\s+/);
    // "Family, I. J." puts the initials in a piece of their own: they belong to the name before.
    if (INITIALS.test(piece) && names.length > 0 && !names[names.length - 1].some((t) => INITIALS.test(t))) {
      names[names.length - 1].push(...tokens);
      continue;
    }
    names.push(tokens);
  }
  if (names.length === 0 || names.some((n) => n.length > MAX_NAME_TOKENS || !n.every((t) => NAME_TOKEN.test(t) || SUFFIXES.has(t.toLowerCase())))) return [];
  return names.map(familyName).filter((n): n is string => !!n);
}

function familyName(tokens: string[]): string | undefined {
  const words = tokens.filter((t) => !SUFFIXES.has(t.toLowerCase()));
  const full = words.filter((t) => !INITIALS.test(t));
  if (full.length === 0) return undefined;
  // "Family I. J." (initials after): the family name comes first; otherwise it is the last word.
  const initialsAfter = INITIALS.test(words[words.length - 1]) && !INITIALS.test(words[0]);
  return (initialsAfter ? full[0] : full[full.length - 1]).replace(/[.,]$/, "");
}

function cleanVenue(rest: string): string | undefined {
  const venue = rest
    .replace(/^[\s.?!]+/, "")
    .replace(/^in\s+/i, "")
    .replace(/\s*-?\s*https?:\S+/g, "")
    .replace(/,?\s*(?:pages|pp\.)\s*[\d–-]+.*$/i, "")
    .replace(/[,.]?\s*(?<![\d.:])(?:1[89]|20)\d{2}[a-z]?\.?$/, "")
    .replace(/[\s.,;]+$/, "")
    .trim();
  return venue || undefined;
}
