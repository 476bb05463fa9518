/**
 * npm run generate:corpus -- <folder> <documents> [seed]: write a deterministic synthetic corpus shaped
 * like the review (for scale tests; see src/bench/synthetic-corpus.ts) and its planted facts (facts.json).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateCorpus } from "../src/bench/synthetic-corpus.ts";
import { PROJECT_ROOT } from "../src/config.ts";

const [dir, count = "100", seed = "42"] = process.argv.slice(2);
if (!dir) {
  console.error("usage: npm run generate:corpus -- <folder> <documents> [seed]");
  process.exit(1);
}
const corpus = await generateCorpus({
  dir,
  documents: Number(count),
  seed: Number(seed),
  sourceText: readFileSync(path.join(PROJECT_ROOT, "corpus", "review-child-trafficking-programs.txt"), "utf8").replace(/\s+/g, " "),
});
writeFileSync(path.join(dir, "facts.json"), JSON.stringify(corpus.facts, null, 2));
console.log(`${corpus.documents} documents (${(corpus.bytes / 1e6).toFixed(1)} MB) and ${corpus.facts.length} planted facts in ${dir}`);
