/**
 * Answers over the real index of the review (shared fixture), through answer(): the questions the answer
 * issue opened with, in both languages, follow-ups, abstention, and the structure every answer carries.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { answer } from "../../src/answer/answer.ts";
import type { AnswerResult } from "../../src/answer/types.ts";
import type { AnswerContext } from "../../src/answer/answer.ts";
import { ownWords } from "../../src/eval/metrics.ts";
import { markersIn } from "../../src/answer/citations.ts";
import { openSharedIndex } from "../helpers/index-fixture.ts";

let context: AnswerContext;
beforeAll(async () => {
  context = (await openSharedIndex()).context;
});

async function ask(...turns: string[]): Promise<AnswerResult> {
  const messages: { role: "user" | "assistant"; content: string }[] = [];
  let result: AnswerResult | undefined;
  for (const turn of turns) {
    messages.push({ role: "user", content: turn });
    result = await answer(context, messages);
    messages.push({ role: "assistant", content: result.answer });
  }
  return result!;
}

/** Every citation quotes its passage exactly and names its document. */
async function expectValidCitations(result: AnswerResult) {
  for (const c of result.citations) {
    const passage = await context.store.getPassage(c.passageId);
    expect(passage?.text.slice(c.quoteStart, c.quoteEnd)).toBe(c.quote);
    expect(c.docId).toBe(passage?.docId);
    expect(c.document).toBeTruthy();
  }
  for (const s of result.sentences) for (const n of s.citations) expect(result.citations.some((c) => c.n === n)).toBe(true);
}

describe("the questions the answer issue opened with", () => {
  it("says plainly that no study is a randomized controlled trial, and what their designs are", async () => {
    const r = await ask("Which studies used a randomized controlled trial and what did they find?");
    expect(r.plan.kind).toBe("list");
    expect(r.abstained).toBe(false);
    expect(r.answer).toMatch(/^None of the 10 studies/);
    expect(r.answer).toMatch(/qualitative/);
    expect(r.citations.length).toBeGreaterThanOrEqual(5);
    await expectValidCitations(r);
  });

  it("says which study's title names a design its method does not, right after saying none has it, and follows up on it", async () => {
    const [none, found] = await Promise.all([ask("Which study used a longitudinal design?"), ask("Which study used a longitudinal design?", "what did it find?")]);
    expect(none.answer).toMatch(/^None of the 10 studies .*\. Only the title of Study 9 \(Rothman et al\., 2019\) says so: «A longitudinal evaluation/);
    expect(none.studies).toEqual([9]);
    expect(found.plan).toMatchObject({ kind: "lookup", studies: [{ number: 9 }] });
    await expectValidCitations(none);
  });

  it("compares study 7 and study 9 field by field, each claim cited to its own study", async () => {
    const r = await ask("Compare study 7 and study 9");
    expect(r.plan.kind).toBe("compare");
    expect(r.answer).toMatch(/Study 7/);
    expect(r.answer).toMatch(/Study 9/);
    for (const c of r.citations) expect([7, 9].some((n) => c.studies.includes(n))).toBe(true);
    await expectValidCitations(r);
  });

  it("lists the countries of the ten studies, in Indonesian, naming every study it counts", async () => {
    const r = await ask("Negara mana aja yg diteliti di 10 artikel itu?");
    expect(r.plan).toMatchObject({ kind: "aggregate", field: "country" });
    expect(r.answer).toMatch(/Indonesia/);
    expect(r.answer).toMatch(/Amerika Serikat/);
    expect(r.answer).toMatch(/Pantai Gading/);
    expect(r.answer).toMatch(/tidak disebutkan/);
    await expectValidCitations(r);
  });

  it("answers what Rafferty's 2018 study recommended with its recommendation, glossed in English", async () => {
    const r = await ask("What did Rafferty's 2018 study recommend?");
    expect(r.plan).toMatchObject({ kind: "lookup", fields: ["recommendations"] });
    expect(r.answer).toMatch(/kesehatan mental/);
    expect(ownWords(r.answer)).toMatch(/mental health/);
    expect(r.answer).not.toMatch(/Nama Jurnal|Tahun:/);
    await expectValidCitations(r);
  });

  it("answers 'what did each study recommend?' with one cited line per study that states a recommendation", async () => {
    const r = await ask("What did each study recommend?");
    expect(r.plan).toMatchObject({ kind: "list", filters: [], fields: ["recommendations"] });
    const withRecommendations = context.store.studies.filter((s) => s.kind === "study").filter((s) => (s.fields.recommendations ?? []).length > 0);
    expect(r.studies.sort((a, b) => a - b)).toEqual(withRecommendations.map((s) => s.number).sort((a, b) => a - b));
    expect(r.sentences[0].text).toMatch(new RegExp(`^${withRecommendations.length} studies \\(of 10\\) state their recommendations`));
    // Each line quotes that study's recommendation cells (going on, at most, into the sentence after one
    // that points back to it: "Langkah awal untuk merealisasikan ini semua ...").
    for (const [i, record] of withRecommendations.entries()) {
      const line = r.sentences[i + 1];
      expect(line.text.startsWith(`Study ${record.number} `)).toBe(true);
      const cells = record.fields.recommendations!;
      for (const n of line.citations) {
        const c = r.citations.find((x) => x.n === n)!;
        expect(cells.some((v) => v.passageId === c.passageId && c.quoteStart >= v.start && c.quoteStart < v.end), `${c.quote}`).toBe(true);
      }
    }
    await expectValidCitations(r);
  });

  it("says a study's recommendations are not given when no sentence of it recommends anything, instead of quoting one that names it", async () => {
    const record = context.store.studies.find((s) => s.kind === "study" && /MLMC/.test(s.aliases.join(" ")))!;
    expect(record.fields.recommendations ?? []).toEqual([]);
    const r = await ask("What did the MLMC study recommend?");
    expect(r.plan).toMatchObject({ kind: "lookup", fields: ["recommendations"] });
    expect(r.answer).toMatch(/^The review does not give the recommendations of Study \d+/);
    expect(r.citations).toEqual([]);
  });

  it("lists the studies on a topic with their programs, quoting each title once even when the title is the topic's best sentence", async () => {
    const r = await ask("Apa saja program rehabilitasi yang dibahas?");
    expect(r.plan).toMatchObject({ kind: "list", filters: [{ field: "topic" }], fields: ["intervention"] });
    const items = r.sentences.filter((s) => s.item);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const quotes = (item.quotes ?? []).map((q) => item.text.slice(q.start, q.end));
      expect(new Set(quotes).size, item.text).toBe(quotes.length);
    }
    await expectValidCitations(r);
  });

  it("quotes a study's sentence once in its line when it is both the topic's best sentence and what the study reports", async () => {
    const r = await ask("Which studies explored mental health outcomes?");
    expect(r.plan).toMatchObject({ kind: "list", filters: [{ field: "topic" }] });
    const items = r.sentences.filter((s) => s.item);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const quotes = (item.quotes ?? []).map((q) => item.text.slice(q.start, q.end));
      expect(new Set(quotes).size, item.text).toBe(quotes.length);
    }
  });
  it("answers what each study found on a topic with the studies on it, each sentence glossed for an English reader", async () => {
    const r = await ask("What did each study find about trauma?");
    expect(r.plan).toMatchObject({ kind: "list", filters: [{ field: "topic" }] });
    const items = r.sentences.filter((s) => s.item);
    expect(items.length).toBeGreaterThan(1);
    for (const item of items.filter((s) => (s.quotes ?? []).length > 1)) expect(item.text).toContain("key terms in English");
    // A line says which study it is once: a further field is named by the field ("results: «...»").
    for (const item of items) expect(item.text, item.text).not.toMatch(/\breports:/);
    await expectValidCitations(r);
  });
  it("lists the studies on a topic by the words that tell them apart: every study here is about children", async () => {
    const withVictims = await ask("Which studies discuss the education of children?");
    const alone = await ask("Which studies discuss education?");
    expect(withVictims.plan).toMatchObject({ kind: "list", filters: [{ field: "topic" }] });
    expect(withVictims.studies.length).toBeGreaterThan(0);
    expect(withVictims.studies).toEqual(alone.studies);
  });
  it("answers a question that names a section and nothing else with how that section opens, in document order", async () => {
    const r = await ask("Apa isi pendahuluannya?");
    expect(r.abstained).toBe(false);
    expect(r.sentences[0].text).toMatch(/^Bagian pendahuluan tinjauan ini dibuka dengan/);
    expect(r.citations.length).toBeGreaterThan(0);
    const passages = await Promise.all(r.citations.map((c) => context.store.getPassage(c.passageId)));
    for (const p of passages) expect(p?.section).toBe("introduction");
    const starts = r.citations.map((c, i) => passages[i]!.start + c.quoteStart);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    await expectValidCitations(r);
  });

  it("states facts in English outside quotes for an English question over Indonesian text", async () => {
    const r = await ask("Which country was the UNICEF study set in?");
    expect(ownWords(r.answer)).toMatch(/Côte d'Ivoire|Ivory Coast|Cote d'Ivoire/);
  });
});

