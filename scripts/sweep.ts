/**
 * npm run sweep -- <ENV_VAR> <value,value,...>: the evaluation at several values of one setting, each
 * with its own index in a temp folder; prints a Markdown table. `npm run sweep:chunks` is the passage-size
 * sweep (CHUNK_MAX_CHARS); ABSTAIN_MIN_COVERAGE and ABSTAIN_UNKNOWN_SHARE calibrate abstention.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config.ts";
import { DEFAULT_EVAL_OPTIONS, runEval } from "../src/eval/run-eval.ts";

const [name, list] = process.argv.slice(2);
if (!name || !list) {
  console.error("usage: npm run sweep -- <ENV_VAR> <value,value,...>");
  process.exit(1);
}
const rows: string[] = [];
for (const value of list.split(",")) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "sweep-"));
  const config = loadConfig({ ...process.env, DATA_DIR: dir, [name]: value });
  const report = await runEval(config, {
    ...DEFAULT_EVAL_OPTIONS,
    mode: "extractive",
    judge: false,
    outDir: path.join(dir, "out"),
    markdownFile: "",
    command: `npm run sweep -- ${name} ${list}`,
    log: () => undefined,
  });
  const p = report.product.overall;
  const f = (v: number) => v.toFixed(3);
  rows.push(`| ${value} | ${f(p.retrieval.recallAt1)} | ${f(p.retrieval.recallAt5)} | ${f(p.retrieval.mrr)} | ${f(p.answers.mustInclude)} | ${f(p.answers.citationSupport)} | ${f(p.abstention.recall)} | ${f(p.abstention.falseAbstainRate)} |`);
  await rm(dir, { recursive: true, force: true });
}
console.log([`| ${name} | recall@1 | recall@5 | MRR | must-include | citation support | abstention recall | false abstentions |`, "|---|---|---|---|---|---|---|---|", ...rows].join("\n"));
