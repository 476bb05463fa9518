/**
 * The column-major lattice skips blocks that an upper bound shows can lie on no best segmentation
 * (table-lattice.ts). On random rows and evidence, with forbidden states as the repairs add them and with a
 * segmentation already known, it must give exactly the blocks the full lattice gives.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Vocabulary } from "./clean.ts";
import { blockScorer, scoringEvidence, type BlockScorer } from "./table-block-evidence.ts";
import type { Block } from "./table-cells.ts";
import { bestBlocks, firstPassScore, MAX_PASSES, newLattice, type Lattice } from "./table-lattice.ts";
import type { ColumnModel } from "./table-model.ts";
import { rowShape } from "./table-row-shape.ts";
import { squash } from "../text/tokenize.ts";
import type { RowSpan } from "./table-types.ts";

const WORDS = ["Google", "scholar", "Journal", "of", "Studies", "2016", "(Falaq", "et", "al.,", "2016)", "Peneliti", "an", "kualitatif",
  "anak", "korban", "perdagangan", "Muhammad", "Hadziq", "program", "rehabilitasi", "sosial", "the", "mental", "health", "1.", "Keterampilan"];
const FIELDS = ["database", "title", "venue", "authors", "year", "design", "intervention", "outcomes"];

/** The full lattice: no block is ever skipped. */
function fullLattice(scorer: BlockScorer): Lattice {
  const lattice = newLattice(scorer);
  lattice.bounds.fill(Infinity);
  return lattice;
}

const row = fc.record({
  lines: fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 14 }),
  breaks: fc.array(fc.boolean(), { maxLength: 14 }),
  columns: fc.integer({ min: 1, max: FIELDS.length }),
  widths: fc.array(fc.option(fc.integer({ min: 3, max: 30 })), { minLength: FIELDS.length, maxLength: FIELDS.length }),
  learned: fc.boolean(),
  repeats: fc.array(fc.tuple(fc.nat(), fc.nat(FIELDS.length - 1), fc.integer({ min: 1, max: 4 }), fc.double({ min: 0.1, max: 1, noNaN: true })), { maxLength: 8 }),
  references: fc.array(fc.option(fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 8 })), { minLength: FIELDS.length, maxLength: FIELDS.length }),
  sharedStart: fc.nat(3),
  forbidden: fc.array(fc.tuple(fc.integer({ min: 1, max: MAX_PASSES - 1 }), fc.nat(FIELDS.length - 1)), { maxLength: 4 }),
  known: fc.boolean(),
});

describe("skipping blocks in the column-major lattice", () => {
  it("gives the blocks of the full lattice", () => {
    fc.assert(fc.property(row, (r) => {
      let page = 1;
      const span: RowSpan = { number: 1, lines: r.lines.map((words, index) => ({ index, text: words.join(" "), page: r.breaks[index] ? ++page : page })) };
      const fields = FIELDS.slice(0, r.columns);
      const vocabulary = new Vocabulary(span.lines.map((l) => l.text));
      const shape = rowShape(span, vocabulary);
      const models: ColumnModel[] | null = r.learned
        ? fields.map((_, c) => ({ width: r.widths[c], pieces: new Map() }))
        : null;
      for (const [line, column, rows, weight] of r.repeats) {
        const key = squash(span.lines[line % span.lines.length].text);
        if (models && column < fields.length && key) models[column].pieces.set(key, { rows: new Set(Array.from({ length: rows }, (_, k) => k + 1)), weight });
      }
      const references = fields.map((_, c) => r.references[c]?.join(" ") ?? undefined);
      const scorer = blockScorer(scoringEvidence(shape, fields, models, references, 1, r.sharedStart));
      const full = bestBlocks(fullLattice(scorer), new Set(), 0);
      const known = r.known && full.every((b) => b.pass === 0) ? firstPassScore(fullLattice(scorer), full) : -Infinity;
      const lattice = newLattice(scorer);
      expect(bestBlocks(lattice, new Set(), 0, known)).toEqual(full);
      // Repairs: states forbidden one after the other, the passes before them kept.
      const forbidden = new Set<number>();
      for (const [pass, column] of r.forbidden) {
        if (column >= fields.length) continue;
        forbidden.add(pass * fields.length + column);
        const expected: Block[] = bestBlocks(fullLattice(scorer), forbidden, 0);
        expect(bestBlocks(lattice, forbidden, pass, known)).toEqual(expected);
      }
    }), { numRuns: 400 });
  });
});
