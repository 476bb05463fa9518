/**
 * Linking text to the studies it is about. Two kinds of evidence, both derived from data:
 *  - cues: the names a study is known by — surnames and the in-text citation from studies.json, and the
 *    programs, places and phrases in corpus/study-aliases.json ("MLMC", "Rumah Faye", "Pantai Gading");
 *  - paraphrase: a sentence whose distinctive words mostly come from one study's rows of the review's
 *    tables (the discussion restates the tables without naming the study).
 */
import { contentStems } from "../text/analyze.ts";
import { foldCase } from "../text/tokenize.ts";
import { studySurnames, type StudyCatalog } from "./studies.ts";

export interface StudyLinker {
  /** Study numbers a piece of text is about, ascending. */
  link(text: string): number[];
}

interface Cue {
  study: number;
  pattern: RegExp;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function cuesOf(catalog: StudyCatalog): Cue[] {
  const cues: Cue[] = [];
  for (const study of catalog.studies) {
    const phrases = [...studySurnames(study), ...(catalog.aliases.get(study.number) ?? [])];
    for (const phrase of phrases) {
      const words = foldCase(phrase).trim().split(/\s+/).map(escapeRegExp).join("\\s+");
      cues.push({ study: study.number, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, "u") });
    }
  }
  return cues;
}

/** The stems of the names a study is known by (to tell "which study" words from "what about it" words). */
export function studyCueStems(catalog: StudyCatalog, studies: number[]): Set<string> {
  const out = new Set<string>();
  for (const study of catalog.studies) {
    if (!studies.includes(study.number)) continue;
    for (const phrase of [...studySurnames(study), ...(catalog.aliases.get(study.number) ?? [])]) {
      for (const s of contentStems(phrase)) out.add(s);
    }
  }
  return out;
}

export interface LinkOptions {
  /** Per study, the text of its rows in the review's tables (for paraphrase matching). */
  rowTexts?: Map<number, string>;
  /** Share of a sentence's weighted words that must come from one study's rows. */
  minShare?: number;
  /** Lead of the best study over the next one. */
  minLead?: number;
}

export function createStudyLinker(catalog: StudyCatalog, options: LinkOptions = {}): StudyLinker {
  const cues = cuesOf(catalog);
  const { rowTexts = new Map(), minShare = 0.6, minLead = 0.2 } = options;
  const rowStems = new Map([...rowTexts].map(([n, text]) => [n, new Set(contentStems(text))]));
  // A word in every study's rows says nothing about which study a sentence is about.
  const studiesWith = new Map<string, number>();
  for (const stems of rowStems.values()) for (const s of stems) studiesWith.set(s, (studiesWith.get(s) ?? 0) + 1);
  const total = Math.max(1, rowStems.size);
  const weight = (stem: string) => Math.log(1 + total / (studiesWith.get(stem) ?? 1));

  // A word found in the rows of at most two studies tells them apart.
  const distinctive = (stem: string) => (studiesWith.get(stem) ?? 0) > 0 && (studiesWith.get(stem) ?? 0) <= 2;

  function byParaphrase(text: string): number | undefined {
    const stems = [...new Set(contentStems(text))];
    if (stems.length < 6 || rowStems.size === 0) return undefined;
    const whole = stems.reduce((sum, s) => sum + weight(s), 0);
    const shares = [...rowStems].map(([n, row]) => {
      const shared = stems.filter((s) => row.has(s));
      return {
        n,
        share: shared.reduce((sum, s) => sum + weight(s), 0) / whole,
        distinctive: shared.filter(distinctive).length,
      };
    });
    shares.sort((a, b) => b.share - a.share);
    const [best, next] = shares;
    const clear = best.share >= minShare && best.share - (next?.share ?? 0) >= minLead;
    return clear && best.distinctive >= 3 ? best.n : undefined;
  }

  return {
    link(text: string): number[] {
      const folded = foldCase(text);
      const found = new Set<number>();
      for (const cue of cues) if (cue.pattern.test(folded)) found.add(cue.study);
      if (found.size === 0) {
        const n = byParaphrase(text);
        if (n !== undefined) found.add(n);
      }
      return [...found].sort((a, b) => a - b);
    },
  };
}