describe("negated values", () => {
  const countriesOf = (n: number) => (context.store.studies.find((s) => s.kind === "study" && s.number === n)?.fields.country ?? []).flatMap((v) => v.keys);

  it("lists the studies done outside Indonesia with their countries, and names those that state none", async () => {
    const r = await ask("Which studies were not conducted in Indonesia?");
    expect(r.plan).toMatchObject({ kind: "list", filters: [{ field: "country", key: "ID", negated: true }] });
    const outside = context.store.studies.filter((s) => s.kind === "study" && countriesOf(s.number).length > 0 && !countriesOf(s.number).includes("ID")).map((s) => s.number);
    expect(outside.length).toBeGreaterThan(0);
    expect(r.studies).toEqual(outside);
    expect(r.answer).toMatch(new RegExp(`^${outside.length} studies \\(of 10\\) took place outside Indonesia`));
    const unstated = context.store.studies.filter((s) => s.kind === "study" && countriesOf(s.number).length === 0);
    for (const s of unstated) expect(r.answer).toMatch(new RegExp(`does not give the country of .*Study ${s.number}\\b`));
    await expectValidCitations(r);
  });

  it("reads 'besides' as leaving out what follows it, and says a value that passes several filters once", async () => {
    const r = await ask("Are there any studies in Africa or Asia besides Indonesia?");
    expect(r.plan).toMatchObject({ kind: "list", filters: [{ key: "region:AF" }, { key: "region:AS" }, { key: "ID", negated: true }] });
    expect((r.plan as { filters: { negated?: boolean }[] }).filters.filter((f) => f.negated)).toHaveLength(1);
    for (const item of r.sentences.filter((s) => s.item)) {
      const quotes = (item.quotes ?? []).map((q) => item.text.slice(q.start, q.end));
      expect(new Set(quotes).size, item.text).toBe(quotes.length);
      expect(item.text).not.toMatch(/(\b[A-Z][a-z]+ [A-Z][a-z]+), \1/);
    }
  });

  it("counts in Indonesian the studies that did not use interviews", async () => {
    const interviews = (await ask("Berapa studi yang pakai wawancara?")).studies;
    const r = await ask("Berapa studi yang tidak pakai wawancara?");
    expect(r.plan.kind).toBe("count");
    expect(r.lang).toBe("id");
    expect(r.studies.some((n) => interviews.includes(n))).toBe(false);
    expect(r.answer).toMatch(/tidak menyebutkan wawancara/);
  });
});

describe("the most common value", () => {
  it("leads with the design most studies share, cited to their cells, then gives the distribution", async () => {
    const r = await ask("Desain penelitian apa yang paling banyak dipakai?");
    expect(r.plan).toMatchObject({ kind: "aggregate", field: "design", op: "most-common" });
    const counts = new Map<string, number>();
    for (const s of context.store.studies.filter((x) => x.kind === "study")) for (const k of new Set((s.fields.design ?? []).flatMap((v) => v.keys))) counts.set(k, (counts.get(k) ?? 0) + 1);
    const largest = Math.max(...counts.values());
    expect(r.sentences[0].text).toMatch(new RegExp(`^Desain yang paling banyak adalah .*: ${largest} dari 10`));
    expect(r.sentences[0].citations.length).toBe(largest);
    await expectValidCitations(r);
  });
});

describe("how many different values", () => {
  it("says how many countries the studies name, cited to one cell of each, before the studies under each", async () => {
    const r = await ask("How many countries were studied?");
    expect(r.answer).toMatch(/^The 7 studies name 3 different countries \[1\] \[2\] \[3\]\. By country, the 10 studies are:/);
    const id = await ask("Berapa negara yang diteliti?");
    expect(id.answer).toMatch(/^7 studi itu menyebut 3 negara yang berbeda/);
    await expectValidCitations(r);
  });
});

