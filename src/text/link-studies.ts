/**
 * Which studies a sentence is about, from the document's own evidence:
 *  - an in-text citation whose surname and year match a study's citation ("(Nawar et al., 2021)");
 *  - a name the study is known by (its derived aliases: acronyms, program and place names, surnames);
 *  - paraphrase: most of the sentence's distinctive words come from one study's table rows.
 */
import type { StudyRecord } from "../domain/study.ts";
import { contentStems } from "./analyze.ts";
import { escapeRegExp, foldCase } from "./tokenize.ts";
import { findAuthorYear } from "./author-year.ts";

export interface StudyLinker {
  /** Study numbers a piece of text is about, ascending. */
  link(text: string): number[];
}

interface Cue {
  study: number;
  phrase: string;
  pattern: RegExp;
}

/** An acronym ("WHO", "MLMC", "INGOs") only names something in capitals: "who" is a word. */
export const isAcronym = (phrase: string) => /^[A-Z][A-Z0-9]+s?$/.test(phrase.trim());

/** A whole-word pattern for a name, matched on folded text (or, for an acronym, on the text as written). */
export function namePattern(phrase: string): RegExp {
  const words = (isAcronym(phrase) ? phrase : foldCase(phrase)).trim().split(/\s+/).map(escapeRegExp).join("\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, "u");
}

/** Does the text name it? Acronyms are matched as written, other names case- and accent-insensitively. */
export function names(text: string, folded: string, phrase: string, pattern = namePattern(phrase)): boolean {
  return pattern.test(isAcronym(phrase) ? text : folded);
}

export interface LinkOptions {
  /** Per study, the text of its table rows (for paraphrase matching). */
  rowTexts?: Map<number, string>;
  /** Share of a sentence's weighted words that must come from one study's rows. */
  minShare?: number;
  /** Lead of the best study over the next one. */
  minLead?: number;
}

/** Paraphrase needs a few words to go on, and several of them must tell the studies apart. */
const MIN_PARAPHRASE_WORDS = 6;
const MIN_DISTINCTIVE_WORDS = 3;

export function createStudyLinker(records: Pick<StudyRecord, "number" | "aliases" | "citation" | "fields">[], options: LinkOptions = {}): StudyLinker {
  const cues: Cue[] = records.flatMap((r) => r.aliases.map((a) => ({ study: r.number, phrase: a, pattern: namePattern(a) })));
  const cited = records.map((r) => ({
    study: r.number,
    surnames: new Set((r.fields.authors ?? []).filter((v) => v.source === "citation").map((v) => foldCase(v.text))),
    years: new Set((r.fields.year ?? []).flatMap((v) => v.keys).map(Number)),
  }));
  const { rowTexts = new Map(), minShare = 0.6, minLead = 0.2 } = options;
  const rowStems = new Map([...rowTexts].map(([n, text]) => [n, new Set(contentStems(text))]));
  const studiesWith = new Map<string, number>();
  for (const stems of rowStems.values()) for (const s of stems) studiesWith.set(s, (studiesWith.get(s) ?? 0) + 1);
  const total = Math.max(1, rowStems.size);
  const weight = (stem: string) => Math.log(1 + total / (studiesWith.get(stem) ?? 1));
  // A word found in the rows of at most two studies tells them apart.
  const distinctive = (stem: string) => (studiesWith.get(stem) ?? 0) > 0 && (studiesWith.get(stem) ?? 0) <= 2;

  function byParaphrase(text: string): number | undefined {
    const stems = [...new Set(contentStems(text))];
    if (stems.length < MIN_PARAPHRASE_WORDS || rowStems.size === 0) return undefined;
    const whole = stems.reduce((sum, s) => sum + weight(s), 0);
    const shares = [...rowStems].map(([n, row]) => {
      const shared = stems.filter((s) => row.has(s));
      return { n, share: shared.reduce((sum, s) => sum + weight(s), 0) / whole, distinctive: shared.filter(distinctive).length };
    });
    shares.sort((a, b) => b.share - a.share);
    const [best, next] = shares;
    const clear = best.share >= minShare && best.share - (next?.share ?? 0) >= minLead;
    return clear && best.distinctive >= MIN_DISTINCTIVE_WORDS ? best.n : undefined;
  }

  return {
    link(text: string): number[] {
      const folded = foldCase(text);
      const found = new Set<number>();
      for (const c of findAuthorYear(text)) {
        for (const r of cited) if (r.years.has(c.year) && c.surnames.some((s) => r.surnames.has(foldCase(s)))) found.add(r.study);
      }
      for (const cue of cues) if (names(text, folded, cue.phrase, cue.pattern)) found.add(cue.study);
      if (found.size === 0) {
        const n = byParaphrase(text);
        if (n !== undefined) found.add(n);
      }
      return [...found].sort((a, b) => a - b);
    },
  };
}
