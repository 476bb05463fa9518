/** Sentence evidence: weights, coverage and ranking, on hand-made passages and term statistics. */
import { describe, expect, it } from "vitest";
import type { Passage } from "../domain/passage.ts";
import { analyzeQuestion, fillerWordStems } from "../retrieve/question.ts";
import { SYNTHETIC_INDEX } from "../../test/helpers/synthetic-records.ts";
import { analyze, corpusLexiconInUse, useCorpusLexicon } from "../text/analyze.ts";
import type { TermStats } from "../store/layout.ts";
import { coverage, definiendum, EVIDENCE_WEIGHTS, introducesItems, itemsNamed, expansionOf, wantedCues, hasQuantity, hasTerm, isCaptionOnly, isPointerOnly, overlap, scoreSentences, sentencesOf, termRole, weighQuestion, withRunInHeadings } from "./evidence.ts";
import { ABSTAIN, decideAbstention } from "./abstain.ts";
import { splitSentences } from "../text/sentences.ts";

const passage = (id: string, text: string, extra: Partial<Passage> = {}): Passage => ({
  id, docId: "d", text, section: "discussion", heading: "", page: null, studies: [], lang: "id", kind: "prose", start: 0, end: text.length, cells: [], context: "", ...extra,
});

const PASSAGES = [
  passage("a", "Salah satu faktor penyebabnya adalah lemahnya koordinasi antar anggota Gugus Tugas. Kabupaten Cianjur telah mengeluarkan beberapa kebijakan."),
  passage("b", "Program mentor memasangkan remaja dengan mentor dewasa. Pada awal 72% remaja berpengalaman eksploitasi, setelah 12 bulan menjadi 14%."),
  passage("c", "Anak-anak menjalani bimbingan mental dan bimbingan keagamaan di balai."),
];

/** Document frequencies of the passages' own terms. */
function stats(passages: Passage[]): TermStats {
  const df: Record<string, number> = {};
  for (const p of passages) for (const t of new Set(analyze(p.text).canonical)) df[t] = (df[t] ?? 0) + 1;
  return { documents: passages.length, df };
}
const STATS = stats(PASSAGES);
const index = { documents: [], studies: [] };

describe("weighQuestion", () => {
  it("weighs a rare word more than a common one", () => {
    const w = weighQuestion("koordinasi anak", stats([...PASSAGES, passage("d", "anak anak anak"), passage("e", "anak")]));
    const weight = (t: string) => w.find((x) => x.term === t)!.weight;
    expect(weight("koordinasi")).toBeGreaterThan(weight("anak"));
  });

  it("counts an English word through its Indonesian translation", () => {
    const w = weighQuestion("coordination", STATS);
    expect(w[0].unknown).toBe(false);
    expect(w[0].alternatives).toContain("koordinasi");
  });

  it("does not read a short name in capitals as the common word it stems like ('US' is not 'use')", () => {
    const passages = [passage("u", "Penggunaan metode kualitatif dalam program di Amerika Serikat.")];
    const [us] = weighQuestion("What did the programs in the US achieve?", stats(passages)).filter((w) => w.term === "us");
    expect(us.alternatives).not.toContain("guna");
    const [use] = weighQuestion("What methods did the programs use?", stats(passages)).filter((w) => w.term === "us");
    expect(use.alternatives).toContain("guna");
  });

  it("marks a capitalised unknown word as a salient name, and an unknown ordinary word as not salient", () => {
    const w = weighQuestion("What about coordination in Thailand and the recipe", STATS);
    expect(w.find((x) => x.term.startsWith("thailand"))?.salience).toBe("name");
    expect(w.find((x) => x.term.startsWith("recip"))?.salient).toBe(false);
  });

  it("weighs the words that name the study a quarter", () => {
    const plain = weighQuestion("mentor program", STATS).find((x) => x.term === "mentor")!.weight;
    const named = weighQuestion("mentor program", STATS, { identity: new Set(["mentor"]) }).find((x) => x.term === "mentor")!.weight;
    expect(named).toBeCloseTo(plain * EVIDENCE_WEIGHTS.identity);
  });

  it("counts a word an English document never uses in full when the question is weighed against that document", () => {
    const english = stats([passage("t", "A good implementation keeps the interpreter fast.", { lang: "en" })]);
    const loose = weighQuestion("good recipe for rendang", english);
    const strict = weighQuestion("good recipe for rendang", english, { sameLanguage: true });
    const weight = (w: ReturnType<typeof weighQuestion>, t: string) => w.find((x) => x.term.startsWith(t))!.weight;
    expect(weight(strict, "recip")).toBeCloseTo(weight(loose, "recip") / EVIDENCE_WEIGHTS.unknownWord);
    expect(weight(strict, "good")).toBeCloseTo(weight(loose, "good"));
  });

  it("gives filler words no weight at all", () => {
    expect(weighQuestion("tolong jelaskan koordinasi", STATS, { filler: new Set(["tolong", "jelas"]) }).map((w) => w.term)).toEqual(["koordinasi"]);
  });
  it("weighs a hyphenated compound by its parts, not also as one glued word, and never weighs 'its'", () => {
    const terms = weighQuestion("What are its reinforcement-learning actions?", STATS).map((w) => w.term);
    expect(terms).toEqual(expect.arrayContaining(["reinforc", "learn", "action"]));
    expect(terms.filter((t) => t.startsWith("reinforc") && t.endsWith("learn"))).toEqual([]);
    expect(terms).not.toContain("it");
  });
});