describe("a distribution by year", () => {
  it("opens with the span, reads the years in order, and counts each study once, the review's other year said beside it", async () => {
    const r = await ask("When were the studies published?");
    expect(r.plan).toMatchObject({ kind: "aggregate", field: "year" });
    const years = context.store.studies.filter((s) => s.kind === "study").map((s) => Number((s.fields.year ?? []).find((v) => v.source !== "citation")?.keys[0]));
    expect(r.sentences[0].text).toMatch(new RegExp(`^The 10 studies were published between ${Math.min(...years)} and ${Math.max(...years)}`));
    const lines = r.sentences.filter((x) => /^\d{4}: /.test(x.text));
    const listed = lines.map((x) => Number(x.text.slice(0, 4)));
    expect(listed).toEqual([...listed].sort((a, b) => a - b));
    const counted = lines.flatMap((x) => [...x.text.matchAll(/Study (\d+) \(/g)].map((m) => m[1]));
    expect(counted.sort()).toEqual([...new Set(counted)].sort());
    expect(counted).toHaveLength(10);
    const inconsistent = context.store.studies.filter((s) => s.kind === "study" && s.conflicts.includes("year"));
    expect(inconsistent.length).toBeGreaterThan(0);
    expect(lines.flatMap((x) => [...x.text.matchAll(/the review is inconsistent about the year: \d{4}/g)])).toHaveLength(inconsistent.length);
    await expectValidCitations(r);
  });
});

describe("the review itself", () => {
  it("answers what it is about with its abstract part by part, in the asker's language when it has one", async () => {
    const en = await ask("What is this review about?");
    expect(en.abstained).toBe(false);
    // A structured abstract: how it opens, then its purpose, methods, results and conclusion.
    expect(en.sentences[0].text).toBe("The abstract of the review, part by part:");
    expect(en.sentences[1].text).toMatch(/^«Child trafficking as the social issues/);
    expect(en.sentences.slice(2).map((s) => s.text.match(/^«(\w+):/)?.[1])).toEqual(["Purpose", "Methods", "Results", "Conclusion"]);
    await expectValidCitations(en);
    const id = await ask("Review ini membahas apa?");
    expect(id.sentences[1].text).toMatch(/^«Child trafficking atau perdagangan anak/);
    const recommends = await ask("What does the review recommend?");
    expect(recommends.plan).toMatchObject({ kind: "explain", sections: ["conclusion", "discussion", "abstract"] });
    expect(recommends.abstained).toBe(false);
  });

  it("answers what the review concludes in its own voice, quoting none of the studies it discusses", async () => {
    for (const question of ["What did the review conclude?", "What does the review recommend?"]) {
      const r = await ask(question);
      expect(r.plan, question).toMatchObject({ kind: "explain", ownVoice: true });
      expect(r.abstained, question).toBe(false);
      expect(r.answer, question).not.toMatch(/\bStudy \d+/);
      await expectValidCitations(r);
    }
  });

  it("answers 'What was the search strategy?' from the method, 'strategy' being the asker's frame, not a word the review must use", async () => {
    for (const question of ["What was the search strategy?", "Apa strategi pencarian artikelnya?"]) {
      const r = await ask(question);
      expect(r.abstained, question).toBe(false);
      expect(r.answer, question).toMatch(/Google Scholar/);
    }
  });

  it("reads informal, lower-case questions as their formal forms: an acronym typed small, 'studi2', 'dmn'", async () => {
    const acronym = await ask("mlmc itu apa ya");
    expect(acronym.sentences[0].text).toMatch(/^MLMC adalah singkatan dari «My Life My Choice» \[1\]/);
    const authors = await ask("siapa aja penulis studi2 nya");
    expect(authors.plan).toMatchObject({ kind: "list", fields: ["authors"] });
    const venue = await ask("review ini terbit dmn?");
    expect(venue.plan).toMatchObject({ kind: "review-meta", field: "venue" });
  });

  it("answers a request for the gist in other words ('main argument', 'key takeaways') from the abstract, not with an abstention", async () => {
    for (const question of ["What is the main argument of the review?", "Apa pesan utama review ini?"]) {
      const r = await ask(question);
      expect(r.abstained, question).toBe(false);
      expect(r.citations[0]?.section, question).toBe("abstract");
    }
  });

  it("answers what the review recommends with a sentence that recommends, in either language, not with how its conclusion opens", async () => {
    // Any sentence of the conclusion and discussion is a candidate, not only those the search ranked for
    // words the question hardly has ("Apa saran review ini?").
    for (const question of ["What does the review recommend?", "Apa saran review ini?"]) {
      const r = await ask(question);
      expect(r.answer, question).not.toMatch(/opens:|dibuka dengan:/);
      expect(["conclusion", "discussion"]).toContain(r.citations[0].section);
      // (In its own voice: "... mengharuskan dunia untuk segera memberikan proteksi yang lebih", requires the world to.)
      expect(r.citations[0].quote, question).toMatch(/\b(?:(?:meng)?harus|perlu|sebaiknya|should|recommend)/i);
      await expectValidCitations(r);
    }
    // A study's title names it and recommends nothing, though it has the question's word ("Pemerintah").
    const studies = context.store.studies;
    const titles = studies.flatMap((s) => s.fields.title ?? []).map((v) => v.text);
    for (const question of ["What does the review recommend to the government?", "Apa rekomendasi review ini untuk pemerintah?"]) {
      const r = await ask(question);
      expect(r.citations.filter((c) => titles.some((t) => t.includes(c.quote) || c.quote.includes(t))), question).toEqual([]);
    }
  });

  it("answers 'Is this a systematic review?' first by saying it never calls itself one, then with the sentence that says what it is", async () => {
    const asked = [
      ["Is this a systematic review?", /^It does not mention systematic review\./],
      ["Apakah ini tinjauan sistematis?", /^Tidak ada penyebutan tinjauan sistematis\./],
      // results named beside the design are what it would pool, not a question about the review's results
      ["Does the review include a meta-analysis or pool any results statistically?", /^It does not mention meta-analysis\./],
    ] as const;
    for (const [question, said] of asked) {
      const r = await ask(question);
      expect(r.abstained, question).toBe(false);
      expect(r.answer, question).toMatch(said);
      // Its databases and inclusion criteria are the rest of its method, not what was asked.
      expect(r.citations.map((c) => c.quote), question).toEqual([expect.stringMatching(/literature review/)]);
      await expectValidCitations(r);
    }
  });

  it("answers the kind of document asked outright with the sentence that says what it is, and no more", async () => {
    for (const question of ["What kind of review is this?", "Review ini jenisnya apa?", "Ini review jenis apa?"]) {
      const r = await ask(question);
      expect(r.plan, question).toMatchObject({ kind: "explain", sections: ["methods", "abstract"] });
      expect(r.citations.map((c) => c.quote), question).toEqual([expect.stringMatching(/literature review/)]);
    }
  });

  it("answers what the review says of itself from its own passages, never from an included study's", async () => {
    // Study 10's P2TP2A "memiliki peran yang terbatas" is no limitation of the review, which states none.
    const limits = await ask("What are the limitations of this review?");
    expect(limits.plan).toMatchObject({ kind: "explain", ownVoice: true });
    expect(limits.abstained).toBe(true);
    expect(limits.answer).toMatch(/no limitations/);
    expect(limits.citations).toEqual([]);
    // Study 7's program "yang bertujuan ..." is no aim of the review.
    const aim = await ask("Apa tujuan review ini?");
    expect(aim.abstained).toBe(false);
    expect(aim.citations.length).toBeGreaterThan(0);
    for (const c of aim.citations) expect(c.studies ?? []).toEqual([]);
    expect(aim.answer).toMatch(/aims to find out the child protection program|Tujuan/);
    // Asked of a study, the same word is answered from that study.
    const study = await ask("Dalam review ini, apa keterbatasan peran P2TP2A di Cianjur?");
    expect(study.abstained).toBe(false);
    expect(study.answer).toMatch(/terbatas/);
  });
});

describe("values more than one study shares", () => {
  it("names only the values several studies share, with their studies, in either language", async () => {
    const r = await ask("Which countries were studied by more than one study?");
    expect(r.plan).toMatchObject({ kind: "aggregate", field: "country", op: "repeated" });
    expect(r.sentences[0].text).toBe("2 countries have more than one study:");
    expect(r.sentences.filter((s) => s.item).map((s) => s.text.split(":")[0])).toEqual(["Indonesia", "United States"]);
    await expectValidCitations(r);
    const id = await ask("Jurnal mana yang menerbitkan lebih dari satu studi?");
    expect(id.sentences[0].text).toBe("1 jurnal memuat lebih dari satu studi:");
    expect(id.studies).toEqual([7, 9]);
  });
});

describe("a list that answers a field of each study", () => {
  it("names each study by its label and gives the field asked, without quoting its title", async () => {
    const r = await ask("Who are the authors of the included studies?");
    const items = r.sentences.filter((s) => s.item);
    expect(items).toHaveLength(10);
    for (const s of items) expect(s.text).toMatch(/^Study \d+ \([^)]*\): authors: [^«]+ \[\d+\]/);
    await expectValidCitations(r);
  });
});

