// npm test: the type check and the build, then the unit, integration and browser tests (vitest) and the
// evaluation thresholds (the compiled `eval --check`) side by side. They share nothing but the CPU: vitest
// keeps about one core busy, and the evaluation's twenty seconds fit beside it on a second. The evaluation's
// output is held and printed after vitest's, so the two never interleave. Exits non-zero when either fails.
// `npm test -- src/answer` passes its arguments to vitest (the evaluation still runs).
import { spawn, spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const children = new Set();

function step(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function run(command, args, { quiet = false } = {}) {
  const child = spawn(command, args, { cwd: root, stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit" });
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

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
    process.exit(130);
  });
}

step(bin("tsc"), ["-p", "."]);
step(process.execPath, [path.join(root, "scripts", "build.mjs")]);
const evaluation = run(process.execPath, [path.join(root, "dist", "scripts", "eval.js"), "--check"], { quiet: true });
// One vitest worker per core (vitest's default leaves one core to its main process, which here mostly waits):
// on two cores this takes the suite from 156 s to 127 s. Arguments after `npm test --` go to vitest.
const workers = `--maxWorkers=${os.availableParallelism()}`;
const tests = await run(bin("vitest"), ["run", "--project", "unit", "--project", "integration", "--project", "e2e", workers, ...process.argv.slice(2)]);
const checked = await evaluation;
console.log("\n== evaluation thresholds (eval --check)\n" + checked.output.split("\n").filter((line) => !/^eval \S+: \d+\/\d+ questions$/.test(line)).join("\n"));
process.exit(tests.code !== 0 ? tests.code : checked.code);