describe("phrases and alternatives in a question", () => {
  const texts = [
    "Anak-anak bekerja untuk membantu pekerjaan keluarga.",
    "Adanya kerja sama antara UNICEF dengan pemerintah menjadi faktor pendukung.",
    "Lemahnya koordinasi antar anggota Gugus Tugas.",
    "Programnya sama seperti tahun lalu.",
  ];
  const all = texts.map((t, i) => passage(`k${i}`, t));
  const covered = (q: string) => sentencesOf(all).map((s) => coverage(s, weighQuestion(q, stats(all))));

  it("finds a lexicon phrase of several words only whole: 'pekerjaan ... sama' is no 'kerja sama', nor 'cooperation'", () => {
    for (const q of ["kerja sama", "cooperation"]) {
      const [work, cooperation, , same] = covered(q);
      expect(work).toBe(0);
      expect(same).toBe(0);
      expect(cooperation).toBe(1);
    }
    // both words in one sentence, apart, are not the phrase either
    const apart = passage("apart", "Pekerjaan anak-anak itu sama beratnya dengan orang dewasa.");
    expect(coverage(sentencesOf([apart])[0], weighQuestion("kerja sama", stats([...all, apart])))).toBe(0);
    // a word the question also uses on its own is not bound to the phrase
    expect(weighQuestion("pekerjaan anak dan kerja sama", stats(all)).find((w) => w.term === "kerja")?.phrases).toBeUndefined();
    // a corpus lexicon that also writes the phrase as one word ("kerjasama") leaves it bound, and that word covers it
    // (Test files share workers: the lexicon another test loaded is put back.)
    const before = corpusLexiconInUse();
    useCorpusLexicon("kerjasama\tcooperation; kerja sama");
    try {
      expect(covered("kerja sama")[0]).toBe(0);
      const glued = passage("g", "Kerjasama ini bergerak di bidang sosial.");
      expect(coverage(sentencesOf([glued])[0], weighQuestion("kerja sama", stats([...all, glued])))).toBe(1);
    } finally {
      useCorpusLexicon(before.text, before.name);
    }
  });

  it("takes concepts offered as alternatives ('koordinasi atau kerja sama', 'a/b') as one: either covers it", () => {
    const w = weighQuestion("koordinasi atau kerja sama", stats(all));
    expect(w).toHaveLength(1);
    const [, cooperation, coordination] = covered("koordinasi atau kerja sama");
    expect(cooperation).toBe(1);
    expect(coordination).toBe(1);
    expect(weighQuestion("koordinasi/pemerintah", stats(all))).toHaveLength(1);
    // without 'atau', both are asked
    expect(covered("koordinasi kerja sama")[1]).toBeLessThan(1);
  });
});

