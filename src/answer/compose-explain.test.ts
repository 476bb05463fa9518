/** Which quotes an explanation keeps (SELECTION), on hand-made scored sentences. */
import { describe, expect, it } from "vitest";
import type { Passage } from "../domain/passage.ts";
import { carriesAsked, continuesBack, documentOf, isDisclaimer, mergeOverlaps, recommendationFirst, saysMoreThan, SELECTION, selectQuotes, valueFirst, withContinuation } from "./compose-explain.ts";
import { analyzeQuestion, type Question } from "../retrieve/question.ts";
import { scoreSentences, sentencesOf, weighQuestion, type ScoredSentence, type WeightedTerm } from "./evidence.ts";
import { analyze } from "../text/analyze.ts";
import { rowNamesAskedColumn } from "./compose-row.ts";

const passage: Passage = { id: "p", docId: "d", text: "", section: "discussion", heading: "", page: null, studies: [], lang: "id", kind: "prose", start: 0, end: 0, cells: [], context: "" };

function sentence(text: string, score: number, coverage: number): ScoredSentence {
  return { passage, rank: 0, start: 0, end: text.length, text, terms: new Set(text.toLowerCase().split(/\s+/)), cues: new Set(), hasNumber: false, caption: false, pointer: false, row: false, score, coverage };
}

describe("selectQuotes", () => {
  it("keeps the best quote, and a further one only if it scores at least minRelativeScore of the best", () => {
    const best = sentence("koordinasi gugus tugas lemah", 1, 1);
    const near = sentence("kebijakan kabupaten belum berjalan", SELECTION.minRelativeScore + 0.05, 0.9);
    const far = sentence("anak mendapat bimbingan mental", SELECTION.minRelativeScore - 0.05, 0.9);
    expect(selectQuotes([best, near, far], 5).map((s) => s.text)).toEqual([best.text, near.text]);
  });

  it("drops a further quote that covers less than minRelativeCoverage of what the best covers", () => {
    const best = sentence("koordinasi gugus tugas lemah", 1, 1);
    const thin = sentence("kebijakan kabupaten belum berjalan", 0.95, SELECTION.minRelativeCoverage - 0.1);
    expect(selectQuotes([best, thin], 5)).toHaveLength(1);
  });

  it("drops a quote that says the same as one already chosen (maxOverlap of shared words)", () => {
    const best = sentence("koordinasi gugus tugas lemah di cianjur", 1, 1);
    const same = sentence("koordinasi gugus tugas lemah di kabupaten", 0.9, 0.9);
    const other = sentence("anggaran program tidak cukup", 0.9, 0.9);
    expect(selectQuotes([best, same, other], 5).map((s) => s.text)).toEqual([best.text, other.text]);
  });

  it("drops a further quote that carries nothing asked: only a word that frames the question or names the study", () => {
    const term = (t: string, weight = 1): WeightedTerm => ({ term: t, alternatives: [t], weight, unknown: false, salient: false });
    // "How many participants did study 9 (MLMC) have?": "studi" frames it, "mlmc" names the study.
    const weights = [term("peserta"), term("studi"), term("mlmc", 0.25)];
    const input = { framing: new Set(["studi"]), identity: new Set(["mlmc"]) };
    const best = sentence("mlmc melayani 300 gadis remaja", 1, 0);
    const label = sentence("desain studi", 0.9, 0.4);
    const participants = sentence("peserta mlmc berjumlah 300", 0.9, 0.6);
    const carries = carriesAsked(weights, input, { types: [], cues: new Set(), number: false });
    expect(selectQuotes([best, label, participants], 5, carries).map((s) => s.text)).toEqual([best.text, participants.text]);
    // Asked how many, a sentence with a number carries it; with no content word, cue or type, nothing is asked of it.
    const counted = { ...sentence("terakhir 32 artikel ditelaah", 0.9, 0.4), hasNumber: true };
    expect(carriesAsked([term("studi")], input, { types: [], cues: new Set(), number: true })(counted)).toBe(true);
    expect(carriesAsked([term("studi")], input, { types: [], cues: new Set(), number: false })(label)).toBe(true);
  });

  it("stops at the number of quotes asked for, and gives none for no sentence", () => {
    const list = ["satu dua", "tiga empat", "lima enam"].map((t) => sentence(t, 1, 1));
    expect(selectQuotes(list, 2)).toHaveLength(2);
    expect(selectQuotes([], 3)).toEqual([]);
  });
});

