/**
 * Scores the study records ingest reads from the review's own text (no studies.json) against
 * corpus/studies.json as gold, field by field. Usage: npx tsx scripts/measure-records.ts
 */
import path from "node:path";
import { PROJECT_ROOT } from "../src/config.ts";
import { scoreRecords } from "../src/eval/records-score.ts";
import { loadDocument } from "../src/ingest/load.ts";
import { buildDocument } from "../src/ingest/passages.ts";
import { readStudiesJson } from "../src/ingest/studies-json.ts";

const corpus = path.join(PROJECT_ROOT, "corpus");
const doc = buildDocument(await loadDocument(path.join(corpus, "review-child-trafficking-programs.txt"), corpus), { chunkMaxChars: 700 });
const scores = scoreRecords(doc.records, readStudiesJson(corpus)!.studies);
console.log("field".padEnd(26) + "mean   agree");
for (const s of scores) console.log(s.field.padEnd(26) + s.mean.toFixed(3) + "  " + `${s.right}/${s.total}`);