describe("the complement of a list, and what it was about", () => {
  it("lists the studies the previous list left out ('and which did not?', 'yang tidak?')", async () => {
    const r = await ask("Which studies used a qualitative design?", "and which did not?");
    expect(r.plan).toMatchObject({ kind: "list", filters: [{ field: "design", key: "qualitative", negated: true }] });
    expect(r.studies).toEqual([7, 9]);
    await expectValidCitations(r);
    const id = await ask("Studi mana yang dilakukan di Indonesia?", "yang tidak?");
    expect(id.studies).toEqual([6, 8, 9]);
  });

  it("lists a study whose text does not speak of a topic by its title alone, quoting nothing of it", async () => {
    const r = await ask("Which studies do not mention poverty?");
    const items = r.sentences.filter((s) => s.item);
    expect(items.length).toBeGreaterThan(0);
    for (const s of items) expect(s.text).toMatch(/^Study \d+ \([^)]*\), «[^»]*» \[\d+\]\.$/);
  });

  it("reads 'they' after the study with the most participants as that study", async () => {
    const r = await ask("Which study had the most participants?", "what did they find?");
    expect(r.plan).toMatchObject({ kind: "lookup", studies: [{ number: 9 }], fields: ["outcomes"] });
    expect(r.answer).toMatch(/72%/);
  });
});

describe("sample sizes", () => {
  it("ranks the studies that give a number of participants, quotes what was counted, and names the others", async () => {
    const most = await ask("Which study had the most participants?");
    expect(most.plan).toMatchObject({ kind: "aggregate", op: "largest-sample" });
    // Study 9's text counts "300 gadis", study 8's "enam penyintas"; no other study gives a number.
    expect(most.sentences[0].text).toBe("2 of the 10 studies give a number of participants, the largest first:");
    expect(most.sentences.slice(1, 3).map((s) => [s.text.slice(0, 7), s.item, s.citations.length])).toEqual([["Study 9", true, 1], ["Study 8", true, 1]]);
    expect(most.sentences.at(-1)!.text).toMatch(/^The other 8 do not give one: Study 1 .* and Study 10/);
    await expectValidCitations(most);
    const fewest = await ask("Studi mana yang pesertanya paling sedikit?");
    expect(fewest.plan).toMatchObject({ kind: "aggregate", op: "smallest-sample" });
    expect(fewest.sentences[0].text).toBe("2 dari 10 studi menyebutkan jumlah peserta, dari yang paling sedikit:");
    expect(fewest.sentences[1].text).toMatch(/^Studi 8/);
  });
});

describe("two values of one field", () => {
  const keysOf = (n: number, field: "database" | "design") => (context.store.studies.find((s) => s.kind === "study" && s.number === n)?.fields[field] ?? []).flatMap((v) => v.keys);

  it("lists the studies with either value of a field a study has one of (database)", async () => {
    const r = await ask("Which of the studies came from Neliti and which from ScienceDirect?");
    const either = context.store.studies.filter((s) => s.kind === "study" && keysOf(s.number, "database").some((k) => k === "neliti" || k === "sciencedirect")).map((s) => s.number);
    expect(either.length).toBeGreaterThan(1);
    expect(r.studies).toEqual(either);
    expect(r.answer).toMatch(/found through Neliti or ScienceDirect/);
  });

  it("keeps both values of a field a study may have several of (design)", async () => {
    const r = await ask("Which studies used both interviews and a literature review?");
    const both = context.store.studies.filter((s) => s.kind === "study" && ["interview", "literature-review"].every((k) => keysOf(s.number, "design").includes(k))).map((s) => s.number);
    expect(r.studies).toEqual(both);
  });

  it("takes either value of such a field when 'or' joins them (population)", async () => {
    const either = await ask("Which studies focused on girls or women?");
    const both = await ask("Which studies focused on girls and women?");
    expect(either.answer).toMatch(/^2 studies \(of 10\) are about girls or women:/);
    expect(either.studies).toEqual([9, 10]);
    expect(both.studies).toEqual([9]);
  });
});

describe("a list with the fields asked", () => {
  it("says which listed studies the review gives no recommendations for", async () => {
    const r = await ask("Apa rekomendasi studi-studi yang dilakukan di Indonesia?");
    expect(r.plan).toMatchObject({ kind: "list", fields: ["recommendations"] });
    const lacking = r.studies.filter((n) => (context.store.studies.find((s) => s.kind === "study" && s.number === n)!.fields.recommendations ?? []).length === 0);
    expect(lacking.length).toBeGreaterThan(0);
    const said = r.sentences.find((s) => /^Tinjauan ini tidak menyebutkan rekomendasi/.test(s.text));
    for (const n of lacking) expect(said?.text).toMatch(new RegExp(`Studi ${n} \\(`));
  });

  it("compares the studies a value picks out, each field said inside its line", async () => {
    const r = await ask("Compare the studies from the United States");
    expect(r.plan).toMatchObject({ kind: "list", fields: ["design", "intervention", "outcomes"] });
    expect(r.answer).toMatch(/; design: /);
    expect(r.answer).not.toMatch(/; The /);
    await expectValidCitations(r);
  });

  it("names the authors of each study it lists when the question asks who wrote them", async () => {
    const r = await ask("Siapa penulis studi-studi yang dilakukan di Amerika Serikat?");
    expect(r.plan).toMatchObject({ kind: "list", fields: ["authors"] });
    expect(r.studies.length).toBeGreaterThan(0);
    for (const n of r.studies) {
      const authors = context.store.studies.find((s) => s.kind === "study" && s.number === n)!.fields.authors![0].text;
      expect(r.answer).toContain(`penulis: ${authors}`);
    }
    await expectValidCitations(r);
  });
});

describe("year ranges", () => {
  it("lists the studies published in a range of years, both ends included", async () => {
    const r = await ask("Which studies were published between 2016 and 2019?");
    expect(r.plan).toMatchObject({ kind: "list", filters: [{ field: "year", key: "2016..2019" }] });
    // A study's year is what its table (or text) gives, not a year the review cites elsewhere in its row.
    const inRange = context.store.studies
      .filter((s) => s.kind === "study" && (s.fields.year ?? []).some((v) => v.source !== "citation" && v.keys.some((k) => Number(k) >= 2016 && Number(k) <= 2019)))
      .map((s) => s.number);
    expect(inRange.length).toBeGreaterThan(1);
    expect(r.studies).toEqual(inRange);
    await expectValidCitations(r);
  });

  it("a year asked of something the question names beside the study (a founding) is not the study's year", async () => {
    const r = await ask("Balai Sunu Ngesti Tomo itu didirikan tahun berapa?");
    expect(r.plan.kind).toBe("explain");
    expect(r.abstained).toBe(true);
    const published = await ask("Studi Sunu Ngesti Tomo tahun berapa?");
    expect(published.plan).toMatchObject({ kind: "lookup", fields: ["year"] });
  });

  it("does not take a year cited in a study's row ('Wallace et al., 2016' in Study 6's venue cell) for its publication year", async () => {
    const study6 = context.store.studies.find((s) => s.kind === "study" && s.number === 6)!;
    expect((study6.fields.year ?? []).map((v) => [v.keys[0], v.source])).toContainEqual(["2016", "citation"]);
    const r = await ask("Which of the studies were published in 2016?");
    expect(r.studies).not.toContain(6);
    expect(r.studies.length).toBeGreaterThan(0);
  });
});

