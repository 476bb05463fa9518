/** The judged pass of the evaluation, against the local OpenAI STAND-IN (no real model can run here). */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, PROJECT_ROOT } from "../../src/config.ts";
import { JUDGE_RUBRIC, runJudge } from "../../src/eval/judge.ts";
import { loadQuestions, userTurns } from "../../src/eval/questions.ts";
import { openSharedIndex, type IndexFixture } from "../helpers/index-fixture.ts";
import { startStandIn, type StandIn } from "../helpers/openai-stand-in.ts";

let fixture: IndexFixture;
let standIn: StandIn;
const dev = loadQuestions(path.join(PROJECT_ROOT, "eval", "dev.jsonl"));

beforeAll(async () => {
  fixture = await openSharedIndex();
  standIn = await startStandIn({ kind: "answer", text: '{"faithful": [1, 0], "relevance": 4}' });
});
afterAll(async () => {
  await standIn.close();
  await fixture.cleanup();
});

describe("judged pass (stand-in model)", () => {
  it("sends every answer with its cited quotes under the fixed rubric and averages the scores", async () => {
    const config = loadConfig({ DATA_DIR: fixture.dataDir, OPENAI_BASE_URL: standIn.baseURL, CHAT_MODEL: "judge-model" });
    const questions = dev.filter((q) => q.answerable && userTurns(q).length === 1).slice(0, 3);
    const result = await runJudge(config, fixture.context, questions, "extractive", () => undefined);
    expect(result).toEqual({ model: "judge-model", faithfulness: 0.5, relevance: 4, judged: 3, errors: 0 });
    const sent = standIn.requests.at(-1)!.body as { messages: { role: string; content: string }[] };
    expect(sent.messages[0].content).toBe(JUDGE_RUBRIC);
    const payload = JSON.parse(sent.messages[1].content) as { question: string; sentences: { sentence: string; passages: string[] }[] };
    expect(payload.question).toBe(userTurns(questions[2]).at(-1));
    expect(payload.sentences.length).toBeGreaterThan(0);
    expect(payload.sentences.every((s) => s.passages.length > 0)).toBe(true);
  });

  it("plays a conversation's earlier turns before judging its last answer", async () => {
    const config = loadConfig({ DATA_DIR: fixture.dataDir, OPENAI_BASE_URL: standIn.baseURL });
    const played = dev.find((q) => q.turns && q.turns.length > 1)!;
    const before = standIn.requests.length;
    await runJudge(config, fixture.context, [played], "extractive", () => undefined);
    expect(standIn.requests.length - before).toBe(1);
    const payload = JSON.parse((standIn.requests.at(-1)!.body as { messages: { content: string }[] }).messages[1].content) as { question: string };
    expect(payload.question).toBe(played.turns!.at(-1));
  });

  it("counts a judge reply that is not the rubric's JSON as an error, not a score", async () => {
    standIn.behaviour = { kind: "answer", text: "I think it is fine." };
    const config = loadConfig({ DATA_DIR: fixture.dataDir, OPENAI_BASE_URL: standIn.baseURL });
    const result = await runJudge(config, fixture.context, dev.slice(0, 2), "extractive", () => undefined);
    expect(result).toMatchObject({ judged: 0, errors: 2 });
  });
});