describe("table rows as further quotes", () => {
  // Two rows of one hyperparameter table: the same caption and column names, different symbols and values.
  const row = (text: string, definition: string): ScoredSentence => {
    const label = text.split(" (")[0];
    const p: Passage = {
      ...passage,
      id: label,
      text,
      kind: "table-row",
      lang: "en",
      cells: [{ column: "Name", field: null, start: 0, end: text.lastIndexOf(" ") }, { column: "Value", field: null, start: text.lastIndexOf(" ") + 1, end: text.length }],
      context: `Table 4: The hyperparameters used in PPO training.\nName | Value\n${label}: ${definition}`,
    };
    return { ...sentence(`${text} table hyperparameters used ppo training name value`, 0.9, 0.9), passage: p, text, row: true };
  };
  const definitionSentence = sentence("here γ0 is the in-session discount factor and γ1 is the across-session discount factor", 1, 1);
  const weights: WeightedTerm[] = ["discount", "factor", "session"].map((t) => ({ term: t, alternatives: [t], weight: 1, unknown: false, salient: false }));

  it("quotes two rows of one table: what they share is their table, not what they say", () => {
    const g0 = row("γ0 (Equation 3) 1.0", "in-session discount factor");
    const g1 = row("γ1 (Equation 3) 0.1", "across-session discount factor");
    expect(selectQuotes([definitionSentence, g1, g0], 5).map((s) => s.text)).toEqual([definitionSentence.text, g1.text, g0.text]);
  });

  it("takes a row as carrying what was asked when the question asks for what its symbol is defined as", () => {
    expect(rowNamesAskedColumn(row("γ1 (Equation 3) 0.1", "across-session discount factor"), weights)).toBe(true);
    expect(rowNamesAskedColumn(row("ϵ (Equation 7) 0.2", "clipping range"), weights)).toBe(false);
  });
});

describe("mergeOverlaps", () => {
  const text = "Ada beberapa faktor pendukung. Kerja sama dengan pemerintah penting. Hak anak meningkat. Lain hal.";
  const p: Passage = { ...passage, id: "p6", text, end: text.length };
  const span = (from: string, to: string): ScoredSentence => {
    const start = text.indexOf(from);
    const end = text.indexOf(to) + to.length;
    return { ...sentence(text.slice(start, end), 1, 1), passage: p, start, end };
  };

  it("makes one quote of two that overlap, in the place of the first, and leaves the others alone", () => {
    const second = span("Kerja sama", "meningkat.");
    const first = span("Ada beberapa", "penting.");
    const other: ScoredSentence = { ...sentence("kalimat lain", 1, 1), passage: { ...p, id: "other" } };
    const merged = mergeOverlaps([second, other, first]);
    expect(merged.map((q) => q.text)).toEqual(["Ada beberapa faktor pendukung. Kerja sama dengan pemerintah penting. Hak anak meningkat.", "kalimat lain"]);
    expect(merged[0].start).toBe(0);
  });

  it("keeps quotes of one passage apart when they do not overlap", () => {
    expect(mergeOverlaps([span("Ada", "pendukung."), span("Hak", "meningkat.")])).toHaveLength(2);
  });
});

