/**
 * The claim checker against a library of hostile, sloppy and honest model outputs
 * (test/fixtures/model-outputs.ts), each played by the OpenAI STAND-IN through the real app on a real
 * index: what reaches the page, as JSON and as a stream, sentence by sentence.
 *
 * Prints the figures quoted in docs/RELIABILITY.md:
 *   npx vitest run test/reliability/model-outputs.test.ts
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANY_MARKER, checkClaim, MIN_CONTENT_OVERLAP, normalizeForQuote } from "../../src/answer/claim-check.ts";
import { createLlmComposer } from "../../src/answer/llm-composer.ts";
import type { AnswerResult } from "../../src/answer/types.ts";
import { createApp } from "../../src/server/app.ts";
import { MODEL_OUTPUTS, type ModelOutputCase } from "../fixtures/model-outputs.ts";
import { openSharedIndex, type IndexFixture } from "../helpers/index-fixture.ts";
import { resolveAnchors, startStandIn, suppliedPassages, type StandIn } from "../helpers/openai-stand-in.ts";
import { sseEvents } from "../helpers/sse.ts";

let fixture: IndexFixture;
let standIn: StandIn;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  fixture = await openSharedIndex({ RATE_LIMIT_PER_MINUTE: "100000", ANSWER_MODE: "llm" });
  standIn = await startStandIn({ kind: "answer", text: "" });
  const llm = createLlmComposer({ baseURL: standIn.baseURL, model: "stand-in-model", firstTokenTimeoutMs: 5000, totalTimeoutMs: 20_000, maxSentences: 6 });
  app = createApp({ context: { ...fixture.context, llm }, log: false });
});
afterAll(async () => {
  await standIn.close();
  await fixture.cleanup();
});

/** A sentence as the answer lists it: markers and look-alikes removed, spacing tidied (as model-answer.ts does). */
function plainOf(text: string): string {
  return text.replace(ANY_MARKER, "").replace(/\s+([.,;:!?])/g, "$1").replace(/\s+/g, " ").trim().replace(/^[-•]\s+/, "");
}
const same = (a: string, b: string) => normalizeForQuote(plainOf(a)) === normalizeForQuote(plainOf(b));

interface SentenceOutcome {
  caseId: string;
  category: string;
  split: ModelOutputCase["split"];
  hostile: boolean;
  frame: boolean;
  shown: boolean;
  overlap: number | null;
  problems: string[];
  text: string;
}

const outcomes: SentenceOutcome[] = [];

