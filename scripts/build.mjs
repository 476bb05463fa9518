// npm run build (and the first step of npm start / serve / ingest): compile src/ and scripts/ to dist/ with
// tsc, so that the product runs as plain JavaScript instead of transpiling TypeScript at every start, and copy
// the data files that sit beside the sources (vocabularies, lexicons, heading lists), which tsc does not emit.
// When nothing under src/ or scripts/ changed since the last build, it returns at once (a stat of each file).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const stamp = path.join(root, "dist", ".tsbuildinfo");
const inputs = ["src", "scripts", "tsconfig.json", "tsconfig.build.json", "package.json"].map((p) => path.join(root, p));

function newestChange(file) {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(file).map((name) => newestChange(path.join(file, name))));
}

const force = process.argv.includes("--force");
if (force || !existsSync(stamp) || Math.max(...inputs.map(newestChange)) > statSync(stamp).mtimeMs) {
  const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin", "tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], { stdio: "inherit" });
  if (result.status !== 0) {
    console.error("build: tsc failed (see above); fix the type errors, or run from source with node --import tsx");
    process.exit(result.status ?? 1);
  }
  cpSync(path.join(root, "src"), path.join(root, "dist", "src"), { recursive: true, filter: (source) => !source.endsWith(".ts") });
}