describe("where a study took place", () => {
  it("says the setting below the country where the review names one, cited", async () => {
    const r = await ask("Where was the Save the Children study done?");
    expect(r.answer).toMatch(/took place in Jawa Barat \[\d+\], Indonesia/);
    await expectValidCitations(r);
    const id = await ask("Di mana studi 10 dilakukan?");
    expect(id.plan).toMatchObject({ kind: "lookup", fields: ["country"] });
    expect(id.answer).toMatch(/dilakukan di Cianjur \[\d+\], Indonesia/);
  });
});

describe("conversations", () => {
  it("'what about the second one?' after a list means the second study listed", async () => {
    const list = await ask("Which studies took place in the United States?");
    expect(list.studies.length).toBe(2);
    const r = await ask("Which studies took place in the United States?", "who wrote the second one?");
    expect(r.plan).toMatchObject({ kind: "lookup", fields: ["authors"] });
    expect(r.studies).toEqual([list.studies[1]]);
  });

  it("'kalau di Indonesia gimana?' drops the previous study and asks about Indonesia", async () => {
    const r = await ask("Studi mana saja yang dilakukan di Amerika Serikat?", "kalau di Indonesia gimana?");
    expect(r.plan.kind).toBe("list");
    expect(r.answer).toMatch(/Indonesia/);
    expect(r.studies).not.toContain(9);
  });

  it("'which of those ...?' takes the value from the studies the previous answer listed", async () => {
    const first = await ask("Which studies were qualitative?");
    const r = await ask("Which studies were qualitative?", "which of those took place in Indonesia?");
    expect(r.plan).toMatchObject({ kind: "list", filters: [{ field: "country", key: "ID" }] });
    expect(r.studies.length).toBeGreaterThan(0);
    expect(r.studies.every((n) => first.studies.includes(n))).toBe(true);
    expect(r.answer).toMatch(new RegExp(`\\(of those ${first.studies.length}\\)`));
    await expectValidCitations(r);
  });

  it("reads a question nothing answers on its own as being about the study the conversation is on", async () => {
    // On its own, no sentence on survivors gives their number; Study 8's own text says "enam penyintas".
    const alone = await ask("How many survivors were interviewed?");
    expect(alone.abstained).toBe(true);
    const r = await ask("Tell me about study 8", "How many survivors were interviewed?");
    expect(r.abstained).toBe(false);
    expect(r.query.followUp).toBe(true);
    expect(r.answer).toMatch(/enam penyintas/);
    expect(r.citations.every((c) => c.studies.includes(8))).toBe(true);
    // A question the study does not answer either still abstains.
    expect((await ask("Tell me about study 8", "How many hospitals took part?")).abstained).toBe(true);
    await expectValidCitations(r);
  });

  it("'dan hasilnya?' continues with the study just discussed", async () => {
    const r = await ask("Siapa penulis studi Rafferty?", "dan hasilnya?");
    expect(r.studies).toEqual([3]);
    expect(r.citations.every((c) => c.studies.includes(3))).toBe(true);
  });
});

describe("abstention", () => {
  it("says the review gives no cost figures, and cites nothing", async () => {
    const r = await ask("How much did the MLMC program cost?");
    expect(r.abstained).toBe(true);
    expect(r.answer).toMatch(/cost/);
    expect(r.citations).toEqual([]);
  });

  it("asked for this year's figures, says the year the review was written (read from the document), and for a share, what is missing", async () => {
    const now = await ask("How many child trafficking victims are there right now in Indonesia?");
    expect(now.abstained).toBe(true);
    expect(now.answer).toMatch(/written in 2022/);
    const share = await ask("What proportion of the children in the Arpan program were boys?");
    expect(share.abstained).toBe(true);
    expect(share.citations).toEqual([]);
  });

  it("answers a count only with a number of what is counted, and says what has no figure in the asker's words", async () => {
    // "rehabilitasi sosial di rumah faye, terdapat 7 tahapan" counts stages, not social workers.
    const r = await ask("How many social workers does Rumah Faye employ?");
    expect(r.abstained).toBe(true);
    expect(r.answer).toMatch(/no figure for “social workers”/);
  });

  it("quotes a table row's cell alone: a study's title does not run on into its results cell", async () => {
    const r = await ask("Apa itu Balai Sunu Ngesti Tomo?");
    for (const c of r.citations) expect(c.quote).not.toMatch(/Jepara\s+Hasil penelitian/);
    await expectValidCitations(r);
  });

  it("answers a list asked of one item of a study's program with that item, not the whole program", async () => {
    const r = await ask("Apa saja isi program ECCE dari Save the Children?");
    expect(r.citations).toHaveLength(1);
    expect(r.citations[0].quote).toMatch(/^ECCE: program yang merupakan/);
    // ... named however the study is: "rumah faye" names study 4 (its stem "fay" is not what is asked)
    const skills = await ask("Keterampilan sosial di rumah faye dilatih lewat kegiatan apa aja?");
    expect(skills.citations).toHaveLength(1);
    expect(skills.citations[0].quote).toMatch(/^Keterampilan sosial, berupa konseling kelompok/);
    // ... while the programs asked for as a list are all of them
    const all = await ask("Program apa saja yang dijalankan Save the Children?");
    expect(all.citations.length).toBeGreaterThan(2);
  });

  it("compares the studies a word picks out when no study is named: the UNICEF programs are studies 2 and 6", async () => {
    const r = await ask("How do the UNICEF programs differ?");
    expect(r.plan).toMatchObject({ kind: "compare" });
    expect([...new Set(r.studies)].sort()).toEqual([2, 6]);
    // One side named, the other by such a word: Save the Children is study 5, UNICEF studies 2 and 6.
    const sides = await ask("Compare the Save the Children and UNICEF programs");
    expect(sides.abstained).toBe(false);
    expect([...new Set(sides.studies)].sort()).toEqual([2, 5, 6]);
    await expectValidCitations(sides);
  });

  it("says the figures asked for first, in the reader's language, cited to the quote they are read from", async () => {
    const count = await ask("How many reports did KPAI receive from January to April 2021?");
    expect(count.sentences[0].text).toMatch(/^The figure: 35 \[1\]/);
    expect(count.citations[0].quote).toMatch(/35 laporan kasus/);
    // A share asked is a percentage; and in Indonesian.
    const share = await ask("Berapa persen kasus yang ditangani KPAI merupakan kekerasan seksual?");
    expect(share.sentences[0].text).toMatch(/^Angkanya: 83% \[1\]/);
    // A share of the people a study is about, with no study named: of its population, said or not.
    const teens = await ask("Berapa persen remaja yang masih mengalami CSE setelah 12 bulan?");
    expect(teens.sentences[0].text).toMatch(/^Angkanya: .*14% \[1\]/);
    // What is not something has the rest's figure in the text: no figure is said first.
    const rest = await ask("Berapa persen kasus KPAI yang bukan kekerasan seksual?");
    expect(rest.sentences[0].text).not.toMatch(/^Angkanya/);
    await expectValidCitations(count);
    // The years a date question asks for, from its best quote.
    const years = await ask("What years does the UNICEF study in Ivory Coast look at?");
    expect(years.sentences[0].text).toMatch(/^The years: 2011–2016 \[1\]/);
    expect(years.citations[0].quote).toMatch(/2011-2016/);
    const since = await ask("Sejak tahun berapa Save the Children menangani kasus di Jawa Barat?");
    expect(since.sentences[0].text).toMatch(/^Tahunnya: 2004–2017 \[1\]/);
    // Of two years in the quote, the one beside the figure the question gives.
    const which = await ask("In which year were 244 child trafficking cases reported?");
    expect(which.sentences[0].text).toMatch(/^The year: 2019 \[1\]/);
  });

  it("once the figures asked for are said, quotes only sentences that give such figures too", async () => {
    const r = await ask("Which years does the Ivory Coast UNICEF study cover?");
    expect(r.sentences[0].text).toMatch(/^The years: 2011–2016 \[1\]/);
    // the title that gives them, and no sentence on its supporting factors after it
    expect(r.citations).toHaveLength(1);
  });

  it("counts a study's own people when they are what is asked, though they are its population", async () => {
    // Study 8 is a study of survivors: "enam penyintas" answers how many survivors it drew on.
    const r = await ask("How many survivors' stories did the Cecchet project draw on?");
    expect(r.abstained).toBe(false);
    expect(r.answer).toMatch(/enam penyintas/);
    await expectValidCitations(r);
  });

  it("answers a yes-or-no 'only' first, then shows every study by that field", async () => {
    const r = await ask("Apakah hanya studi dari Indonesia yang dimasukkan?");
    expect(r.plan).toMatchObject({ kind: "aggregate", field: "country", op: "distribution" });
    expect(r.answer).toMatch(/^Tidak: 4 studi \(dari 10\) dilakukan di Indonesia\./);
    expect(r.answer).toMatch(/Amerika Serikat: 2 studi/);
    await expectValidCitations(r);
  });

  it("refuses a question about something the review never mentions", async () => {
    const r = await ask("Bagaimana program perlindungan anak di Thailand?");
    expect(r.abstained).toBe(true);
    expect(r.answer).toBe("Tinjauan ini tidak membahas hal tersebut. Tidak ada penyebutan Thailand.");
    // The names it never uses, as the asker wrote them and side by side as one; not a word of the question's wording.
    expect((await ask("Did the review use PRISMA or register with PROSPERO?")).answer).toMatch(/It does not mention PRISMA and PROSPERO\.$/);
    expect((await ask("Does the review assess International Justice Mission's rescue operations?")).answer).toMatch(/It does not mention Justice Mission\.$/);
  });

  it("refuses a question whose words beyond the names it writes the review never uses, and answers one it does", async () => {
    const capital = await ask("What is the capital of Indonesia?");
    expect(capital.abstained).toBe(true);
    expect(capital.citations).toHaveLength(0);
    const unicef = await ask("What did UNICEF do to fight child trafficking in Indonesia?");
    expect(unicef.abstained).toBe(false);
  });
  it("refuses an off-topic question", async () => {
    expect((await ask("Can you give me a good recipe for beef rendang?")).abstained).toBe(true);
  });
});

