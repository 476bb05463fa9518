/**
 * node --import tsx scripts/bench-tables.ts [--base <commit>] [--runs 5] [--warmup 0] [--no-cross-table]
 * Times parseTables on the shipped review: the parser as it was before the speed work (src/ at --base,
 * taken from git history into a temporary folder) against the working tree's, alternately, and prints the
 * median of each, the ratio, and whether both gave the same tables: in wall-clock time, and in the process's
 * CPU time (less disturbed by other work on the machine; it includes the garbage collector's and compiler's
 * threads). The first run of each pays for loading word lists and compiling; it is printed apart and counts
 * in the median like the others, unless --warmup N first parses N times with each, untimed (the compiler's
 * warm-up then stays out of the medians; the cold run is not printed). (No forced garbage collection between
 * runs: a run right after V8's gc() was measured about twice as slow, as if starting cold again.)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../src/config.ts";
import { textLines } from "../src/eval/table-f1.ts";
import { parseTables, type ParseOptions } from "../src/ingest/table-parse.ts";
import type { ParsedTable, TableLine } from "../src/ingest/table-types.ts";

/** src/ as a tar archive is a few megabytes; the default 1 MB buffer of execFileSync is too small. */
const ARCHIVE_MAX_BYTES = 256 * 1024 * 1024;
/** The last commit of the parser before it was made faster. */
const BASELINE = "20bca690611cc2e7cb47b6dd35893cfb37187122";

type Parse = (lines: readonly TableLine[], options?: ParseOptions) => ParsedTable[];

const { values } = parseArgs({
  options: {
    base: { type: "string", default: BASELINE },
    runs: { type: "string", default: "5" },
    warmup: { type: "string", default: "0" },
    "no-cross-table": { type: "boolean", default: false },
  },
});
const runs = Number(values.runs);
const options: ParseOptions = { crossTable: !values["no-cross-table"] };

/** src/ at `commit` in a temporary folder (node_modules linked, so its packages resolve), and its parseTables. */
async function parserAt(commit: string): Promise<{ parse: Parse; dir: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-tables-"));
  const archive = execFileSync("git", ["-C", PROJECT_ROOT, "archive", commit, "src"], { maxBuffer: ARCHIVE_MAX_BYTES });
  execFileSync("tar", ["-x", "-C", dir], { input: archive });
  symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  const module = (await import(pathToFileURL(path.join(dir, "src", "ingest", "table-parse.ts")).href)) as { parseTables: Parse };
  return { parse: module.parseTables, dir };
}

function time(parse: Parse, lines: readonly TableLine[]): { ms: number; cpu: number; tables: ParsedTable[] } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const tables = parse(lines, options);
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpu: (used.user + used.system) / 1000, tables };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const lines = textLines(path.join(PROJECT_ROOT, "corpus", "review-child-trafficking-programs.txt"));
const old = await parserAt(values.base);
try {
  const times = { old: [] as number[], new: [] as number[], oldCpu: [] as number[], newCpu: [] as number[] };
  let same = true;
  for (let run = 0; run < Number(values.warmup); run++) {
    time(old.parse, lines);
    time(parseTables, lines);
  }
  for (let run = 0; run < runs; run++) {
    const a = time(old.parse, lines);
    const b = time(parseTables, lines);
    times.old.push(a.ms);
    times.new.push(b.ms);
    times.oldCpu.push(a.cpu);
    times.newCpu.push(b.cpu);
    same &&= JSON.stringify(a.tables) === JSON.stringify(b.tables);
  }
  const show = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");
  console.log(`old (${values.base.slice(0, 10)}): median ${median(times.old).toFixed(0)} ms  [${show(times.old)}]`);
  console.log(`new (working tree): median ${median(times.new).toFixed(0)} ms  [${show(times.new)}]`);
  if (values.warmup === "0") console.log(`first run: old ${times.old[0].toFixed(0)} ms, new ${times.new[0].toFixed(0)} ms`);
  else console.log(`after ${values.warmup} untimed warm-up parse(s) with each`);
  console.log(`ratio old/new: ${(median(times.old) / median(times.new)).toFixed(1)}x`);
  console.log(`cpu time: old median ${median(times.oldCpu).toFixed(0)} ms [${show(times.oldCpu)}], new median ${median(times.newCpu).toFixed(0)} ms [${show(times.newCpu)}], ratio ${(median(times.oldCpu) / median(times.newCpu)).toFixed(1)}x`);
  console.log(`load average: ${os.loadavg().map((x) => x.toFixed(1)).join(" ")} (${os.availableParallelism()} cores)`);
  console.log(`same tables: ${same ? "yes" : "NO"}`);
  if (!same) process.exitCode = 1;
} finally {
  rmSync(old.dir, { recursive: true, force: true });
}