describe("coverage and ranking", () => {
  it("a sentence with every question word covers it fully; one with none, not at all", () => {
    const w = weighQuestion("lemahnya koordinasi", STATS);
    const [first, second] = sentencesOf([PASSAGES[0]]);
    expect(coverage(first, w)).toBe(1);
    expect(coverage(second, w)).toBe(0);
  });

  it("ranks the sentence that gives a reason first for a why-question, among equally covering ones", () => {
    const p = passage("w", "Koordinasi di daerah itu lemah sekali. Koordinasi lemah karena anggaran tidak cukup.");
    const q = analyzeQuestion("Mengapa koordinasi lemah?", index);
    const ranked = scoreSentences(sentencesOf([p]), weighQuestion(q.text, stats([p])), q, 1);
    expect(ranked[0].text).toMatch(/karena/);
    const plain = scoreSentences(sentencesOf([p]), weighQuestion("koordinasi lemah", stats([p])), analyzeQuestion("koordinasi lemah", index), 1);
    expect(plain[0].score).toBeCloseTo(plain[1].score);
  });

  it("ranks the sentence with a number first for a how-many question", () => {
    const q = analyzeQuestion("Berapa persen remaja mentor setelah 12 bulan?", index);
    const ranked = scoreSentences(sentencesOf([PASSAGES[1]]), weighQuestion(q.text, STATS), q, 1);
    expect(ranked[0].text).toMatch(/72%/);
  });

  it("ranks first, for a question asking for several items, the sentence that names them after the noun asked", () => {
    const text = "We build the system from LLM agents trained with reinforcement learning. The system consists of two LLM agents: the Crawler and the Selector.";
    const p = passage("p", text, { lang: "en" });
    for (const asked of ["What agents does the system have?", "Agen apa saja yang ada di sistem itu?"]) {
      const q = analyzeQuestion(asked, index);
      const ranked = scoreSentences(sentencesOf([p]), weighQuestion(q.text, stats([p])), q, 1);
      expect(ranked[0].text, asked).toMatch(/^The system consists/);
    }
    // a clause after "such as" names one thing, not a list
    expect(introducesItems("benchmark suites such as SpecJVM98 used to evaluate desktop and server Java VMs", new Set(analyze("benchmarks").canonical))).toBe(false);
    expect(introducesItems("several baselines including Google, Google Scholar and ChatGPT", new Set(analyze("baselines").canonical))).toBe(true);
  });

  it("reads the items a sentence names after the noun asked, only when each is short and the list is whole", () => {
    const agents = new Set(analyze("agents").canonical);
    expect(itemsNamed("PaSa consists of two LLM agents: the Crawler and the Selector.", agents)).toEqual(["Crawler", "Selector"]);
    expect(itemsNamed("several baselines including Google, Google Scholar, and ChatGPT", new Set(analyze("baselines").canonical))).toEqual(["Google", "Google Scholar", "ChatGPT"]);
    // another noun's items, a long clause, a list that goes on in bullets: none
    expect(itemsNamed("two datasets: AutoScholarQuery and RealScholarQuery", agents)).toEqual([]);
    expect(itemsNamed("agents such as a crawler that reads every paper it is given in full and a selector", agents)).toEqual([]);
    expect(itemsNamed("the following agents: • Crawler. • Selector.", agents)).toEqual([]);
  });

  it("counts a heading's words for its sentences when the question names the heading whole, and not otherwise", () => {
    const plans = passage("f", "We currently do not trace across recursive function calls, but plan to add the support.", { lang: "en", heading: "10. Future Work" });
    const other = passage("o", "We plan to apply this technique as future work.", { lang: "en", heading: "6.2 Trace Stitching" });
    const all = [plans, other];
    const q = analyzeQuestion("What future work do the authors list?", index);
    const ranked = scoreSentences(sentencesOf(all), weighQuestion(q.text, stats(all)), q, 2);
    const underHeading = ranked.find((s) => s.passage.id === "f")!;
    expect(underHeading.coverage).toBe(ranked.find((s) => s.passage.id === "o")!.coverage);
    expect(underHeading.fromHeading?.size).toBeGreaterThan(0);
    // "future plans" does not name "Future Work" whole: the sentence has only its own words
    const crawler = analyzeQuestion("What future plans does the Crawler have?", index);
    const alone = scoreSentences(sentencesOf([plans]), weighQuestion(crawler.text, stats(all)), crawler, 1);
    expect(alone[0].fromHeading).toBeUndefined();
  });

  it("ranks a caption that only labels a table below a sentence that says something, at equal coverage", () => {
    const text = "Table 7: Selector Evaluation. The Selector reads each paper and decides whether it meets the query.";
    const q = analyzeQuestion("What does the Selector do?", index);
    const ranked = scoreSentences(sentencesOf([passage("p", text, { lang: "en" })]), weighQuestion(q.text, stats([passage("p", text)])), q, 1);
    expect(ranked.map((s) => [s.text.slice(0, 12), s.coverage])).toEqual([["The Selector", 1], ["Table 7: Sel", 1]]);
    expect(isCaptionOnly("Figure 1: Architecture of PaSa. The system consists of two agents.")).toBe(false);
  });

  it("ranks the sentence that goes on about an asked item above a list that only names it, unless a list is asked", () => {
    const p = passage("l", "Kegiatan di balai seperti: Konseling individual, Psikoedukasi, Keterampilan hidup, Olahraga dan seni, spiritual. Keterampilan hidup, seperti kegiatan praktis harian, kebersihan diri, merias diri.");
    const q = analyzeQuestion("Keterampilan hidup itu isinya apa?", index);
    const ranked = scoreSentences(sentencesOf([p]), weighQuestion(q.text, stats([p])), q, 1);
    expect(ranked[0].text).toMatch(/^Keterampilan hidup, seperti/);
    expect(ranked[1].coverage).toBe(ranked[0].coverage);
    const list = analyzeQuestion("Apa saja keterampilan hidup itu?", index);
    expect(list.list).toBe(true);
    const [a, b] = scoreSentences(sentencesOf([p]), weighQuestion(list.text, stats([p])), list, 1);
    expect(a.score).toBeCloseTo(b.score);
  });

  it("finds a lexicon phrase inside a longer one: commercial sexual exploitation is a sexual exploitation", () => {
    const before = corpusLexiconInUse();
    useCorpusLexicon("eksploitasi seksual\tsexual exploitation\neksploitasi seksual komersial\tcommercial sexual exploitation; cse");
    try {
      const [w] = weighQuestion("sexual exploitation", stats([passage("x", "eksploitasi seksual komersial (CSE) dan eksploitasi seksual")])).filter((x) => x.phrases);
      expect(w.phrases).toContainEqual(["eksploitasi", "seksual"]);
      const [cse] = sentencesOf([passage("s", "Anak yang diperdagangkan banyak yang di jadikan eksploitasi seksual komersial (CSE).")]);
      expect(hasTerm(w, cse.terms, cse.phrases)).toBe(true);
      const [apart] = sentencesOf([passage("t", "Seksual dan eksploitasi dibahas terpisah: komersial.")]);
      expect(hasTerm(w, apart.terms, apart.phrases)).toBe(false);
    } finally {
      useCorpusLexicon(before.text, before.name);
    }
  });

  it("reads a table row's cells as its sentences", () => {
    const row = passage("r", "Google scholar\nJudul studi\n2016", { kind: "table-row", cells: [{ column: "Database", field: "database", start: 0, end: 14 }, { column: "Judul", field: "title", start: 15, end: 26 }, { column: "Tahun", field: "year", start: 27, end: 31 }] });
    expect(sentencesOf([row]).map((s) => s.text)).toEqual(["Google scholar", "Judul studi", "2016"]);
  });

  it("measures overlap on the smaller sentence", () => {
    expect(overlap(new Set(["a", "b"]), new Set(["a", "b", "c", "d"]))).toBe(1);
    expect(overlap(new Set(["a"]), new Set(["b"]))).toBe(0);
  });
});

describe("a study's statement of its own aim or method", () => {
  it("ranks below a finding when the question asks what the study found, and not when it asks the aim", () => {
    // The aim and the method share the finding's words and its cue ("mengungkapkan"): only what they state sets them apart.
    const p = passage("am", "Tujuan dari penelitian ini untuk mengungkapkan pengalaman penyintas. Hal ini dicapai dengan memanfaatkan metode penelitian kualitatif yang mengungkapkan pengalaman penyintas. Proyek ini mengungkapkan enam konsep pengalaman penyintas.");
    const rank = (text: string) => scoreSentences(sentencesOf([p]), weighQuestion(text, stats([p])), analyzeQuestion(text, index), 1).map((s) => s.text.split(" ")[0]);
    expect(rank("Apa temuan tentang pengalaman penyintas?")[0]).toBe("Proyek");
    expect(rank("Apa tujuan penelitian tentang pengalaman penyintas?")[0]).toBe("Tujuan");
    expect(rank("Apa metode penelitian tentang pengalaman penyintas?")[0]).not.toBe("Proyek");
  });
});

