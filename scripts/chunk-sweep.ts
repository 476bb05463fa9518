/**
 * npm run sweep:chunks [-- 300 500 700 1000 1500]: how the prose passage size changes retrieval and
 * answers. Each size gets its own index in a temp folder and a full evaluation; prints a Markdown table.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config.ts";
import { DEFAULT_EVAL_OPTIONS, runEval } from "../src/eval/run-eval.ts";

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const rows: string[] = [];
for (const size of sizes.length > 0 ? sizes : [300, 500, 700, 1000, 1500]) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "sweep-"));
  const config = loadConfig({ ...process.env, DATA_DIR: dir, CHUNK_MAX_CHARS: String(size) });
  const report = await runEval(config, {
    ...DEFAULT_EVAL_OPTIONS,
    mode: "extractive",
    judge: false,
    outDir: path.join(dir, "out"),
    markdownFile: "",
    command: "npm run sweep:chunks",
    log: () => undefined,
  });
  const p = report.product.overall;
  const f = (v: number) => v.toFixed(3);
  rows.push(`| ${size} | ${f(p.retrieval.recallAt1)} | ${f(p.retrieval.recallAt5)} | ${f(p.retrieval.mrr)} | ${f(p.answers.mustInclude)} | ${f(p.answers.citationSupport)} | ${f(p.abstention.falseAbstainRate)} |`);
  await rm(dir, { recursive: true, force: true });
}
console.log(["| max chars | recall@1 | recall@5 | MRR | must-include | citation support | false abstentions |", "|---|---|---|---|---|---|---|", ...rows].join("\n"));