describe("structure", () => {
  it("returns the plan, sentences with their kind and quotes, and studies", async () => {
    const r = await ask("Siapa penulis studi nomor 9?");
    expect(r.plan).toMatchObject({ kind: "lookup", fields: ["authors"] });
    expect(r.sentences[0]).toMatchObject({ kind: "composed" });
    expect(r.answer).toMatch(/Rothman/);
    expect(r.studies).toEqual([9]);
    await expectValidCitations(r);
  });

  it("marks quotes «» and lists their offsets in the sentence", async () => {
    const r = await ask("What did the MLMC evaluation find after 12 months?");
    const quoted = r.sentences.find((s) => s.quotes?.length);
    expect(quoted).toBeDefined();
    for (const q of quoted!.quotes!) expect(quoted!.text.slice(q.start, q.end)).toMatch(/^«[\s\S]*»$/);
  });
});

describe("a place the question names", () => {
  it("is not answered by a study done somewhere else, and is by the study done there", async () => {
    // Study 9 (a US mentoring program) counts the boys and girls it served; no study in Indonesia does.
    const indonesia = await ask("How many boys and how many girls were served by programs in Indonesia?");
    expect(indonesia.citations.filter((c) => c.studies.includes(9))).toEqual([]);
    expect(indonesia.abstained).toBe(true);
    const us = await ask("How many boys and girls did the US mentoring program serve?");
    expect(us.abstained).toBe(false);
    expect(us.citations[0].quote).toMatch(/300 gadis/);
    await expectValidCitations(us);
  });
});

describe("what compared studies have in common", () => {
  it("says first what every compared study shares, each value cited to each study's own cell, in the asker's language", async () => {
    const r = await ask("What do study 8 and study 9 have in common?");
    expect(r.plan.kind).toBe("compare");
    expect(r.answer).toMatch(/^Study 8 \(Cecchet, 2014\) and Study 9 \(Rothman et al\., 2019\) have in common: country: United States \[1\] \[2\]; population: .*survivors/);
    // each shared value is cited once per study, to that study's own passage
    const first = r.sentences[0];
    const cited = first.citations.map((n) => r.citations.find((c) => c.n === n)!);
    expect(cited.filter((c) => c.studies.includes(8)).length).toBe(cited.filter((c) => c.studies.includes(9)).length);
    await expectValidCitations(r);
    const id = await ask("Apa persamaan studi Jepara dan Rumah Faye?");
    expect(id.answer).toMatch(/^Persamaan Studi 1 .* dan Studi 4 .*: desain: kualitatif/);
    // a comparison that does not ask for similarities goes field by field as before
    expect((await ask("Compare study 8 and study 9")).answer).not.toMatch(/in common/);
  });
  it("compares on how each was done, where and what it found when nothing more is asked", async () => {
    const r = await ask("Bandingkan studi 2 dan studi 6");
    expect(r.answer).toMatch(/Studi 2 \(Alfatih, 2017\) dilakukan di Indonesia \[\d+\]/);
    expect(r.answer).toMatch(/Studi 6 \(Regina, 2018\) dilakukan di Pantai Gading \[\d+\]/);
    await expectValidCitations(r);
  });
  it("says what each compared study is about (its title) when nothing more is asked", async () => {
    const r = await ask("Bandingkan studi Rafferty dan Mukherjee");
    expect(r.answer).toMatch(/Studi 3 \(Rafferty, 2018\) berjudul «Mental Health Services[^»]*» \[\d+\]/);
    expect(r.answer).toMatch(/Studi 7 \(Mukherjee, 2019\) berjudul «Featured counter-trafficking program: Arpan» \[\d+\]/);
    // a comparison on a field asked does not
    expect((await ask("Compare the designs of study 1 and study 9")).answer).not.toMatch(/titled/);
    await expectValidCitations(r);
  });
});

