/**
 * The review's parsed tables, cell for cell, against a snapshot taken from the parser before it was made
 * faster (test/fixtures/review-tables/parsed-cells.json): speed work must not change a single cell, nor the
 * source lines a cell records, with or without cells shared between the tables. Regenerate the snapshot
 * only for a deliberate change of output, never to make this test pass after an optimisation.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../config.ts";
import { textLines } from "../eval/table-f1.ts";
import { parseTables } from "./table-parse.ts";
import type { ParsedTable } from "./table-types.ts";

const REVIEW = path.join(PROJECT_ROOT, "corpus", "review-child-trafficking-programs.txt");
const SNAPSHOT = path.join(PROJECT_ROOT, "test", "fixtures", "review-tables", "parsed-cells.json");

const snapshot = JSON.parse(readFileSync(SNAPSHOT, "utf8")) as { crossTable: ParsedTable[]; alone: ParsedTable[] };
const lines = textLines(REVIEW);

describe("the review's parsed tables equal the snapshot", () => {
  it("with cells shared between the tables", () => {
    expect(parseTables(lines)).toEqual(snapshot.crossTable);
  });

  it("each table on its own evidence", () => {
    expect(parseTables(lines, { crossTable: false })).toEqual(snapshot.alone);
  });
});