describe("wantedCues", () => {
  it("hears what something is for as asking its aim", () => {
    for (const q of ["What is the Development Bank program for?", "Program PKSA itu untuk apa?", "What was the program supposed to do?"]) {
      expect(wantedCues(analyzeQuestion(q, index)).has("aim"), q).toBe(true);
    }
    expect(wantedCues(analyzeQuestion("What did the program find?", index)).has("aim")).toBe(false);
  });
});

describe("decideAbstention", () => {
  const rank = (question: string) => {
    const q = analyzeQuestion(question, index);
    const w = weighQuestion(q.text, STATS);
    return { q, w, ranked: scoreSentences(sentencesOf(PASSAGES), w, q, PASSAGES.length) };
  };

  it("answers when a sentence covers the question", () => {
    const { q, w, ranked } = rank("Apa penyebab lemahnya koordinasi Gugus Tugas?");
    expect(decideAbstention(ranked, w, { answerTypes: q.answerTypes, namedStudy: false }).abstain).toBe(false);
  });

  it("abstains on a place the corpus never mentions", () => {
    const { q, w, ranked } = rank("Bagaimana koordinasi Gugus Tugas di Thailand?");
    const d = decideAbstention(ranked, w, { answerTypes: q.answerTypes, namedStudy: false });
    expect(d.abstain).toBe(true);
    expect(d.reason).toMatch(/thailand/);
  });

  it("abstains when nothing covers enough of the question", () => {
    const { q, w, ranked } = rank("recipe beef rendang cooking");
    expect(decideAbstention(ranked, w, { answerTypes: q.answerTypes, namedStudy: false }).abstain).toBe(true);
  });

  it("takes a p-value's own words ('statistically significant') as the type asked, not a word the text must use", () => {
    const withP = [passage("p", "Dalam program mentor, pada awal 72% remaja berpengalaman eksploitasi dan setelah 12 bulan menjadi 14% (p<0,001).")];
    const q = analyzeQuestion("Was the mentor program's drop statistically significant?", index);
    expect(q.answerTypes).toContain("pvalue");
    const w = weighQuestion(q.text, STATS);
    const ranked = scoreSentences(sentencesOf(withP), w, q, withP.length);
    expect(decideAbstention(ranked, w, { answerTypes: q.answerTypes, namedStudy: false, typed: q.typedStems }).abstain).toBe(false);
    // without a p-value the type is missing, whatever words it shares
    const { ranked: none } = rank(q.text);
    expect(decideAbstention(none, w, { answerTypes: q.answerTypes, namedStudy: false, typed: q.typedStems })).toMatchObject({ abstain: true, missingTypes: ["pvalue"] });
  });

  it("does not take a noun that frames the question ('role', 'peran') as a word the text must use", () => {
    for (const question of ["What is the role of the mentor?", "Apa peran mentor?"]) {
      const { q, w, ranked } = rank(question);
      expect(w.find((t) => t.unknown)?.salient, question).toBe(true);
      expect(decideAbstention(ranked, w, { answerTypes: q.answerTypes, namedStudy: false }).abstain, question).toBe(false);
    }
  });

  it("abstains when the question asks for a cost and no sentence gives one", () => {
    const { q, w, ranked } = rank("Berapa biaya program mentor untuk remaja?");
    expect(q.answerTypes).toContain("cost");
    const d = decideAbstention(ranked, w, { answerTypes: q.answerTypes, namedStudy: false });
    expect(d).toMatchObject({ abstain: true, missingTypes: ["cost"] });
  });

  it("asks for a sample size in the Indonesian possessive too ('Berapa partisipannya?')", () => {
    expect(analyzeQuestion("Berapa partisipannya?", index).answerTypes).toContain("sample");
    expect(analyzeQuestion("Jumlah respondennya berapa?", index).answerTypes).toContain("sample");
  });

  it("asks for contact details when a call is asked of whom or with a number, not when a program calls a tool", () => {
    expect(analyzeQuestion("Who should a victim call?", index).answerTypes).toContain("contact");
    expect(analyzeQuestion("What number can victims call for help?", index).answerTypes).toContain("contact");
    expect(analyzeQuestion("What tool does the Crawler call to search?", index).answerTypes).not.toContain("contact");
  });

  it("asks for an opinion of the people a text reports on, and not of its authors, whose view is what it says", () => {
    expect(analyzeQuestion("Apa pendapat anak-anak penerima PKSA tentang program itu?", index).answerTypes).toContain("opinion");
    expect(analyzeQuestion("How satisfied were the mentors with the program?", index).answerTypes).toContain("opinion");
    expect(analyzeQuestion("Apa pendapat penulis review tentang program pemerintah?", index).answerTypes).not.toContain("opinion");
    expect(analyzeQuestion("What is this review's opinion on shelters?", index).answerTypes).not.toContain("opinion");
  });

  it("does not answer 'how many X?' about a named study from a number in a sentence off the topic", () => {
    // Passage b (the named study) has numbers, but not in the sentence about mentors pairing teens.
    const study = passage("s", "Program mentor memasangkan remaja dengan mentor dewasa. Sebanyak 12 sekolah ikut serta pada tahun itu.", { studies: [9] });
    const q = analyzeQuestion("Berapa mentor dewasa yang dipasangkan dengan remaja?", index);
    const w = weighQuestion(q.text, stats([study]));
    const ranked = scoreSentences(sentencesOf([study]), w, q, 1);
    expect(q.answerTypes).toEqual(["amount"]);
    const d = decideAbstention(ranked, w, { answerTypes: q.answerTypes, namedStudy: true });
    expect(d).toMatchObject({ abstain: true, missingTypes: ["amount"] });
  });

  it("weighs an absent concept against what the question is about, not against the name of the document it is asked of", () => {
    // A paper named in the question: every sentence has its name, so it is where to look, not part of the topic.
    const paper = passage("tam", "TAM is a highly cited model. Each study of TAM lacks rigor. Users accept technology.", { lang: "en", docId: "tam.pdf" });
    const q = analyzeQuestion("Which hospital was involved in the TAM study?", index);
    const w = weighQuestion(q.text, stats([paper]), { sameLanguage: true, filler: fillerWordStems() });
    const ranked = scoreSentences(sentencesOf([paper]), w, q, 1);
    expect(decideAbstention(ranked, w, { answerTypes: q.answerTypes, namedStudy: false }).abstain).toBe(false);
    expect(decideAbstention(ranked, w, { answerTypes: q.answerTypes, namedStudy: false, scope: new Set(["tam"]) })).toMatchObject({ abstain: true, notMentioned: ["hospital"] });
  });

  it("says what kind of value is missing when the question's topic is absent too", () => {
    const { q, w, ranked } = rank("Berapa biaya program vaksinasi rabies?");
    const d = decideAbstention(ranked, w, { answerTypes: q.answerTypes, namedStudy: false });
    expect(d).toMatchObject({ abstain: true, missingTypes: ["cost"] });
  });

  it("says which names of a question it answers anyway the text never mentions, not which concept words", () => {
    // Scoped to a study, "PRISMA" does not make it unanswerable; "sesi" (session) is a word the lexicon knows
    // that the text does not use, and only a way of asking.
    const { q, w, ranked } = rank("Apakah sesi koordinasi Gugus Tugas memakai PRISMA?");
    expect(w.filter((x) => x.salient && x.salience === "concept").map((x) => x.term)).toContain("sesi");
    expect(w.filter((x) => x.salient && x.salience === "name").map((x) => x.term)).toEqual(["prisma"]);
    const d = decideAbstention(ranked, w, { answerTypes: q.answerTypes, namedStudy: true });
    expect(d).toMatchObject({ abstain: false, notMentioned: ["prisma"] });
  });

  it("abstains on a name the text never writes when, beside the study it names, that name is all the question asks", () => {
    // (The study's name is no topic of the question: "mentor program" names it here, as "MLMC" would.)
    const { q, w, ranked } = rank("What did the mentor program say about ECPAT?");
    expect(decideAbstention(ranked, w, { answerTypes: q.answerTypes, namedStudy: true, topic: new Set(["ecpat"]) })).toMatchObject({ abstain: true, notMentioned: ["ecpat"] });
    expect(decideAbstention(ranked, w, { answerTypes: q.answerTypes, namedStudy: true }).abstain).toBe(false);
    // with more to ask, the rest is answered and the name said to be missing (as for PRISMA above)
    const more = rank("Apakah sesi koordinasi Gugus Tugas memakai PRISMA?");
    expect(decideAbstention(more.ranked, more.w, { answerTypes: more.q.answerTypes, namedStudy: true, topic: new Set(more.q.topic) }).abstain).toBe(false);
  });

  it("answers a how-many question about a named study from the study's own numbers", () => {
    const { q, w, ranked } = rank("Berapa persen remaja setelah 12 bulan?");
    const named = ranked.map((s) => ({ ...s, passage: { ...s.passage, studies: s.passage.id === "b" ? [9] : [] } }));
    expect(decideAbstention(named, w, { answerTypes: q.answerTypes, namedStudy: true }, ABSTAIN).abstain).toBe(false);
  });

  it("abstains when most of the question is concepts the text never uses, however well the rest is covered", () => {
    // "licence" and "released" are lexicon concepts none of the passages uses; "mentor program" is covered.
    const { q, w, ranked } = rank("What licence is the mentor program released under?");
    expect(w.filter((x) => x.salience === "concept").map((x) => x.term)).toEqual(expect.arrayContaining(["licenc", "releas"]));
    expect(decideAbstention(ranked, w, { answerTypes: q.answerTypes, namedStudy: false })).toMatchObject({ abstain: true });
    expect(decideAbstention(ranked, w, { answerTypes: q.answerTypes, namedStudy: false }, { ...ABSTAIN, absentConcepts: 1.01 }).abstain).toBe(false);
  });

  it("answers a count only with a number beside what it counts, and a share only from a sentence naming what it is a share of", () => {
    const study = passage("s", "Proyek ini mengungkapkan total 27 tema dan 11 kategori. Pengalaman anak usia dini dibicarakan dengan peserta.", { studies: [8] });
    const w1 = (text: string) => {
      const q = analyzeQuestion(text, index);
      const w = weighQuestion(q.text, stats([study]));
      const counted = new Set(q.counted.flatMap((t) => [t, ...(w.find((x) => x.term === t)?.alternatives ?? [])]));
      // The value check alone: "usia" is a word these stats do not have, which the absent-concepts rule would catch first.
      return decideAbstention(scoreSentences(sentencesOf([study]), w, q, 1), w, { answerTypes: q.answerTypes, namedStudy: true, counted }, { ...ABSTAIN, absentConcepts: 1.01 });
    };
    expect(w1("Berapa usia anak?")).toMatchObject({ abstain: true, missingTypes: ["amount"] });
    expect(w1("Berapa tema yang ditemukan?").abstain).toBe(false);
    // "72% ..." is a share of teens: asked for the dropout rate, it is no answer.
    const q = analyzeQuestion("What was the dropout rate of the teens?", index);
    expect(q.answerTypes).toContain("prevalence");
    expect(q.counted).toContain("dropout");
    const w = weighQuestion(q.text, STATS);
    const ranked = scoreSentences(sentencesOf(PASSAGES), w, q, PASSAGES.length).map((s) => ({ ...s, passage: { ...s.passage, studies: [9] } }));
    const valueCheckOnly = { ...ABSTAIN, absentConcepts: 1.01 };
    expect(decideAbstention(ranked, w, { answerTypes: q.answerTypes, namedStudy: true, counted: new Set(q.counted) }, valueCheckOnly)).toMatchObject({ abstain: true, missingTypes: ["prevalence"] });
    expect(decideAbstention(ranked, w, { answerTypes: q.answerTypes, namedStudy: true }, valueCheckOnly).abstain).toBe(false);
  });
});