describe("follow-ups that change only a year or the language", () => {
  it("reads 'what about 2018?' after a list by year as the same list for 2018", async () => {
    const r = await ask("Which studies were published in 2016?", "what about 2018?");
    expect(r.plan).toMatchObject({ kind: "list", filters: [{ field: "year", key: "2018" }] });
    expect(r.answer).toMatch(/^2 studies \(of 10\) were published in 2018:/);
  });
  it("answers the previous question again in the language asked for", async () => {
    const en = await ask("Apa kesimpulan review ini?", "in English please");
    expect(en.answer).toMatch(/^According to the review, «Conclusion: there are several programs/);
    const id = await ask("What did study 9 find?", "pakai bahasa Indonesia dong");
    expect(id.answer).toMatch(/^Studi 9 \(Rothman et al\., 2019\) melaporkan: /);
    // ... also when the request is written in the other language
    const crossed = await ask("What did study 9 find?", "in Indonesian please");
    expect(crossed.answer).toMatch(/^Studi 9 \(Rothman et al\., 2019\) melaporkan: /);
    const back = await ask("Apa kesimpulan review ini?", "jawab dalam bahasa Inggris");
    expect(back.answer).toMatch(/^According to the review, /);
    await expectValidCitations(en);
  });
});

describe("a count", () => {
  it("names each study it counts with the value it is counted by, not its title; a list gives titles", async () => {
    const count = await ask("How many studies were found through Neliti?");
    expect(count.plan.kind).toBe("count");
    expect(count.answer).toMatch(/^2 studies \(of 10\) were found through Neliti:\n- Study 2 \(Alfatih, 2017\): Neliti \[1\]\.\n- Study 6 \(Regina, 2018\): Neliti \[2\]\.$/);
    const list = await ask("Which studies were found through Neliti?");
    expect(list.answer).toMatch(/Study 2 \(Alfatih, 2017\), «Kerjasama indonesia dan unicef/);
    // a value read from the title is cited by the title
    const place = await ask("Berapa studi yang dilakukan di Indonesia?");
    expect(place.answer).toMatch(/Studi 10 \(Afifah & Yuningsih, 2016\), «Analisis Kebijakan Pemerintah/);
    await expectValidCitations(count);
  });
});

describe("a comparison of what the studies did", () => {
  it("names each study's items by their labels when its cell lists labelled items, in either language", async () => {
    for (const q of ["How do the services of Rumah Faye and Save the Children differ?", "Apa beda kegiatan Rumah Faye dan Save the Children?"]) {
      const r = await ask(q);
      expect(r.plan, q).toMatchObject({ kind: "compare", fields: ["intervention"] });
      expect(r.answer, q).toMatch(/«Konseling individual» \[\d+\], «Psikoedukasi» \[\d+\], «Keterampilan sosial» \[\d+\]/);
      // past a lead-in ("Adapun program-programnya: Enable: ...")
      expect(r.answer, q).toMatch(/«Enable» \[\d+\], «Exceed» \[\d+\], «Saving Newborn Live» \[\d+\]/);
      await expectValidCitations(r);
    }
  });
  it("compares a study whose cell is a run of sentences by its best one", async () => {
    const r = await ask("How do the activities at the Arpan program differ from the ones at Rumah Faye?");
    expect(r.answer.match(/«[^»]*»/g)!.filter((q) => /Arpan/.test(q)).length).toBeLessThanOrEqual(1);
  });
});

describe("a study a field is asked of by a name and a place, with no study noun", () => {
  it("is that one study, and its whole list: UNICEF in Indonesia is Study 2, in Ivory Coast Study 6", async () => {
    const id = await ask("Apa saja program UNICEF di Indonesia?");
    expect(id.plan).toMatchObject({ kind: "lookup", studies: [{ number: 2 }], fields: ["intervention"] });
    expect(id.answer).toMatch(/Program Kesejahteraan Sosial Anak \(PKSA\)/);
    expect(id.answer).toMatch(/advokasi/);
    // the name that says which study is no item to look for: every item of Study 6's cell, not the one opening with "UNICEF"
    const ci = await ask("Kegiatan apa saja yang dilakukan UNICEF di Pantai Gading?");
    expect(ci.plan).toMatchObject({ kind: "lookup", studies: [{ number: 6 }] });
    expect(ci.answer).toMatch(/«Peran Departemen Pemerintah Nasional dan Provinsi/);
    await expectValidCitations(ci);
    // a place alone is no description of one study
    expect((await ask("Program apa yang dijalankan di Indonesia?")).plan.kind).not.toBe("lookup");
  });
});

