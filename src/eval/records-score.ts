/**
 * Study records against corpus/studies.json used as gold (ingest never reads it for text): per field, the
 * mean agreement over studies. Title, venue, database and authors by token F1 (authors as family names);
 * year exactly. Run by src/ingest/records.test.ts and scripts/measure-records.ts (docs/ingest.md).
 */
import type { StudyRecord } from "../domain/study.ts";
import type { CslRecord } from "../ingest/studies-json.ts";
import { isColumnLabel } from "../ingest/table-header.ts";
import { tokenF1 } from "./table-f1.ts";

export interface FieldScore {
  field: string;
  mean: number;
  /** Studies whose value agrees fully (F1 >= 0.9, or equal). */
  right: number;
  total: number;
}

const tableValue = (r: StudyRecord, field: keyof StudyRecord["fields"]) => r.fields[field]?.find((v) => v.source === "table") ?? r.fields[field]?.[0];

function familyNames(csl: CslRecord): string {
  return (csl.author ?? []).map((a) => ("literal" in a ? a.literal : a.family)).join(" ");
}

const labelFree = (text: string) => (isColumnLabel(text) ? "" : text);

export function scoreRecords(records: StudyRecord[], gold: Map<number, CslRecord>): FieldScore[] {
  const fields: { field: string; score: (r: StudyRecord, g: CslRecord) => number }[] = [
    { field: "title", score: (r, g) => tokenF1(tableValue(r, "title")?.text ?? "", g.title ?? "") },
    { field: "authors (family names)", score: (r, g) => tokenF1((tableValue(r, "authors")?.text ?? "").split(/\s*,\s*/).map((n) => n.split(/\s+/).at(-1)).join(" "), familyNames(g)) },
    { field: "year", score: (r, g) => Number(tableValue(r, "year")?.keys[0] === String(g.issued?.["date-parts"]?.[0]?.[0])) },
    { field: "venue", score: (r, g) => tokenF1(tableValue(r, "venue")?.text ?? "", g["container-title"] ?? "") },
    { field: "database", score: (r, g) => tokenF1(tableValue(r, "database")?.text ?? "", String((g as Record<string, unknown>).database ?? "")) },
    // A gold cell that is only a column's name ("Desain Studi") is no method: ingest leaves it out.
    { field: "method (design cell)", score: (r, g) => tokenF1(r.fields.design?.find((v) => v.source === "table")?.text ?? "", labelFree(String((g as Record<string, unknown>).method ?? ""))) },
    { field: "in-text citation", score: (r, g) => tokenF1(r.citation ?? "", String((g as Record<string, unknown>).citedAs ?? "").replace(/[()]/g, "")) },
  ];
  return fields.map(({ field, score }) => {
    const scores = [...gold].map(([n, g]) => {
      const r = records.find((x) => x.number === n && x.kind === "study");
      return r ? score(r, g) : 0;
    });
    return { field, mean: scores.reduce((a, b) => a + b, 0) / Math.max(1, scores.length), right: scores.filter((s) => s >= 0.9).length, total: scores.length };
  });
}
