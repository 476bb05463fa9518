/**
 * Repeated-line evidence for all columns at once (pieceRepeatScoresOf, used per row piece) must equal the
 * per-column pieceRepeatScore, whatever the models hold.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pieceRepeatScore, pieceRepeatScoresOf, type ColumnModel } from "./table-model.ts";

const KEYS = ["googlescholar", "journalof", "neliti", "abc", "penelitiankualitatif"];

describe("pieceRepeatScoresOf", () => {
  it("gives each column's pieceRepeatScore", () => {
    const seen = fc.record({ rows: fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { maxLength: 5 }), weight: fc.double({ min: 0.05, max: 1, noNaN: true }) });
    const model = fc.record({ width: fc.option(fc.integer({ min: 3, max: 40 })), pieces: fc.dictionary(fc.constantFrom(...KEYS), seen) });
    fc.assert(fc.property(fc.array(model, { minLength: 1, maxLength: 8 }), fc.constantFrom(...KEYS), fc.integer({ min: 1, max: 6 }), (raw, key, row) => {
      const models: ColumnModel[] = raw.map((m) => ({ width: m.width, pieces: new Map(Object.entries(m.pieces).map(([k, v]) => [k, { rows: new Set(v.rows), weight: v.weight }])) }));
      const out = new Float64Array(models.length + 2).fill(NaN);
      pieceRepeatScoresOf(models, key, row, models.length, out, 1);
      expect(Array.from(out.subarray(1, 1 + models.length))).toEqual(models.map((_, c) => pieceRepeatScore(models, c, key, row)));
    }), { numRuns: 1000 });
  });
});
