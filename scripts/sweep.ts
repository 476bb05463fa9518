/**
 * npm run sweep -- <ENV_VAR> <value,value,...>: the evaluation at several values of one setting, each
 * with its own index in a temp folder; prints a Markdown table. `npm run sweep:chunks` is the passage-size
 * sweep (CHUNK_MAX_CHARS); ABSTAIN_MIN_COVERAGE and ABSTAIN_UNKNOWN_SHARE calibrate abstention.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig, PROJECT_ROOT } from "../src/config.ts";
import { DEFAULT_SPLITS, runEval } from "../src/eval/run-eval.ts";
import { formatValue, METRICS } from "../src/eval/report.ts";

// Sweeps tune on the dev split only: the held-out split never picks a setting.
const DEV = DEFAULT_SPLITS.filter((s) => s.name === "dev");
const SHOWN = ["retrieval.recallAt5", "retrieval.mrr", "answers.mustInclude", "answers.padding", "lists.itemRecall", "abstention.recall", "abstention.falseAbstainRate"];
const metrics = METRICS.filter((m) => SHOWN.includes(m.path));

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
    mode: "extractive",
    splits: DEV,
    thresholdsFile: path.join(PROJECT_ROOT, "eval", "thresholds.json"),
    outDir: path.join(dir, "out"),
    markdownFile: "",
    command: `npm run sweep -- ${name} ${list}`,
    log: () => undefined,
  });
  const overall = report.splits[0].product.overall;
  rows.push(`| ${value} | ${metrics.map((m) => formatValue(m.get(overall), m.format)).join(" | ")} |`);
  await rm(dir, { recursive: true, force: true });
}
console.log([`| ${name} (dev) | ${metrics.map((m) => m.label).join(" | ")} |`, `|---|${metrics.map(() => "---|").join("")}`, ...rows].join("\n"));
