/**
 * node --import tsx scripts/bench-tokenize.ts [--rounds 20] [--runs 7]
 * Times tokenize() over the shipped review's paragraphs (each paragraph a text, as ingest tokenizes passages),
 * `rounds` times per run, and prints the median of `runs` runs with the number of tokens. A check that a
 * change to the tokenizer's pattern keeps it fast: compare the median before and after, in one session.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../src/config.ts";
import { tokenize } from "../src/text/tokenize.ts";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "20" }, runs: { type: "string", default: "7" } } });
const text = readFileSync(path.join(PROJECT_ROOT, "corpus", "review-child-trafficking-programs.txt"), "utf8");
const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim());
const times: number[] = [];
let tokens = 0;
for (let run = 0; run < Number(values.runs); run++) {
  const started = performance.now();
  tokens = 0;
  for (let round = 0; round < Number(values.rounds); round++) for (const p of paragraphs) tokens += tokenize(p).length;
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
console.log(`tokenize: ${paragraphs.length} paragraphs x ${values.rounds}: median ${times[Math.floor(times.length / 2)].toFixed(1)} ms over ${values.runs} runs (${tokens} tokens)`);
