/**
 * Scoring in-text citation linking against hand-labelled snippets: each gold citation is a snippet of the
 * sentence and the gold entries it cites. A predicted link is a (snippet, entry) pair from a citation found
 * inside the snippet, its entry mapped to the gold list through the reference matching.
 */
import type { InTextCitation } from "../../text/in-text-citations.ts";
import { findLoosely, matchReferences, prf, type GoldReference, type ParsedReference, type PRF } from "./score.ts";

export interface GoldCitation {
  doc: string;
  snippet: string;
  /** Gold reference indices; empty for a look-alike that cites nothing. */
  entries: number[];
}

export interface CitationScore extends PRF {
  /** Gold snippets with links that were not found in the text (all their links count as missed). */
  missing: string[];
}

/**
 * Link-level P/R/F1 over the gold snippets of one document.
 *
 * @example scoreCitations(text, findCitations(text, parsed), parsed, goldReferences, goldCitations).f1 // 1
 */
export function scoreCitations(
  text: string,
  citations: readonly InTextCitation[],
  parsed: readonly ParsedReference[],
  goldReferences: readonly GoldReference[],
  gold: readonly GoldCitation[],
): CitationScore {
  const toGold = matchReferences(parsed, goldReferences);
  const goldPairs = new Set<string>();
  const predicted = new Set<string>();
  const missing: string[] = [];
  gold.forEach((citation, i) => {
    for (const entry of citation.entries) goldPairs.add(`${i}:${entry}`);
    const span = findLoosely(text, citation.snippet);
    if (!span) {
      // A look-alike that is not in the prose (it sat in a figure) cannot be cited wrongly.
      if (citation.entries.length > 0) missing.push(citation.snippet);
      return;
    }
    for (const c of citations) {
      if (c.start >= span.end || c.end <= span.start) continue;
      // An entry that matches no gold entry still counts as a (wrong) link.
      for (const entry of c.entries) predicted.add(`${i}:${toGold.get(entry) ?? `unmatched-${entry}`}`);
    }
  });
  const hits = [...predicted].filter((p) => goldPairs.has(p)).length;
  return { ...prf(hits, predicted.size, goldPairs.size), missing };
}
