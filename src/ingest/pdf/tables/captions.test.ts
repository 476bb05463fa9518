/**
 * Captions: blocks of caption lines, the candidates near a table, and the choice when one caption sits
 * between two stacked tables.
 */
import { describe, expect, it } from "vitest";
import type { PdfLine } from "../types.ts";
import { captionBlocks, captionCandidates, chooseCaptions, type CaptionBlock } from "./captions.ts";

function line(text: string, y: number, role: PdfLine["role"] = "caption", x = 100): PdfLine {
  return { text, x, y, width: 300, fontSize: 10, bold: false, column: 0, role, monospace: false, spans: [] };
}

describe("caption blocks", () => {
  it("runs a caption on over its next caption lines and tells a table's caption from a figure's", () => {
    const blocks = captionBlocks([line("Table 2: Statistics of the set.", 100), line("Ans-50 is the median.", 112), line("Body text.", 140, "body"), line("Figure 3: Curves.", 200)]);
    expect(blocks.map((b) => [b.lines.map((l) => l.text), b.names])).toEqual([
      [["Table 2: Statistics of the set.", "Ans-50 is the median."], "table"],
      [["Figure 3: Curves."], "figure"],
    ]);
  });
});

describe("choosing captions", () => {
  const box = (top: number, bottom: number) => ({ left: 100, right: 400, top, bottom });
  const [t5, t6] = captionBlocks([line("Table 5: Results on one set.", 215), line("Table 6: Results on the other.", 370)]) as [CaptionBlock, CaptionBlock];

  it("finds the captions right above or below a table, not far ones", () => {
    expect(captionCandidates(box(228, 345), 10, [t5, t6]).map((c) => [c.caption.lines[0].text, c.side])).toEqual([
      ["Table 5: Results on one set.", "above"],
      ["Table 6: Results on the other.", "below"],
    ]);
    expect(captionCandidates(box(500, 600), 10, [t5, t6])).toEqual([]);
  });

  it("gives a caption between two stacked tables to the one whose side the document's other tables use", () => {
    // Table 5 has only the caption below it; Table 6 has Table 5's caption just above and its own below.
    const upper = captionCandidates(box(70, 190), 10, [t5, t6]);
    const lower = captionCandidates(box(228, 345), 10, [t5, t6]);
    expect(lower[0].distance).toBeLessThan(lower[1].distance);
    expect(chooseCaptions([upper, lower])).toEqual([t5, t6]);
  });
});