describe("definition questions", () => {
  const term = (text: string) => definiendum(analyzeQuestion(text, index));

  it("reads 'apa maksud X?' as asking what X means", () => {
    expect(definiendum(analyzeQuestion("apa maksud isolasi sistemik?", index))).toEqual(["isolasi", "sistemik"]);
  });

  it("finds the term a definition question asks about, in either language, and none in other questions", () => {
    expect(term("What is the Selector?")).toEqual(["Selector"]);
    expect(term("What is a typed trace in the TraceMonkey paper?")).toEqual(["typed", "trace"]);
    expect(term("What does the Selector do?")).toEqual(["Selector"]);
    expect(term("What does the Crawler do in PaSa?")).toEqual(["Crawler"]);
    expect(term("What does type specialization mean?")).toEqual(["type", "specialization"]);
    expect(term("What are shelter homes, and who runs them?")).toEqual(["shelter", "homes"]);
    expect(term("Apa itu rehabilitasi sosial?")).toEqual(["rehabilitasi", "sosial"]);
    expect(term("Gugus Tugas itu apa sih?")).toEqual(["Gugus", "Tugas"]);
    expect(term("Konsep isolasi sistemik di studi 8 maksudnya apa?")).toEqual(["isolasi", "sistemik"]);
    // the name of a document in the index is no topic word, and still the term asked about
    expect(definiendum(analyzeQuestion("PaSa itu apa sih?", SYNTHETIC_INDEX))).toEqual(["PaSa"]);
    expect(definiendum(analyzeQuestion("Apa itu PaSa?", SYNTHETIC_INDEX))).toEqual(["PaSa"]);
    // the role or function of a thing is what it does: the thing is the term
    expect(term("What is the role of the Selector in PaSa?")).toEqual(["Selector"]);
    expect(term("What is the Selector's role?")).toEqual(["Selector"]);
    expect(term("Apa peran Selector di PaSa?")).toEqual(["Selector"]);
    expect(term("Apa fungsi mentor dewasa dalam program MLMC?")).toEqual(["mentor", "dewasa"]);
    expect(term("What is the role of Save the Children in West Java?")).toEqual(["Save", "the", "Children"]);
    expect(term("Bagaimana peran Save the Children di Jawa Barat?")).toEqual(["Save", "the", "Children"]);
    expect(term("What is the definition of child trafficking?")).toEqual(["child", "trafficking"]);
    expect(term("How does this review define child trafficking? Is there an age cutoff?")).toEqual(["child", "trafficking"]);
    expect(term("Bagaimana review ini mendefinisikan perdagangan anak?")).toEqual(["perdagangan", "anak"]);
    expect(term("What is the largest sample of any study reported in the tables?")).toEqual([]);
    expect(term("Program-program di Cianjur itu apa saja?")).toEqual([]);
    expect(term("What was the program supposed to do?")).toEqual([]);
    // what an acronym stands for: the acronym, not the word that asks
    expect(term("What does CSE stand for?")).toEqual(["CSE"]);
    expect(term("CSE itu singkatan dari apa?")).toEqual(["CSE"]);
    expect(term("Apa kepanjangan CSE?")).toEqual(["CSE"]);
  });

  it("reads what an acronym stands for where it is spelled out, as written", () => {
    expect(expansionOf("Anak dijadikan eksploitasi seksual\nkomersial (CSE).", "CSE")).toBe("eksploitasi seksual\nkomersial");
    expect(expansionOf("a new session-level PPO (Proximal Policy Optimization (Schulman et al., 2017)) training", "PPO")).toBe("Proximal Policy Optimization");
    // a digit repeats the letter before it; joining words stand for no letter
    expect(expansionOf("Kasus Pusat Pelayanan Terpadu Pemberdayaan Perempuan dan Anak (P2TP2A), adalah", "P2TP2A")).toBe("Pusat Pelayanan Terpadu Pemberdayaan Perempuan dan Anak");
    // brackets that do not spell it
    expect(expansionOf("We train with PPO (see Table 4).", "PPO")).toBeUndefined();
    expect(expansionOf("as reported before (CSE).", "CSE")).toBeUndefined();
  });

  it("reads 'we define X as ...' as defining X", () => {
    expect(termRole("To address this issue, we define a session as a sub-trajectory that begins with a query.", ["session"])).toBe("defines");
    expect(termRole("Pelatihan ini mendefinisikan sesi sebagai rangkaian kegiatan.", ["sesi"])).toBe("defines");
    expect(termRole("We define the reward for each session.", ["session"])).toBeUndefined();
  });

  it("finds where an acronym is spelled out, in either order, and ranks it first when its letters are asked", () => {
    expect(termRole("Anak yang diperdagangkan dijadikan eksploitasi seksual komersial (CSE).", ["CSE"])).toBe("spells");
    expect(termRole("We design a session-level PPO (Proximal Policy Optimization (Schulman et al., 2017)) method.", ["PPO"])).toBe("spells");
    expect(termRole("Remaja dengan risiko CSE yang sangat tinggi.", ["CSE"])).toBeUndefined();
    // brackets that do not spell it: a pointer, a citation
    expect(termRole("We train with PPO (see Table 4).", ["PPO"])).toBeUndefined();
    expect(termRole("(CSE).", ["CSE"])).toBeUndefined();
    const passages = [passage("t", "TAM is a highly cited model. This paper reviews the Technology Acceptance Model (TAM) and its critics.", { lang: "en" })];
    const q = analyzeQuestion("What does TAM stand for?", index);
    const [best] = scoreSentences(sentencesOf(passages), weighQuestion(q.text, stats(passages)), q, 1);
    expect(best.text).toContain("Technology Acceptance Model (TAM)");
  });

  it("tells a sentence that says what the term is or does from one that only names it", () => {
    expect(termRole("A shelter home is a place where survivors stay.", ["shelter", "home"])).toBe("defines");
    expect(termRole("Rehabilitasi sosial adalah proses pemulihan.", ["rehabilitasi", "sosial"])).toBe("defines");
    expect(termRole("This step is called the Selector, a model that reads papers.", ["Selector"])).toBe("defines");
    // the term with its other name before what it is
    expect(termRole("Child trafficking atau perdagangan anak merupakan salah satu isu sosial.", ["child", "trafficking"])).toBe("defines");
    // a run-in heading names what the sentence after it defines
    expect(termRole("3. Isolasi sistemik. Melihat data ini melalui teori sistem menyoroti pemisahan.", ["isolasi", "sistemik"])).toBe("defines");
    expect(termRole("Proyek ini menemukan enam konsep, isolasi sistemik. Dan ketahanan.", ["isolasi", "sistemik"])).not.toBe("defines");
    // a name set off by commas after what it names; a passive verb says what is done to it, not what it is
    expect(termRole("The trace compilation subsystem, NANOJIT, is separate from the VM.", ["nanojit"])).toBe("defines");
    expect(termRole("The side exit is patched so that it jumps directly to the next tree.", ["side", "exit"])).not.toBe("defines");
    expect(termRole("This structure is called the trace tree, a tree of traces.", ["trace", "tree"])).toBe("defines");
    expect(termRole("The Selector reads each paper in the queue.", ["Selector"])).toBe("subject");
    expect(termRole("Table 15: The prompt used with the Selector.", ["Selector"])).toBeUndefined();
    expect(termRole("The Selector Evaluation", ["Selector"])).toBeUndefined();
    expect(termRole("The Crawler and the Selector were trained.", ["Selector"])).toBeUndefined();
    expect(termRole("As the reward model, the performance of the Selector is crucial.", ["Selector"])).toBeUndefined();
    // "crawler" only qualifies "action", which is what the sentence defines.
    expect(termRole("The crawler action refers to the number of actions in a trajectory.", ["Crawler"])).toBeUndefined();
    expect(termRole("The Crawler processes the user query.", ["Crawler"])).toBe("subject");
  });

  it("ranks the sentence that says what the term is over one that names it in a caption", () => {
    const passages = [passage("s", "Table 3: Results of the Selector on the test set. The Selector reads each paper and decides whether it is relevant.", { lang: "en" })];
    const q = analyzeQuestion("What is the Selector?", index);
    const [best] = scoreSentences(sentencesOf(passages), weighQuestion(q.text, stats(passages)), q, 1);
    expect(best.text).toMatch(/^The Selector reads/);
  });
});

