/**
 * Author-year citations as reviews write them: "(Falaq et al., 2016)", "(Aprilianzah & Bantarti, 2020)",
 * "(Rafferty, 2018)", "Rothman et al. (2020)", "(Maswita Djaja, Byarlina Gyamirti, 2016)".
 *
 * @example findAuthorYear("... dengan baik (Nawar et al., 2021).") // [{ surnames: ["Nawar"], year: 2021, ... }]
 */
export interface AuthorYear {
  /** The citation as written, brackets included. */
  text: string;
  start: number;
  end: number;
  /** Family names it names, first author first. */
  surnames: string[];
  /** "et al." / "dkk." follows the names: more authors than it lists. */
  etAl: boolean;
  year: number;
}

const PARENTHETICAL = /\(([^()]{2,120}?),?\s+((?:19|20)\d\d)[a-z]?\)/gu;
const NARRATIVE = /(\p{Lu}[\p{L}'’-]+(?:\s+(?:et\s+al\.?|dkk\.?|(?:&|and|dan)\s+\p{Lu}[\p{L}'’-]+))?)\s+\(((?:19|20)\d\d)[a-z]?\)/gu;
const ET_AL = /\b(?:et\s+al|dkk)\b/u;
const NAME = /\p{Lu}[\p{L}'’-]{1,}/gu;
/** Words in a citation that are not names. */
const NOT_NAMES = new Set(["et", "al", "dkk", "and", "dan", "in", "press", "see", "e.g", "cf", "i.e"]);

function surnamesOf(authors: string): string[] {
  // "Maswita Djaja, Byarlina Gyamirti" lists people: their last words. "Falaq et al." one surname.
  const people = authors.split(/\s*(?:,|;|&|\band\b|\bdan\b)\s*/).map((p) => p.trim()).filter(Boolean);
  const out: string[] = [];
  for (const person of people) {
    const names = [...person.matchAll(NAME)].map((m) => m[0]).filter((n) => !NOT_NAMES.has(n.toLowerCase()));
    const last = person.includes("et al") || person.includes("dkk") ? names[0] : names.at(-1);
    if (last) out.push(last);
  }
  return out;
}

export function findAuthorYear(text: string): AuthorYear[] {
  const out: AuthorYear[] = [];
  for (const m of text.matchAll(PARENTHETICAL)) {
    const surnames = surnamesOf(m[1]);
    if (surnames.length > 0) out.push({ text: m[0], start: m.index, end: m.index + m[0].length, surnames, etAl: ET_AL.test(m[1]), year: Number(m[2]) });
  }
  for (const m of text.matchAll(NARRATIVE)) {
    if (out.some((c) => m.index >= c.start && m.index < c.end)) continue;
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, surnames: surnamesOf(m[1]), etAl: ET_AL.test(m[1]), year: Number(m[2]) });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** "Falaq et al., 2016" for a citation (what answers print). */
export function formatAuthorYear(c: Pick<AuthorYear, "surnames" | "year"> & { etAl?: boolean }): string {
  const many = c.surnames.length > 2 || (c.etAl && c.surnames.length > 0);
  const names = many ? `${c.surnames[0]} et al.` : c.surnames.length === 2 ? `${c.surnames[0]} & ${c.surnames[1]}` : c.surnames[0];
  return `${names}, ${c.year}`;
}