describe("several items asked with a plural noun", () => {
  it("are answered by the sentence that lists them, as a list word would be", async () => {
    const r = await ask("What concepts did Cecchet identify?");
    expect(r.citations[0].quote).toMatch(/enam konsep \(predisposisi kerentanan, rekrutmen/);
  });
});

describe("comparing the studies of the last answers", () => {
  it("'compare them' after two answers about one study each compares those two, in either language", async () => {
    const en = await ask("What did study 6 find?", "and study 2?", "compare them");
    expect(en.plan).toMatchObject({ kind: "compare", studies: [{ number: 6 }, { number: 2 }] });
    const id = await ask("Apa temuan studi 6?", "kalau studi 2?", "bandingkan keduanya");
    expect(id.plan).toMatchObject({ kind: "compare", studies: [{ number: 6 }, { number: 2 }] });
    await expectValidCitations(en);
  });
});

describe("what a named thing does", () => {
  it("answers the role of a study's organisation from what the study says it does, not from the study's title", async () => {
    for (const question of ["What is the role of Save the Children in West Java?", "Bagaimana peran Save the Children di Jawa Barat?"]) {
      const r = await ask(question);
      expect(r.abstained, question).toBe(false);
      expect(r.answer, question).not.toMatch(/is titled|berjudul/);
      expect(r.citations.every((c) => c.studies.includes(5)), question).toBe(true);
    }
  });
});

describe("an extreme with more asked of it", () => {
  it("'Which is the most recent study and what did it find?' names it and quotes what it found", async () => {
    const r = await ask("Which is the most recent study and what did it find?");
    expect(r.plan).toMatchObject({ kind: "aggregate", op: "latest", also: ["outcomes"] });
    expect(r.answer).toMatch(/^The most recent is from 2021: Study 5 \(Juita & Wardhani, 2021\) \[1\]\. Study 5 \(Juita & Wardhani, 2021\) reports: «/);
    expect(r.citations.slice(1).every((c) => c.studies.includes(5))).toBe(true);
    await expectValidCitations(r);
  });
});

describe("the other extreme, asked next", () => {
  it("'and the newest?' after the oldest gives the most recent study, in either language", async () => {
    const en = await ask("Which study is the oldest?", "and the newest?");
    expect(en.plan).toMatchObject({ kind: "aggregate", op: "latest" });
    expect(en.answer).toMatch(/^The most recent is from 2021: Study 5/);
    const id = await ask("Studi mana yang paling lama?", "kalau yang paling baru?");
    expect(id.answer).toMatch(/^Yang paling baru terbit tahun 2021: Studi 5/);
    const fewest = await ask("Which study had the most participants?", "and the fewest?");
    expect(fewest.plan).toMatchObject({ kind: "aggregate", op: "smallest-sample" });
    await expectValidCitations(en);
  });
});

describe("the items of a study's program", () => {
  it("are all given when asked in the plural, as 'apa saja' asks", async () => {
    const r = await ask("What activities does Rumah Faye offer?");
    for (const item of ["Konseling individual", "Psikoedukasi", "Keterampilan hidup", "Olahraga dan seni", "Spiritual"]) expect(r.answer).toContain(`«${item}`);
    await expectValidCitations(r);
  });
  it("leave out the one the question sets aside, in either language, and nothing else", async () => {
    for (const q of ["What activities does Rumah Faye offer besides counselling?", "Selain konseling, kegiatan apa saja yang ada di Rumah Faye?"]) {
      const r = await ask(q);
      expect(r.answer).not.toContain("«Konseling individual");
      for (const item of ["Psikoedukasi", "Keterampilan sosial", "Keterampilan hidup", "Olahraga dan seni", "Spiritual"]) expect(r.answer).toContain(`«${item}`);
      await expectValidCitations(r);
    }
  });
});

describe("a design read from a study's text", () => {
  it("is shown as written when it says more than its label: a longitudinal evaluation is no bare 'evaluation'", async () => {
    const r = await ask("Compare the designs of study 1 and study 9");
    expect(r.answer).toMatch(/Study 9 \(Rothman et al\., 2019\): evaluation \(«longitudinal evaluation»\) \[\d+\]/);
    await expectValidCitations(r);
  });
});

describe("a list asked of a word the corpus never uses", () => {
  it("finds no study that speaks of it, though the other words of its topic are common", async () => {
    const r = await ask("Did any study measure depression with a standard scale?");
    expect(r.answer).toMatch(/^None of the 10 studies speak of/);
    const rate = await ask("Which study had the highest dropout rate?");
    expect(rate.abstained).toBe(true);
    // a kind of value asked (a funder) is given by a study's sentence, not any sentence on the government
    const funded = await ask("Which study was funded by the government?");
    expect(funded.answer).toMatch(/^None of the 10 studies speak of/);
  });
});

describe("the studies' titles asked for", () => {
  it("lists each study once with its title, quoted once and glossed for an English reader", async () => {
    const r = await ask("What are the titles of the included studies?");
    expect(r.plan).toMatchObject({ kind: "list", fields: ["title"] });
    const first = r.sentences.find((s) => s.text.startsWith("Study 1 "))!;
    expect(first.text.match(/Pelayanan rehabilitasi sosial anak korban/g)).toHaveLength(1);
    expect(first.text).toMatch(/\(key terms in English: .*social rehabilitation/);
    await expectValidCitations(r);
  });
});

describe("a share of something", () => {
  it("is given only by a share beside what it is of: the CSE shares are no share of boys", async () => {
    const boys = await ask("What percentage of MLMC participants were boys?");
    expect(boys.abstained).toBe(true);
    expect(boys.answer).not.toMatch(/72%/);
    const cases = await ask("What share of KPAI cases were sexual violence?");
    expect(cases.answer).toMatch(/^The figure: 83% \[1\]/);
  });
});

describe("a study the review does not have", () => {
  it("says there is no such study and how the studies are numbered, in the asker's language, citing nothing", async () => {
    const en = await ask("What did study 11 find?");
    expect(en).toMatchObject({ abstained: true, citations: [], answer: "The review has no study 11: it numbers its 10 included studies 1 to 10." });
    const id = await ask("Bandingkan studi 3 dan studi 15");
    expect(id.answer).toBe("Tinjauan ini tidak memiliki studi 15: 10 studi yang ditelaahnya bernomor 1 sampai 10.");
  });
});

describe("a study described, not named", () => {
  it("reads 'the UNICEF study' with a place as the one UNICEF study there, in either language, not a list of the studies in that place", async () => {
    for (const question of ["What are the main drivers of child trafficking in Indonesia according to the UNICEF study?", "Apa faktor pendorong perdagangan anak menurut studi UNICEF di Indonesia?"]) {
      const r = await ask(question);
      expect(r.plan).toMatchObject({ studies: [{ number: 2 }] });
      expect(r.answer).toMatch(/kemiskinan, pendidikan/);
      await expectValidCitations(r);
    }
  });
});

describe("the study table's cells in an explanation", () => {
  it("never quotes a journal, author, year or database cell for a question that does not ask for one", async () => {
    const r = await ask("Apa saran review ini untuk pemerintah?");
    expect(r.citations.map((c) => c.quote)).not.toContain("Jurnal Ilmu Pemerintahan (Purnamasari, 2015)");
    for (const c of r.citations) expect(c.quote).not.toMatch(/^(?:Jurnal|Journal)\b/);
  });

  it("says a title cell is the study's title, not something the study reports", async () => {
    const r = await ask("What does the review say about the period of the Indonesia-UNICEF cooperation?");
    expect(r.answer).toMatch(/Study 2 \(Alfatih, 2017\) is titled «Kerjasama indonesia dan unicef/);
    expect(r.answer).not.toMatch(/reports: «Kerjasama indonesia dan unicef dalam menangani Kasus/);
  });

  it("does not open with a title that only names the study asked about, when a sentence says what was asked", async () => {
    // The title of study 5 has "Save The Children", "Jawa Barat" and "Menangani Kasus Perdagangan Anak".
    const r = await ask("How did Save the Children help trafficked children in West Java?");
    expect(r.answer).toMatch(/^Study 5 \([^)]*\) reports: «/);
    expect(r.citations[0].quote).toMatch(/program/);
  });
});

describe("a record's free text", () => {
  it("goes on into the sentence after it that points back to it", async () => {
    // The record's recommendation is the sentence with "dibutuhkan"; the next one ("Langkah awal untuk
    // merealisasikan ini semua ...") says what comes first.
    const r = await ask("Apa rekomendasi studi Cianjur?");
    expect(r.plan).toMatchObject({ kind: "lookup", fields: ["recommendations"] });
    expect(r.citations[0].quote).toMatch(/pemilihan media sosial\. Langkah awal untuk merealisasikan ini semua adalah dengan penguatan kelembagaan P2TP2A\.$/);
    await expectValidCitations(r);
  });

  it("is looked for in all the study's text when the field's cells never speak of what is asked", async () => {
    // Study 6's results cell has no challenge; its intervention cell says the slowing peace process "menimbulkan tantangan".
    const r = await ask("Tell me about study 6", "what challenges did it find?");
    expect(r.answer).toMatch(/proses perdamaian/);
    expect(r.citations.map((c) => c.n)).toEqual(r.citations.map((_, i) => i + 1));
    expect(markersIn(r.answer).every((n) => r.citations.some((c) => c.n === n))).toBe(true);
    await expectValidCitations(r);
    // A field asked with nothing more stays the field's cells.
    const plain = await ask("Tell me about study 6", "what did it find?");
    expect(plain.answer).not.toMatch(/proses perdamaian/);
    // Asked on its own, the text's best quote does not say it, and the cells stand: with no citation of the
    // answer not given left behind.
    const alone = await ask("What challenges did study 6 find?");
    expect(alone.citations.every((c) => markersIn(alone.answer).includes(c.n))).toBe(true);
  });
});