describe("valueFirst", () => {
  const studyPassage: Passage = { ...passage, studies: [8] };
  const own = (text: string, coverage: number): ScoredSentence => ({ ...sentence(text, coverage, coverage), passage: studyPassage });

  it("puts first the on-topic sentence that gives the kind of value asked for (a sample size)", () => {
    const wordy = own("semua peserta menggambarkan faktor kerentanan", 1);
    const valued = own("data dari wawancara dengan sembilan penyintas dewasa", 0.1);
    expect(valueFirst([wordy, valued], ["sample"], true, { onTopic: 0.7 })[0]).toBe(valued);
  });

  it("takes a share in a study's sentence as a share of the study's own population, said or not", () => {
    // "berapa persen remaja ...?": study 8's sentence gives 24% and does not repeat that its people are adolescents.
    const wordy = own("remaja cenderung tidak mengalami CSE", 1);
    const share = own("pada 6 bulan presentase menurun jadi 24%", 0.5);
    const counted = new Set(["remaja"]);
    expect(valueFirst([wordy, share], ["prevalence"], false, { onTopic: 0.4 }, counted)[0]).toBe(wordy);
    const adolescents = () => new Set(["remaja"]);
    expect(valueFirst([wordy, share], ["prevalence"], false, { onTopic: 0.4 }, counted, adolescents)[0]).toBe(share);
  });

  it("leaves the order alone when the first already gives one, when nothing does, or for any number at all", () => {
    const valued = own("wawancara dengan 14 peserta", 1);
    const other = own("peserta lain", 0.9);
    expect(valueFirst([valued, other], ["sample"], true, { onTopic: 0.7 })[0]).toBe(valued);
    const a = own("semua peserta bercerita", 1);
    expect(valueFirst([a, other], ["sample"], true, { onTopic: 0.7 })[0]).toBe(a);
    const numbered = own("ada empat elemen kerja sama", 0.1);
    expect(valueFirst([a, numbered], ["amount"], true, { onTopic: 0.7 })[0]).toBe(a);
  });

  it("for a count, puts first a number beside what is counted, or a data row, over a sentence with some other number", () => {
    // "How many papers were collected from ICLR 2023?": the footnote marker "1" counts nothing.
    const prose = sentence("relevant papers from the related work sections of papers published at ICLR 2023 1, ICML 2023 2", 1, 1);
    const row = { ...sentence("ICLR 2023 888 5204 2.46", 0.99, 1), row: true };
    expect(valueFirst([prose, row], ["amount"], false, { onTopic: 0.7 }, new Set(["paper"]))[0]).toBe(row);
    const counted = sentence("we collected 888 papers from ICLR 2023", 0.98, 1);
    expect(valueFirst([prose, counted], ["amount"], false, { onTopic: 0.7 }, new Set(["paper"]))[0]).toBe(counted);
    // without what is counted, any number is as good as another
    expect(valueFirst([prose, row], ["amount"], false, { onTopic: 0.7 })[0]).toBe(prose);
  });

  it("outside a named study, takes the value only from a sentence close to the best coverage", () => {
    const best = sentence("semua peserta bercerita", 1, 1);
    const offTopic = sentence("survei dengan 300 responden", 0.2, 0.2);
    expect(valueFirst([best, offTopic], ["sample"], false, { onTopic: 0.7 })[0]).toBe(best);
  });
});

describe("saysMoreThan", () => {
  const term = (t: string): WeightedTerm => ({ term: t, alternatives: [t], weight: 1, unknown: false, salient: false });
  const says = saysMoreThan([term("math-spectral-norm"), term("speedup")], new Set(["achieve"]));

  it("refuses a sentence made only of the question's words, and takes one with another word or a number", () => {
    expect(says(sentence("math-spectral-norm", 1, 1))).toBe(false);
    expect(says(sentence("speedup achieve", 1, 1))).toBe(false);
    expect(says(sentence("math-spectral-norm runs on trace", 1, 1))).toBe(true);
    expect(says({ ...sentence("math-spectral-norm speedup", 1, 1), hasNumber: true })).toBe(true);
  });
});

describe("continuesBack", () => {
  it("reads a sentence that points back or takes the next step as the continuation of the one before", () => {
    expect(continuesBack("Program tersebut membantu korban.")).toBe(true);
    expect(continuesBack("This means the trace is reused.")).toBe(true);
    expect(continuesBack("The agent subsequently uses a parsing tool to extract the papers.")).toBe(true);
    expect(continuesBack("In particular, external functions may need the call stack or the global variables.")).toBe(true);
    expect(continuesBack("Khususnya, anak-anak yang putus sekolah.")).toBe(true);
    expect(continuesBack("Kemudian korban dipulangkan ke keluarganya.")).toBe(true);
    expect(continuesBack("Then the Selector reads each paper.")).toBe(true);
  });

  it("does not for a sentence that opens on its own", () => {
    expect(continuesBack("The Crawler collects papers from the queue.")).toBe(false);
    expect(continuesBack("If the token is [Stop], the agent resets its context.")).toBe(false);
  });
});

