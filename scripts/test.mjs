// npm test: the build; then the type check beside one ingest of corpus/ into a temp folder (the shared index);
// then the unit, integration and browser tests (vitest) and the evaluation thresholds (the compiled
// `eval --check`) side by side, both reading that one index instead of each building its own. vitest keeps
// about one core busy, and the evaluation's fifteen seconds fit beside it on a second. The evaluation's
// output is held and printed after vitest's, so the two never interleave. Exits non-zero when any step fails.
// `npm test -- src/answer` passes its arguments to vitest (the evaluation still runs).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const children = new Set();

function step(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function run(command, args, { quiet = false, env = {} } = {}) {
  const child = spawn(command, args, { cwd: root, stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit", env: { ...process.env, ...env } });
  children.add(child);
  let output = "";
  if (quiet) {
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
  }
  return new Promise((resolve) =>
    child.on("close", (code, signal) => {
      children.delete(child);
      resolve({ code: code ?? (signal ? 1 : 0), output });
    }),
  );
}

// The shared index (without this script, the first vitest test that needs it builds it: test/helpers/index-fixture.ts).
const sharedIndex = mkdtempSync(path.join(os.tmpdir(), "shared-index-"));
const removeSharedIndex = () => rmSync(sharedIndex, { recursive: true, force: true });
process.on("exit", removeSharedIndex);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
    process.exit(130);
  });
}

/** Exits with the first failed result's code, after printing the output it held. */
function exitOnFailure(...results) {
  const failed = results.find((r) => r.code !== 0);
  if (!failed) return;
  if (failed.output) console.error(failed.output);
  process.exit(failed.code);
}

step(process.execPath, [path.join(root, "scripts", "build.mjs")]);
// tsc and the ingest each keep one core busy for a few seconds.
exitOnFailure(
  ...(await Promise.all([
    run(bin("tsc"), ["-p", "."]),
    run(process.execPath, [path.join(root, "dist", "scripts", "ingest.js")], { quiet: true, env: { DATA_DIR: sharedIndex } }),
  ])),
);
const evaluation = run(process.execPath, [path.join(root, "dist", "scripts", "eval.js"), "--check", "--out", path.join(root, "data", "eval")], {
  quiet: true,
  env: { DATA_DIR: sharedIndex },
});
// One vitest worker per core (vitest's default leaves one core to its main process, which here mostly waits):
// on two cores this takes the suite from 156 s to 127 s. Arguments after `npm test --` go to vitest.
const workers = `--maxWorkers=${os.availableParallelism()}`;
const tests = await run(bin("vitest"), ["run", "--project", "main", workers, ...process.argv.slice(2)], {
  env: { TEST_SHARED_INDEX: sharedIndex },
});
const checked = await evaluation;
console.log("\n== evaluation thresholds (eval --check)\n" + checked.output.split("\n").filter((line) => !/^eval \S+: \d+\/\d+ questions$/.test(line)).join("\n"));
process.exit(tests.code !== 0 ? tests.code : checked.code);