describe("hasQuantity", () => {
  it("finds a count or share anywhere in the sentence, past a year that comes first", () => {
    expect(hasQuantity("Sejak Januari hingga April 2021, KPAI telah menangani 35 laporan kasus.")).toBe(true);
    expect(hasQuantity("Furthermore, RL training enhances recall by 6.24% on AutoScholarQuery.")).toBe(true);
    expect(hasQuantity("Proyek ini mengungkapkan enam konsep.")).toBe(true);
  });
  it("does not take a year, or the number of a table, section or page, for a quantity", () => {
    expect(hasQuantity("We perform ablation studies in Table 8 to evaluate the individual contributions.")).toBe(false);
    expect(hasQuantity("The crawler is described in Section 5.1 and Figure 2.")).toBe(false);
    expect(hasQuantity("Program ini dimulai pada tahun 2016.")).toBe(false);
  });
});

describe("isPointerOnly", () => {
  it("tells a sentence that only sends the reader elsewhere from one that says something and cites a table", () => {
    expect(isPointerOnly("For more details please refer to Appendix A.1 for the imitation learning data construction and the prompts used.")).toBe(true);
    expect(isPointerOnly("Related work is discussed in Section 8.")).toBe(true);
    expect(isPointerOnly("See Appendix B for training data collection and training details.")).toBe(true);
    expect(isPointerOnly("Data lengkap dapat dilihat, lihat Lampiran 2.")).toBe(true);
    expect(isPointerOnly("PaSa-7b surpasses PaSa-GPT-4o by 11.12% in recall on the test set, with similar precision, as shown in Table 3 of the main results.")).toBe(false);
    expect(isPointerOnly("Related work is extensive.")).toBe(false);
  });

  it("takes a signpost announcing what its section does for a pointer, not a sentence about the section's subject", () => {
    expect(isPointerOnly("This section explains how trace trees are formed during execution.")).toBe(true);
    expect(isPointerOnly("In this section we describe the design of the Crawler.")).toBe(true);
    expect(isPointerOnly("Bagian ini membahas program perlindungan anak.")).toBe(true);
    expect(isPointerOnly("A trace tree is a tree of traces that share a common loop header.")).toBe(false);
    expect(isPointerOnly("This explains why the recursion cannot be traced.")).toBe(false);
  });
});