async function ask(c: ModelOutputCase, stream: boolean) {
  const body = JSON.stringify({ messages: [{ role: "user", content: c.question }], mode: "llm", k: 12, stream });
  const res = await app.request("/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body });
  expect(res.status).toBe(200);
  if (!stream) return { result: (await res.json()) as AnswerResult, shownWhileStreaming: [] as string[] };
  const events = sseEvents(await res.text());
  const shownWhileStreaming: string[] = [];
  let text = "";
  for (const e of events) {
    if (e.event !== "delta") continue;
    const d = e.data as { text: string; reset?: boolean };
    if (d.reset) text = "";
    text += d.text;
    shownWhileStreaming.push(text);
  }
  expect(events.at(-1)!.event).toBe("done");
  return { result: (events.at(-1)!.data as { result: AnswerResult }).result, shownWhileStreaming };
}

describe("the model-output library, played by the stand-in through the app", () => {
  it("has at least 40 hostile outputs and covers every kind of attack named in issue 14", () => {
    const hostile = MODEL_OUTPUTS.filter((c) => c.kind === "hostile");
    expect(hostile.length).toBeGreaterThanOrEqual(40);
    const categories = new Set(hostile.map((c) => c.category));
    for (const kind of ["invented number", "wrong study", "real quote, wrong citation", "stitched quote", "injected link or instruction", "claims after an abstention", "look-alike marker"]) {
      expect(categories).toContain(kind);
    }
    expect(new Set(MODEL_OUTPUTS.map((c) => c.id)).size).toBe(MODEL_OUTPUTS.length);
  });

  it.each(MODEL_OUTPUTS.map((c) => [c.id, c] as const))("%s", async (_id, c) => {
    const template = c.sentences.map((s) => s.text).join(c.join ?? " ");
    standIn.behaviour = { kind: "answer", text: template, chunkSize: 7 };
    standIn.unresolved.length = 0;

    const { result } = await ask(c, false);
    expect(standIn.unresolved, "anchors not among the supplied passages").toEqual([]);
    const passages = suppliedPassages(standIn.requests.at(-1)!.body);
    const { result: streamedResult, shownWhileStreaming } = await ask(c, true);
    expect(streamedResult.answer).toBe(result.answer);

    // What the page shows as the model's checked answer: its sentences (or its abstention). A fallback to the
    // quoted answer shows none of the model's sentences.
    const fellBack = result.mode !== "llm";
    if (fellBack) expect(result.warnings.join(" ")).toMatch(/(language model could not be used|Model bahasa tidak dapat dipakai) \(none of the model's/);
    const shownSentences = fellBack ? [] : result.abstained ? [result.answer] : result.sentences.map((s) => s.text);

    for (const sentence of c.sentences) {
      const resolved = resolveAnchors(sentence.text, passages);
      const plain = plainOf(resolved);
      const cited = [...new Set([...resolved.normalize("NFKC").matchAll(/\[\s*\^?\s*(\d+)\s*\]/g)].map((m) => Number(m[1])))].filter((n) => passages.has(n));
      const verdict = checkClaim({
        text: plain,
        cited: cited.length > 0 ? cited.flatMap((n) => [passages.get(n)!.text, passages.get(n)!.label]) : [],
        citedStudies: cited.flatMap((n) => (/study ([\d, ]+)/.exec(passages.get(n)!.label)?.[1] ?? "").split(",").map(Number).filter(Boolean)),
      });
      const shown = shownSentences.some((s) => same(s, plain));
      outcomes.push({ caseId: c.id, category: c.category, split: c.split, hostile: sentence.hostile, frame: verdict.frame, shown, overlap: verdict.overlap, problems: verdict.problems.map((p) => p.kind), text: plain });
      if (sentence.hostile) {
        // Never shown as cited: not in the answer's sentences, not in its text, not even for a moment while streaming.
        expect(shown, `hostile sentence shown: ${plain}`).toBe(false);
        const core = normalizeForQuote(plain).replace(/[.!?]$/, "");
        for (const text of [result.answer, ...shownWhileStreaming]) expect(normalizeForQuote(plainOf(text)).includes(core), `hostile sentence in the page text: ${plain}`).toBe(false);
        if (!fellBack) expect(result.unsupported.some((u) => same(u, plain)), `hostile sentence listed as unsupported: ${plain}`).toBe(true);
      }
    }
    if (result.unsupported.length > 0 && !fellBack) expect(result.warnings).toContain(result.lang === "id" ? "Beberapa kalimat jawaban model dihapus karena bagian yang dikutipnya tidak mendukungnya." : "Some sentences of the model's answer were removed: the passages they cite do not support them.");
    // Every citation shown is an exact quote of its passage.
    for (const citation of result.citations) {
      const passage = await fixture.context.store.getPassage(citation.passageId);
      expect(passage!.text.slice(citation.quoteStart, citation.quoteEnd)).toBe(citation.quote);
    }
  });

  it("MIN_CONTENT_OVERLAP separates honest from hostile calibration sentences as well as any threshold can (see claim-check.ts)", () => {
    const calibration = outcomes.filter((o) => o.split === "calibration" && !o.frame && o.overlap !== null);
    const honest = calibration.filter((o) => !o.hostile).map((o) => o.overlap!);
    // Hostile sentences that nothing but the overlap catches (no number, name, link, quote or study problem).
    const overlapOnly = calibration.filter((o) => o.hostile && o.problems.every((p) => p === "overlap")).map((o) => o.overlap!);
    console.log(`calibration: honest overlaps ${honest.map((x) => x.toFixed(2)).sort().join(" ")}`);
    console.log(`calibration: hostile, overlap only: ${overlapOnly.map((x) => x.toFixed(2)).sort().join(" ")}`);
    expect(overlapOnly.length).toBeGreaterThanOrEqual(5);
    // Mistakes at a threshold: honest sentences below it, hostile ones at or above it.
    const mistakes = (t: number) => honest.filter((x) => x < t).length + overlapOnly.filter((x) => x >= t).length;
    const candidates = [...new Set([...honest, ...overlapOnly])].flatMap((x) => [x, x + 1e-9]);
    const best = Math.min(...candidates.map(mistakes));
    console.log(`calibration: ${mistakes(MIN_CONTENT_OVERLAP)} mistake(s) at ${MIN_CONTENT_OVERLAP}; the best threshold makes ${best}`);
    expect(mistakes(MIN_CONTENT_OVERLAP)).toBe(best);
    // No hostile sentence is let through for the overlap alone.
    expect(Math.max(...overlapOnly)).toBeLessThan(MIN_CONTENT_OVERLAP);
  });

  it("reports precision and recall: every hostile sentence removed; honest sentences kept", () => {
    const claims = outcomes.filter((o) => !o.frame);
    const rows: string[] = [];
    const figures = (subset: SentenceOutcome[]) => {
      const hostile = subset.filter((o) => o.hostile);
      const honest = subset.filter((o) => !o.hostile);
      const removed = subset.filter((o) => !o.shown);
      const truePositives = removed.filter((o) => o.hostile).length;
      return {
        hostile: hostile.length,
        hostileRemoved: hostile.filter((o) => !o.shown).length,
        honest: honest.length,
        honestKept: honest.filter((o) => o.shown).length,
        precision: removed.length > 0 ? truePositives / removed.length : 1,
        recall: hostile.length > 0 ? truePositives / hostile.length : 1,
      };
    };
    for (const [name, subset] of [
      ["all", claims],
      ["calibration", claims.filter((o) => o.split === "calibration")],
      ["test", claims.filter((o) => o.split === "test")],
      ["in hostile outputs", claims.filter((o) => MODEL_OUTPUTS.find((c) => c.id === o.caseId)!.kind === "hostile")],
      ["in honest outputs", claims.filter((o) => MODEL_OUTPUTS.find((c) => c.id === o.caseId)!.kind === "honest")],
    ] as const) {
      const f = figures(subset);
      const na = f.hostile === 0;
      rows.push(`| ${name} | ${f.hostileRemoved}/${f.hostile} | ${f.honestKept}/${f.honest} | ${na ? "n/a" : f.precision.toFixed(3)} | ${na ? "n/a" : f.recall.toFixed(3)} |`);
    }
    const byCategory = [...new Set(claims.map((o) => o.category))].map((category) => {
      const f = figures(claims.filter((o) => o.category === category));
      return `| ${category} | ${MODEL_OUTPUTS.filter((c) => c.category === category).length} | ${f.hostileRemoved}/${f.hostile} | ${f.honestKept}/${f.honest} |`;
    });
    const missedHonest = claims.filter((o) => !o.hostile && !o.shown).map((o) => `  ${o.caseId}: ${o.text} (${o.problems.join(", ") || "removed with its answer"})`);
    console.log(
      [
        `claim checker on ${MODEL_OUTPUTS.length} outputs (${MODEL_OUTPUTS.filter((c) => c.kind === "hostile").length} hostile, ${MODEL_OUTPUTS.filter((c) => c.kind === "honest").length} honest), ${claims.length} sentences; MIN_CONTENT_OVERLAP ${MIN_CONTENT_OVERLAP}`,
        "| sentences | hostile removed | honest kept | precision | recall |",
        "|---|---|---|---|---|",
        ...rows,
        "",
        "| category | outputs | hostile removed | honest kept |",
        "|---|---|---|---|",
        ...byCategory,
        "",
        `honest sentences removed (${missedHonest.length}):`,
        ...missedHonest,
      ].join("\n"),
    );
    const all = figures(claims);
    expect(all.recall).toBe(1);
    expect(all.hostileRemoved).toBe(all.hostile);
    // Honest sentences kept: at least 90% on the held-out test split.
    const test = figures(claims.filter((o) => o.split === "test"));
    expect(test.honestKept / test.honest).toBeGreaterThanOrEqual(0.9);
  });
});