describe("isDisclaimer", () => {
  it("knows a funder's disclaimer, which has every word of 'what are the findings?' and states none", () => {
    expect(isDisclaimer("Any opinions, findings, and conclusions or recommendations expressed here are those of the author and should not be interpreted as necessarily representing the official views of the NSF.")).toBe(true);
    expect(isDisclaimer("The views expressed do not necessarily reflect those of the funder.")).toBe(true);
    expect(isDisclaimer("Our findings and conclusions show that tracing pays off after 270 iterations.")).toBe(false);
  });
});

describe("recommendationFirst", () => {
  const asking = { asks: ["recommendations"] } as unknown as Question;
  const names = sentence("Pemerintah pusat dan pemerintah daerah juga melakukan program.", 1.2, 1);
  const recommends = { ...sentence("Akuntabilitas pemerintah harus dipastikan.", 0.9, 0.6), cues: new Set(["recommendation"]) };
  const offTopic = { ...sentence("Pelatihan perlu diberikan.", 0.5, 0.2), cues: new Set(["recommendation"]) };

  it("puts a recommending sentence on the topic before one that only names it", () => {
    expect(recommendationFirst([names, recommends, offTopic], asking)[0]).toBe(recommends);
  });

  it("leaves the order alone when no recommending sentence is on the topic, or none is asked", () => {
    expect(recommendationFirst([names, offTopic], asking)[0]).toBe(names);
    expect(recommendationFirst([names, recommends], { asks: [] } as unknown as Question)[0]).toBe(names);
  });
});

describe("documentOf", () => {
  const weights: WeightedTerm[] = [
    { term: "saran", alternatives: ["saran"], weight: 3, unknown: false, salient: false },
    { term: "perintah", alternatives: ["perintah"], weight: 1, unknown: false, salient: false },
  ];
  const inDoc = (docId: string, text: string, score: number) => ({ ...sentence(text, score, 0), passage: { ...passage, docId } });
  const paper = inDoc("paper.pdf", "saran efisien", 1);
  const review = inDoc("review.txt", "perintah akuntabilitas", 0.5);

  it("picks the document whose sentence covers what the question is about, not only the words that frame it", () => {
    expect(documentOf({ weights, ranked: [paper, review] }, new Set(["saran"]))).toBe("review.txt");
  });

  it("keeps the best-ranked sentence's document when nothing frames the question", () => {
    expect(documentOf({ weights, ranked: [paper, review] }, new Set())).toBe("paper.pdf");
  });
});

describe("withContinuation", () => {
  it("goes on to the next sentence of the passage when a why-question's quote only restates what is asked", () => {
    const text = "Nested loops can be difficult to optimize for tracing VMs. In a naive implementation, inner loops would become hot first. The weather was fine.";
    const p: Passage = { ...passage, text, end: text.length, lang: "en" };
    const df: Record<string, number> = {};
    for (const t of new Set(analyze(text).canonical)) df[t] = 1;
    const q = analyzeQuestion("Why are nested loops difficult for tracing VMs?", { documents: [], studies: [] });
    const weights = weighQuestion(q.text, { documents: 2, df });
    const ranked = scoreSentences(sentencesOf([p]), weights, q, 1);
    const first = ranked.find((s) => s.text.startsWith("Nested"))!;
    const context = { question: q } as unknown as Parameters<typeof withContinuation>[3];
    expect(withContinuation(first, ranked, weights, context).text).toBe("Nested loops can be difficult to optimize for tracing VMs. In a naive implementation, inner loops would become hot first.");
    // asked what, not why, the sentence stands alone
    const what = analyzeQuestion("Are nested loops difficult for tracing VMs?", { documents: [], studies: [] });
    expect(withContinuation(first, ranked, weights, { question: what } as unknown as Parameters<typeof withContinuation>[3]).text).toBe("Nested loops can be difficult to optimize for tracing VMs.");
  });
});