describe("table rows", () => {
  // A paper's table of figures: cells named by their columns only.
  const text = "math-spectral-norm 15 20 1.3 7.12x";
  const cell = (column: string, value: string, field: string | null = null) => ({ column, field, start: text.indexOf(value), end: text.indexOf(value) + value.length }) as Passage["cells"][number];
  const dataRow = passage("row", text, {
    kind: "table-row",
    lang: "en",
    cells: [cell("", "math-spectral-norm"), cell("Loops", "15"), cell("Trees", "20"), cell("Traces/Tree", "1.3"), cell("Speedup", "7.12x")],
    context: "Figure 13. Detailed trace recording statistics for the SunSpider benchmark set.\nLoops | Trees | Traces/Tree | Speedup",
  });

  it("reads a data table's row as one sentence that has its columns' and its caption's words", () => {
    const [row, ...others] = sentencesOf([dataRow]);
    expect(others).toEqual([]);
    expect(row.row).toBe(true);
    expect(row.text).toBe(text);
    for (const word of ["speedup", "sunspider"]) expect([...row.terms].some((t) => analyze(word).terms.includes(t)), word).toBe(true);
  });

  it("ranks the row that has the benchmark and the column asked above one that has the benchmark only", () => {
    const other = passage("prose", "The math-spectral-norm benchmark is a short loop over arrays.", { lang: "en" });
    const question = analyzeQuestion("What speedup does the tracer achieve on math-spectral-norm?", index);
    const all = [dataRow, other];
    const ranked = scoreSentences(sentencesOf(all), weighQuestion(question.text, stats(all)), question, 2);
    expect(ranked[0].passage.id).toBe("row");
  });

  it("keeps a sentence per cell in a study table (fields of records) and in a table of long texts", () => {
    const study = passage("study", "Rusyidi 2017 Kualitatif", {
      kind: "table-row",
      cells: [
        { column: "Nama Penulis", field: "authors", start: 0, end: 7 },
        { column: "Tahun", field: "year", start: 8, end: 12 },
        { column: "Metode", field: "design", start: 13, end: 23 },
      ],
    });
    expect(sentencesOf([study]).map((s) => s.text)).toEqual(["Rusyidi", "2017", "Kualitatif"]);
    const prompt = "You are conducting research on the query and need to predict which sections to look at to find more relevant papers";
    const template = passage("template", `prompt ${prompt}`, {
      kind: "table-row",
      cells: [
        { column: "", field: null, start: 0, end: 6 },
        { column: "Expand session", field: null, start: 7, end: 7 + prompt.length },
      ],
    });
    expect(sentencesOf([template]).map((s) => s.row)).toEqual([false, false]);
  });
});

