/**
 * A table's caption: the caption block right above or right below it. Two tables stacked on a page have a
 * caption between them that is near both; a document sets its table captions on one side, so the side most
 * unambiguous tables have decides for the ambiguous ones.
 */
import type { PdfLine } from "../types.ts";

/** "Table 3:", "Tab. 2", "Tabel 1." (a figure's caption can name a table too, but says "Figure"). */
const TABLE_CAPTION = /^(?:table|tab\.|tabel)\s*(?:[A-Z]?\d+[a-z]?|[IVXL]+)(?:\.\d+)*\s*(?:[.:|—–-]|$)/i;
/** A caption is at most this many em from the table it names. */
const CAPTION_REACH_EM = 4;

export interface CaptionBlock {
  lines: PdfLine[];
  /** It says "Table". */
  names: "table" | "figure";
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * The caption blocks of a page: runs of caption lines in reading order, each opening with its label.
 *
 * @example captionBlocks(page.lines)[0].lines.map((l) => l.text) // ["Table 2: Statistics of ...", "represent the ..."]
 */
export function captionBlocks(lines: readonly PdfLine[]): CaptionBlock[] {
  const blocks: PdfLine[][] = [];
  let previous: PdfLine | undefined;
  for (const line of lines) {
    if (line.role !== "caption") {
      previous = undefined;
      continue;
    }
    // A caption line right after another continues it unless it opens a caption of its own.
    const opens = /^(?:fig|table|tab\.|tabel|chart|scheme|plate|exhibit|gambar|grafik|bagan)/i.test(line.text);
    if (previous && !opens) blocks[blocks.length - 1].push(line);
    else blocks.push([line]);
    previous = line;
  }
  return blocks.map((ls) => ({
    lines: ls,
    names: TABLE_CAPTION.test(ls[0].text) ? "table" : "figure",
    top: Math.min(...ls.map((l) => l.y - l.fontSize)),
    bottom: Math.max(...ls.map((l) => l.y)),
    left: Math.min(...ls.map((l) => l.x)),
    right: Math.max(...ls.map((l) => l.x + l.width)),
  }));
}

export interface CaptionCandidate {
  caption: CaptionBlock;
  side: "above" | "below";
  distance: number;
}

/** The captions near enough a table's box, above or below it and overlapping it across. */
export function captionCandidates(box: Box, size: number, captions: readonly CaptionBlock[]): CaptionCandidate[] {
  const out: CaptionCandidate[] = [];
  for (const caption of captions) {
    if (caption.right <= box.left || box.right <= caption.left) continue;
    const above = box.top - caption.bottom;
    const below = caption.top - box.bottom;
    if (above >= -size / 2 && above <= CAPTION_REACH_EM * size) out.push({ caption, side: "above", distance: Math.max(0, above) });
    else if (below >= -size / 2 && below <= CAPTION_REACH_EM * size) out.push({ caption, side: "below", distance: Math.max(0, below) });
  }
  return out;
}

/**
 * Give each table (by its candidates) at most one caption, no caption to two tables: a table caption before
 * a figure's, the document's usual side before the other, the nearer before the farther.
 *
 * @example chooseCaptions([[{ caption: t5, side: "below", distance: 15 }], [{ caption: t5, side: "above", distance: 12 }, { caption: t6, side: "below", distance: 14 }]]) // [t5, t6]
 */
export function chooseCaptions(candidates: readonly (readonly CaptionCandidate[])[]): (CaptionBlock | undefined)[] {
  const votes = { above: 0, below: 0 };
  for (const list of candidates) {
    const tables = list.filter((c) => c.caption.names === "table");
    if (tables.length === 1) votes[tables[0].side]++;
  }
  const usual = votes.above > votes.below ? "above" : votes.below > votes.above ? "below" : undefined;
  const rank = (c: CaptionCandidate) => (c.caption.names === "table" ? 0 : 2) + (usual && c.side !== usual ? 1 : 0);
  const ranked = candidates.map((list) => [...list].sort((a, b) => rank(a) - rank(b) || a.distance - b.distance));
  const chosen: (CaptionBlock | undefined)[] = candidates.map(() => undefined);
  const used = new Set<CaptionBlock>();
  // Tables whose best candidate is the most certain choose first.
  const order = ranked.map((list, i) => i).sort((a, b) => key(ranked[a][0]) - key(ranked[b][0]));
  function key(c: CaptionCandidate | undefined): number {
    return c ? rank(c) * 1000 + c.distance : Infinity;
  }
  for (const i of order) {
    const pick = ranked[i].find((c) => !used.has(c.caption));
    if (pick) {
      chosen[i] = pick.caption;
      used.add(pick.caption);
    }
  }
  return chosen;
}
