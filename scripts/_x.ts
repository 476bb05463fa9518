import { loadConfig } from "../src/config.ts";
import { runIngest } from "../src/ingest/ingest.ts";
import { indexStatus } from "../src/server/index-status.ts";
import { createAnswerContext } from "../src/answer/context.ts";
import { answer } from "../src/answer/answer.ts";
const config = loadConfig();
if ((await indexStatus(config)).state !== "current") await runIngest(config);
const ctx = await createAnswerContext(config);
for (const q of process.argv.slice(2)) {
  const r = await answer(ctx, [{ role: "user", content: q }], { mode: "extractive" });
  console.log("Q:", q, "\nA:", r.answer, "\nplan:", JSON.stringify(r.plan), "\nretrieved:", r.retrieved.map((p) => `${p.id.slice(-14)} ${p.section} s${p.studies}`).join(" | "));
}
