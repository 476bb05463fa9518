/**
 * npm run bench [-- --sizes 100,1000 --http-seconds 5 --rounds 5]: speed and scale benchmarks.
 * Writes bench/results.json and docs/BENCHMARKS.md (targets met or missed); exits 0 either way.
 * `-- --storage-only` measures only the local folder vs the object store and prints the table.
 */
import { parseArgs } from "node:util";
import { describeFailure } from "../src/domain/errors.ts";
import { runBench } from "../src/bench/run-bench.ts";
import { storageTable, targets } from "../src/bench/report.ts";
import { storageBench } from "../src/bench/storage-bench.ts";

try {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "100,1000" },
      "http-seconds": { type: "string", default: "5" },
      rounds: { type: "string", default: "5" },
      "storage-only": { type: "boolean", default: false },
    },
  });
  if (values["storage-only"]) {
    const rows = await storageBench({ rounds: Number(values.rounds), httpSeconds: Number(values["http-seconds"]), log: (line) => console.error(line) });
    console.log(storageTable(rows).join("\n"));
    process.exit(0);
  }
  const results = await runBench(
    {
      sizes: values.sizes.split(",").map(Number).filter((n) => n > 0),
      httpSeconds: Number(values["http-seconds"]),
      rounds: Number(values.rounds),
      log: (line) => console.error(line),
    },
    `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
  );
  for (const t of targets(results)) console.log(`${t.met ? "met   " : "MISSED"} ${t.target}: ${t.value}`);
  console.log(`bench: ${results.totalSeconds} s; docs/BENCHMARKS.md and bench/results.json written`);
} catch (error) {
  console.error(`bench failed: ${describeFailure(error)}`);
  process.exitCode = 1;
}
