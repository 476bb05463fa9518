/**
 * The answer path on every fixed question (real index in a temp folder): citations are exact quotes,
 * every quoted sentence is cited, out-of-scope questions abstain and in-scope ones do not; retrieval
 * finds the answering study or section; follow-ups are resolved.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer } from "../../src/answer/answer.ts";
import { FRAME_PHRASES } from "../../src/answer/messages.ts";
import type { AnswerResult } from "../../src/answer/types.ts";
import { isRelevant } from "../../src/eval/metrics.ts";
import { buildIndexFixture, loadQuestions, type IndexFixture } from "../helpers/index-fixture.ts";

let fixture: IndexFixture;
const questions = loadQuestions();
const results = new Map<string, AnswerResult>();

beforeAll(async () => {
  fixture = await buildIndexFixture();
  for (const q of questions) results.set(q.id, await answer(fixture.context, q.messages));
});
afterAll(() => fixture.cleanup());

/** The answer without its frame phrases and list bullets: what must be quotes with markers. */
function quotedSentences(text: string): string[] {
  let body = text;
  for (const frame of FRAME_PHRASES) body = body.split(frame).join("\n");
  return body.split(/\n+/).map((l) => l.replace(/^- /, "").trim()).filter(Boolean);
}

describe("every fixed question", () => {
  it.each(questions.map((q) => [q.id, q] as const))("%s: citations are exact quotes of their passages", async (_id, q) => {
    const result = results.get(q.id)!;
    for (const c of result.citations) {
      const passage = await fixture.context.store.getPassage(c.passageId);
      expect(passage, c.passageId).toBeDefined();
      expect(passage!.text.slice(c.quoteStart, c.quoteEnd)).toBe(c.quote);
      expect(passage!.text.includes(c.quote)).toBe(true);
      expect(c.studies).toEqual(passage!.studies);
      expect(c.reference.length).toBeGreaterThan(20);
    }
  });

  it.each(questions.map((q) => [q.id, q] as const))("%s: every answer sentence carries a valid citation", (_id, q) => {
    const result = results.get(q.id)!;
    const valid = new Set(result.citations.map((c) => c.n));
    for (const line of quotedSentences(result.answer)) {
      // "quote [1] quote [2]": every piece of text is followed by a marker naming a citation whose quote it is.
      const pieces = line.split(/\s*\[(\d+)\]\s*/);
      expect(pieces.at(-1), `uncited text at the end: ${line}`).toBe("");
      for (let i = 0; i + 1 < pieces.length; i += 2) {
        const [quote, n] = [pieces[i], Number(pieces[i + 1])];
        expect(valid.has(n), `[${n}] in: ${line}`).toBe(true);
        expect(result.citations.find((c) => c.n === n)?.quote, `quote [${n}]`).toBe(quote);
      }
    }
  });
});

describe("abstention", () => {
  const outOfScope = questions.filter((q) => q.kind === "outofscope");
  const inScope = questions.filter((q) => q.kind !== "outofscope");

  it("abstains on at least 90% of out-of-scope questions", () => {
    const abstained = outOfScope.filter((q) => results.get(q.id)!.abstained).length;
    expect(abstained / outOfScope.length).toBeGreaterThanOrEqual(0.9);
  });

  it("abstains on at most 5% of in-scope questions", () => {
    const wrong = inScope.filter((q) => results.get(q.id)!.abstained);
    expect(wrong.length / inScope.length, wrong.map((q) => q.id).join(",")).toBeLessThanOrEqual(0.05);
  });

  it("says so in the user's language and points to the nearest passages", () => {
    const thailand = results.get(outOfScope.find((q) => /Thailand/.test(q.messages[0].content))!.id)!;
    expect(thailand.abstained).toBe(true);
    expect(thailand.answer.startsWith("Tinjauan ini tidak membahas hal tersebut.")).toBe(true);
    expect(thailand.citations.length).toBeGreaterThan(0);
    const english = outOfScope.find((q) => q.lang === "en" && results.get(q.id)!.abstained)!;
    expect(results.get(english.id)!.answer.startsWith("The review does not cover this.")).toBe(true);
  });
});

describe("retrieval", () => {
  it("finds the answering study or section in the top 5 for at least 90% of questions, in both languages", () => {
    for (const lang of ["id", "en"] as const) {
      const list = questions.filter((q) => q.kind !== "outofscope" && q.lang === lang);
      const found = list.filter((q) => results.get(q.id)!.retrieved.slice(0, 5).some((p) => isRelevant(p, q.gold)));
      expect(found.length / list.length, `${lang}: ${list.filter((q) => !found.includes(q)).map((q) => q.id)}`).toBeGreaterThanOrEqual(0.9);
    }
  });
});

describe("follow-ups", () => {
  const conversations: [string, { role: "user" | "assistant"; content: string }[], number[], RegExp][] = [
    ["en: and after 12 months?", [
      { role: "user", content: "What did the MLMC evaluation find after 6 months?" },
      { role: "assistant", content: "At 6 months CSE fell to 24% [1]." },
      { role: "user", content: "and after 12 months?" },
    ], [9], /14%/],
    ["id: bagaimana dengan studi nomor 9?", [
      { role: "user", content: "Apa hasil program Arpan?" },
      { role: "assistant", content: "Program Arpan membantu penyembuhan trauma [1]." },
      { role: "user", content: "Bagaimana dengan studi nomor 9?" },
    ], [9], /72%|14%|CSE/],
    ["en: who wrote that one?", [
      { role: "user", content: "Which study looks at UNICEF in Pantai Gading?" },
      { role: "assistant", content: "Study 6, on UNICEF in Pantai Gading [1]." },
      { role: "user", content: "who wrote that one?" },
    ], [6], /Yori Geovani Regina/],
    ["id: siapa penulisnya?", [
      { role: "user", content: "Ceritakan tentang evaluasi program di Rumah Faye" },
      { role: "assistant", content: "Program rehabilitasi sosial di Rumah Faye punya 7 tahapan [1]." },
      { role: "user", content: "Siapa penulisnya dan tahun berapa?" },
    ], [4], /Aprilianzah/],
    ["en: what method did they use?", [
      { role: "user", content: "Tell me about the Cianjur policy study" },
      { role: "assistant", content: "Cianjur issued several policies but coordination was weak [1]." },
      { role: "user", content: "What method did they use?" },
    ], [10], /kualitatif/],
    ["id: terus hasilnya?", [
      { role: "user", content: "Program apa saja yang dijalankan Save the Children?" },
      { role: "assistant", content: "Enable, Exceed, Saving Newborn Live, Child and Family Support, ECCE [1]." },
      { role: "user", content: "Terus hasilnya apa?" },
    ], [5], /signifikan/],
  ];

  it.each(conversations)("%s", async (_name, messages, studies, expected) => {
    const result = await answer(fixture.context, messages);
    expect(result.query.followUp).toBe(true);
    expect(result.query.studies).toEqual(studies);
    expect(result.abstained).toBe(false);
    expect(result.answer).toMatch(expected);
    for (const c of result.citations) expect(c.studies.some((s) => studies.includes(s))).toBe(true);
  });
});