describe("an English word in an Indonesian question, asked of an English document", () => {
  const english = [passage("e1", "The model explains why users accept a technology.", { lang: "en" }), passage("e2", "Adoption was measured by a survey of users.", { lang: "en" })];
  const question = "apa bunyi perceived ease menurut model ini?";

  it("weighs the English words the document never uses in full, and its Indonesian words as before", () => {
    const weights = weighQuestion(question, stats(english), { documentLang: "en" });
    const before = weighQuestion(question, stats(english));
    const weight = (ws: typeof weights, word: string) => ws.find((w) => w.term === analyze(word).terms[0])!.weight;
    expect(weight(weights, "ease")).toBeGreaterThan(weight(before, "ease"));
    expect(weight(weights, "bunyi")).toBe(weight(before, "bunyi"));
    expect(weight(weights, "bunyi")).toBeLessThan(weight(weights, "ease"));
    // So a sentence with only the question's other words covers less of it.
    const best = sentencesOf(english)[0];
    expect(coverage(best, weights)).toBeLessThan(coverage(best, before));
  });
});

describe("footnotes", () => {
  it("ranks a footnote below a sentence of the text that says as much", () => {
    const text = passage("text", "The Selector was trained on the annotated paper set.", { lang: "en" });
    const note = passage("note", "The Selector was trained on the annotated paper set.", { lang: "en", kind: "footnote", id: "note" });
    const question = analyzeQuestion("How was the Selector trained?", index);
    const rank = (first: Passage) => scoreSentences(sentencesOf([first, text]), weighQuestion(question.text, stats([first, text])), question, 1).map((s) => s.passage.id);
    // Retrieved first, the same words as prose win on rank; as a footnote they do not.
    expect(rank({ ...note, kind: "prose" })).toEqual(["note", "text"]);
    expect(rank(note)).toEqual(["text", "note"]);
  });
});

describe("run-in headings", () => {
  const pieces = (text: string) => withRunInHeadings(text, splitSentences(text)).map((s) => text.slice(s.start, s.end));
  it("joins a heading of a few words to the sentence it opens, numbered or not", () => {
    const text = "4. Isolasi sistemik. Melihat data ini melalui teori sistem menyoroti pemisahan dari keluarga. Aborts. Some constructs are difficult to record.";
    expect(pieces(text)).toEqual(["4. Isolasi sistemik. Melihat data ini melalui teori sistem menyoroti pemisahan dari keluarga.", "Aborts. Some constructs are difficult to record."]);
  });
  it("leaves ordinary sentences, and a heading with nothing after it, alone", () => {
    expect(pieces("Penelitian ini kualitatif. Pesertanya enam penyintas dewasa.")).toEqual(["Penelitian ini kualitatif.", "Pesertanya enam penyintas dewasa."]);
    expect(pieces("Hasil.")).toEqual(["Hasil."]);
  });
});
