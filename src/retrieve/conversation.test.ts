/** Follow-ups read against the previous turn (hand-made index, no ingest). */
import { describe, expect, it } from "vitest";
import { SYNTHETIC_INDEX } from "../../test/helpers/synthetic-records.ts";
import { inPlaceOf, languageAsked, resolveFollowUp, type PreviousTurn } from "./conversation.ts";
import { analyzeQuestion, type StudyRef } from "./question.ts";

const ask = (text: string) => analyzeQuestion(text, SYNTHETIC_INDEX);
const ref = (number: number): StudyRef => ({ docId: "review.txt", number });

function previous(text: string, planKind: string, entities: number[]): PreviousTurn {
  const question = ask(text);
  return { question, planKind, fields: question.asks, entities: entities.map(ref) };
}

describe("resolveFollowUp", () => {
  it("leaves a first question alone", () => {
    const r = resolveFollowUp(ask("Who wrote study 2?"), undefined);
    expect(r.followUp).toBe(false);
    expect(r.question.studies.map((s) => s.number)).toEqual([2]);
  });

  it("does not read 'ini' in 'menurut review ini' as pointing back at the study the previous answer was about", () => {
    const before = previous("How many girls has study 3 served?", "explain", [3]);
    const r = resolveFollowUp(ask("Apa saja bentuk eksploitasi anak menurut review ini?"), before);
    expect(r.question.pointsBack).toBeNull();
    expect(r.question.studies).toEqual([]);
    // "this study" still does
    expect(resolveFollowUp(ask("what did this study find?"), before).question.studies.map((s) => s.number)).toEqual([3]);
  });

  it("keeps a follow-up with the one document the previous answer quoted, unless it names its own", () => {
    const before = { ...previous("Who wrote the TAM review?", "review-meta", []), document: "tam.pdf" };
    expect(resolveFollowUp(ask("when was it published?"), before).question.docs).toEqual(["tam.pdf"]);
    // "this review" is the review the question names, not the paper before
    expect(resolveFollowUp(ask("and when was this review published?"), before).question.docs).not.toEqual(["tam.pdf"]);
    // no document carried when the previous answer quoted several (or the index has one)
    expect(resolveFollowUp(ask("when was it published?"), previous("Who wrote the TAM review?", "review-meta", [])).question.docs).toEqual([]);
  });

  it("takes 'the authors', 'this paper' after an answer from one document as that document's", () => {
    const before = { ...previous("What is the TraceMonkey paper about?", "explain", []), document: "tracemonkey.pdf" };
    expect(resolveFollowUp(ask("who are the authors?"), before).question.docs).toEqual(["tracemonkey.pdf"]);
    expect(resolveFollowUp(ask("what does this paper conclude?"), before).question.docs).toEqual(["tracemonkey.pdf"]);
    // "this review" still names the review
    expect(resolveFollowUp(ask("who are the authors of this review?"), before).question.docs).not.toEqual(["tracemonkey.pdf"]);
  });

  it("picks among the studies a list named with a relative clause ('yang di Indonesia ...', 'the one in Indonesia')", () => {
    const listed = previous("Which studies involve UNICEF?", "list", [2, 4]);
    for (const q of ["yang di Indonesia programnya apa?", "the one in Indonesia, what was its program?"]) {
      expect(resolveFollowUp(ask(q), listed), q).toMatchObject({ carryKind: "list", within: [ref(2), ref(4)] });
    }
    // "kalau di Indonesia gimana?" changes the subject instead
    expect(resolveFollowUp(ask("kalau di Indonesia gimana?"), listed).within).toBeUndefined();
  });

  it("lists what a count counted when asked to name them", () => {
    const counted = { ...previous("Berapa studi yang kualitatif?", "count", []), filters: [{ field: "design" as const, key: "qualitative", text: "kualitatif" }] };
    for (const q of ["sebutin dong", "which ones?", "list them"]) {
      expect(resolveFollowUp(ask(q), counted), q).toMatchObject({ carryKind: "list", carryFilters: counted.filters });
    }
    // a list of something else is its own question
    expect(resolveFollowUp(ask("list the countries"), counted).carryKind).not.toBe("list");
  });

  it("reads 'terbit di jurnal apa?' after a question about one study as asking that study's journal", () => {
    const r = resolveFollowUp(ask("terbit di jurnal apa?"), previous("Siapa penulis studi 2?", "lookup", [2]));
    expect(r.question.asks).toEqual(["venue"]);
    expect(r.question.studies.map((s) => s.number)).toEqual([2]);
  });

  it("does not take a document's field over into a short question about a topic of its own", () => {
    const before = { ...previous("Who wrote the PaSa paper?", "review-meta", []), document: "pasa.pdf" };
    expect(before.fields).toEqual(["authors"]);
    expect(resolveFollowUp(ask("What is PPO?"), before).question.asks).toEqual([]);
    // ... while "and when?" or another document named asks the same of it
    expect(resolveFollowUp(ask("and the review?"), before).question.asks).toEqual(["authors"]);
    // ... and a short question after a study's findings still asks of that study
    expect(resolveFollowUp(ask("terus solusinya apa?"), previous("What did study 3 find?", "lookup", [3])).question.asks).toEqual(["outcomes"]);
  });

  it("reads 'it' after an answer that names the oldest study and the most recent as the one asked for", () => {
    const oldest = { ...previous("Which study is the oldest?", "aggregate", [3, 1]), focus: [ref(3)] };
    expect(resolveFollowUp(ask("what did it find?"), oldest).question.studies.map((s) => s.number)).toEqual([3]);
    // with no focus, two studies named leave 'it' unresolved
    expect(resolveFollowUp(ask("what did it find?"), previous("Which study is the oldest?", "aggregate", [3, 1])).question.studies).toEqual([]);
  });

  it("reads 'the second one' and 'yang kedua' as the second study the previous answer listed", () => {
    const list = previous("Which studies were qualitative?", "list", [1, 2, 4]);
    expect(resolveFollowUp(ask("who wrote the second one?"), list).question.studies.map((s) => s.number)).toEqual([2]);
    expect(resolveFollowUp(ask("yang kedua siapa penulisnya?"), list).question.studies.map((s) => s.number)).toEqual([2]);
    expect(resolveFollowUp(ask("and the last one?"), list).question.studies.map((s) => s.number)).toEqual([4]);
  });

  it("reads 'and the second?' after a question about the first item as the list's second item", () => {
    const first = { ...previous("what did the first one find?", "lookup", [1]), lastList: [1, 2, 4].map(ref) };
    const r = resolveFollowUp(ask("and the second?"), first);
    expect(r.question.studies.map((s) => s.number)).toEqual([2]);
    expect(r.studiesFrom).toBe("ordinal");
  });

  it("does not carry the previous question's field into a follow-up that names a section of its own", () => {
    const years = previous("When were the studies published?", "aggregate", [1, 2, 3, 4]);
    expect(resolveFollowUp(ask("Apa kesimpulan tinjauan ini?"), years).question.asks).toEqual([]);
    expect(resolveFollowUp(ask("and study 4?"), previous("When was study 2 published?", "lookup", [2])).question.asks).toContain("year");
  });

  it("reads 'which one is the oldest?' and 'yang mana yang paling baru?' as the extreme among the studies listed", () => {
    const list = previous("Which studies were qualitative?", "list", [1, 2, 4]);
    for (const text of ["which one is the oldest?", "yang mana yang paling baru?"]) {
      const r = resolveFollowUp(ask(text), list);
      expect(r.within?.map((s) => s.number), text).toEqual([1, 2, 4]);
      expect(r.carryKind).toBe("aggregate");
    }
  });

  it("reads 'and the newest?' after the oldest as the other extreme of the studies, not a question about the oldest", () => {
    const oldest = { ...previous("Which study is the oldest?", "aggregate", [3]), focus: [ref(3)] };
    for (const text of ["and the newest?", "kalau yang paling baru?"]) {
      const r = resolveFollowUp(ask(text), oldest);
      expect(r.carryKind, text).toBe("aggregate");
      expect(r.question.studies, text).toEqual([]);
    }
    // a question about the oldest study itself still goes to it
    expect(resolveFollowUp(ask("who wrote it?"), oldest).question.studies.map((s) => s.number)).toEqual([3]);
  });

  it("reads 'and the fewest?' after the most participants as the other extreme of the same measure", () => {
    const most = { ...previous("Which study had the most participants?", "aggregate", [3, 4]), focus: [ref(3)] };
    const r = resolveFollowUp(ask("and the fewest?"), most);
    expect(r.carryKind).toBe("aggregate");
    expect(r.question.superlative).toBe("min");
    expect(r.question.answerTypes).toContain("sample");
  });

  it("asks a field of what was studied of all the studies, not of the one just discussed, unless a pronoun points back", () => {
    const about = previous("Tell me about study 3", "lookup", [3]);
    expect(resolveFollowUp(ask("How many countries were studied?"), about).question.studies).toEqual([]);
    expect(resolveFollowUp(ask("Negara apa saja yang diteliti?"), about).question.studies).toEqual([]);
    expect(resolveFollowUp(ask("what countries did it study?"), about).question.studies.map((s) => s.number)).toEqual([3]);
  });

  it("reads 'which one is newer?' after a comparison as the extreme of the studies compared", () => {
    const r = resolveFollowUp(ask("which one is newer?"), previous("Compare study 1 and study 4", "compare", [1, 4]));
    expect(r.within?.map((s) => s.number)).toEqual([1, 4]);
    expect(r.carryKind).toBe("aggregate");
  });

  it("reads a pronoun as the study the previous turn was about, and keeps what it asked", () => {
    const about = previous("What did the MLMC study find?", "lookup", [3]);
    const r = resolveFollowUp(ask("who wrote it?"), about);
    expect(r.question.studies.map((s) => s.number)).toEqual([3]);
    expect(r.question.asks).toContain("authors");
    const ellipsis = resolveFollowUp(ask("dan hasilnya?"), previous("Siapa penulis studi Rafferty?", "lookup", [2]));
    expect(ellipsis.question.studies.map((s) => s.number)).toEqual([2]);
    expect(ellipsis.question.asks).toContain("outcomes");
  });

  it("carries the previous field to a short question that names another study", () => {
    const r = resolveFollowUp(ask("and study 4?"), previous("Who wrote study 2?", "lookup", [2]));
    expect(r.question.studies.map((s) => s.number)).toEqual([4]);
    expect(r.question.asks).toEqual(["authors"]);
  });

  it("drops the old study when the subject changes to a new value", () => {
    const r = resolveFollowUp(ask("kalau di Indonesia gimana?"), previous("Which studies took place in the United States?", "list", [3]));
    expect(r.question.studies).toEqual([]);
    expect(r.question.values.map((v) => v.key)).toContain("ID");
    expect(r.carryKind).toBe("list");
  });

  it("takes 'which of those ...?' with a value from the previous answer's studies, as a list or a count", () => {
    const listed = previous("Which studies were qualitative?", "list", [1, 2, 4]);
    const those = resolveFollowUp(ask("which of those were done in Indonesia?"), listed);
    expect(those.within?.map((s) => s.number)).toEqual([1, 2, 4]);
    expect(those.carryKind).toBe("list");
    const howMany = resolveFollowUp(ask("berapa dari mereka yang pakai wawancara?"), listed);
    expect(howMany.within?.map((s) => s.number)).toEqual([1, 2, 4]);
    expect(howMany.carryKind).toBe("count");
    expect(resolveFollowUp(ask("yang mana dari itu yang di Indonesia?"), listed).within?.map((s) => s.number)).toEqual([1, 2, 4]);
    // A new value with no pointer is a new subject: all the studies again.
    expect(resolveFollowUp(ask("kalau di Indonesia gimana?"), listed).within).toBeUndefined();
  });

  it("counts what a topic list listed, asking no value of its own ('how many is that?' wants no number)", () => {
    const listed = { ...previous("Which studies involved NGOs?", "list", [5, 10]), filters: [{ field: "topic" as const, key: "ngo", text: "NGOs" }] };
    for (const q of ["how many is that?", "how many are there?", "ada berapa?"]) {
      const r = resolveFollowUp(ask(q), listed);
      expect(r.carryKind, q).toBe("count");
      expect(r.carryFilters, q).toEqual(listed.filters);
      expect(r.question.answerTypes, q).toEqual([]);
    }
  });

  it("asks the field of one study's lookup of the studies with a new value, listed ('kalau di Amerika gimana?')", () => {
    const looked = previous("Apa temuan studi 2?", "lookup", [2]);
    for (const q of ["kalau di Amerika gimana?", "what about in Indonesia?"]) {
      const r = resolveFollowUp(ask(q), looked);
      expect(r.carryKind, q).toBe("list");
      expect(r.question.studies, q).toEqual([]);
      expect(r.question.asks, q).toEqual(looked.fields);
    }
  });

  it("keeps a follow-up that names nothing on the review the previous question asked about ('metodenya gimana?')", () => {
    const aim = previous("Apa tujuan review ini?", "explain", []);
    expect(resolveFollowUp(ask("metodenya gimana?"), aim).question.selfReview).toBe(true);
    expect(resolveFollowUp(ask("and what method did it use?"), previous("What does the review conclude?", "explain", [])).question.selfReview).toBe(true);
    // ... not one that names studies, a value or a topic of its own
    expect(resolveFollowUp(ask("which studies were qualitative?"), aim).question.selfReview).toBe(false);
    expect(resolveFollowUp(ask("what about trauma?"), aim).question.selfReview).toBe(false);
    // ... nor after a question about a study
    expect(resolveFollowUp(ask("metodenya gimana?"), previous("Apa tujuan studi 3?", "lookup", [3])).question.selfReview).toBe(false);
  });

  it("compares the study in focus with the one a comparison names ('bedanya sama studi 1 apa?')", () => {
    const about4 = previous("studi nomor 4 ngebahas apa?", "lookup", [4]);
    expect(resolveFollowUp(ask("bedanya sama studi 1 apa?"), about4).question.studies).toEqual([ref(4), ref(1)]);
    expect(resolveFollowUp(ask("how does it compare with study 1?"), about4).question.studies).toEqual([ref(4), ref(1)]);
    // naming the same study, or two, is no comparison with the one in focus
    expect(resolveFollowUp(ask("compare study 1 and study 2"), about4).question.studies).toEqual([ref(1), ref(2)]);
  });

  it("takes 'which one is older?' after an answer about several studies as the earliest of them", () => {
    const both = previous("who wrote them?", "lookup", [8, 9]);
    const r = resolveFollowUp(ask("which one is older?"), both);
    expect(r.carryKind).toBe("aggregate");
    expect(r.within).toEqual([ref(8), ref(9)]);
  });

  it("takes 'the first two', 'dua terakhir' after a list as that many of its studies from that end", () => {
    const listed = previous("Which studies mention trauma?", "list", [2, 7, 8, 9]);
    expect(resolveFollowUp(ask("compare the first two"), listed).question.studies).toEqual([ref(2), ref(7)]);
    expect(resolveFollowUp(ask("bandingkan dua terakhir"), listed).question.studies).toEqual([ref(8), ref(9)]);
    expect(resolveFollowUp(ask("what did the last 3 find?"), listed).question.studies).toEqual([ref(7), ref(8), ref(9)]);
    // one item is still the ordinal alone
    expect(resolveFollowUp(ask("what about the second one?"), listed).question.studies).toEqual([ref(7)]);
  });

  it("takes 'which of those ...?' after a list of one study as that one study", () => {
    const one = previous("Which studies focus on mental health?", "list", [3]);
    expect(resolveFollowUp(ask("and which of those used qualitative methods?"), one).within?.map((s) => s.number)).toEqual([3]);
    expect(resolveFollowUp(ask("berapa dari mereka yang pakai wawancara?"), one).within?.map((s) => s.number)).toEqual([3]);
  });

  it("goes on listing after a list when a filter value comes with no subject of its own", () => {
    const r = resolveFollowUp(ask("yang pakai wawancara yang mana?"), previous("Studi apa saja yang dilakukan di Indonesia?", "list", [1, 2]));
    expect(r.followUp).toBe(true);
    expect(r.carryKind).toBe("list");
    expect(r.question.values.map((v) => v.key)).toContain("interview");
    // ... but not a question with a subject of its own, nor after a lookup
    expect(resolveFollowUp(ask("What is the capital of France?"), previous("How many studies were qualitative?", "count", [1, 2])).followUp).toBe(false);
    // (after a lookup the same words are a question of their own)
    expect(resolveFollowUp(ask("yang pakai wawancara yang mana?"), previous("Who wrote study 2?", "lookup", [2])).carryKind).toBeUndefined();
  });

  it("reads 'America' / 'Amerika' standing alone as the United States, and 'Amerika Latin' as the region", () => {
    expect(ask("kalau di Amerika gimana?").values.map((v) => v.key)).toEqual(["US"]);
    expect(ask("what about America?").values.map((v) => v.key)).toEqual(["US"]);
    expect(ask("Ada studi di Amerika Latin?").values.map((v) => v.key)).toEqual(["region:SA"]);
  });

  it("reads 'those' as all the studies the previous answer named", () => {
    const r = resolveFollowUp(ask("what designs did those use?"), previous("Which studies were found through Google Scholar?", "list", [1, 2]));
    expect(r.question.studies.map((s) => s.number)).toEqual([1, 2]);
  });

  it("keeps a distribution for 'how many of each of those' after one", () => {
    const r = resolveFollowUp(ask("how many came from each of those?"), previous("Which databases did the studies come from?", "aggregate", [1, 2, 3, 4]));
    expect(r.carryKind).toBe("aggregate");
  });

  it("searches a terse follow-up with the previous question's words", () => {
    const r = resolveFollowUp(ask("why?"), previous("What does Rafferty recommend?", "lookup", [2]));
    expect(r.searchText).toContain("Rafferty");
  });

  it("searches a terse follow-up with what the previous question was about, not with the words that framed it", () => {
    const r = resolveFollowUp(ask("how well does it perform?"), previous("Who wrote the paper about shelters?", "review-meta", []));
    expect(r.searchText).toContain("shelters");
    expect(r.searchText).not.toMatch(/\b(?:who|wrote)\b/i);
  });

  it("does not treat a self-contained question as a follow-up", () => {
    const r = resolveFollowUp(ask("Which countries do the studies come from and which designs did they use?"), previous("Who wrote study 2?", "lookup", [2]));
    expect(r.followUp).toBe(false);
    expect(r.question.studies).toEqual([]);
  });

  it("reads a field asked after a list of several as that field of each study listed", () => {
    const list = previous("Studi mana yang membahas UNICEF?", "list", [2, 6]);
    expect(resolveFollowUp(ask("kapan terbitnya?"), list).question.studies.map((s) => s.number)).toEqual([2, 6]);
    expect(resolveFollowUp(ask("who wrote them?"), list).question.studies.map((s) => s.number)).toEqual([2, 6]);
  });

  it("reads 'which one has more participants?' after a comparison as the sample sizes of the studies compared", () => {
    const compared = previous("Compare studies 8 and 9", "compare", [8, 9]);
    const r = resolveFollowUp(ask("which one has more participants?"), compared);
    expect(r.question.superlative).toBe("max");
    expect(r.within?.map((s) => s.number)).toEqual([8, 9]);
  });
});

describe("inPlaceOf: a follow-up that puts one name in place of another", () => {
  it("searches the previous question with the new name after the same preposition, in either language", () => {
    expect(inPlaceOf("and on AutoScholarQuery?", "What did PaSa-7b achieve on RealScholarQuery?")).toBe("What did PaSa-7b achieve on AutoScholarQuery?");
    expect(inPlaceOf("kalau di Jawa Barat?", "Program apa yang dijalankan di Pantai Gading?")).toBe("Program apa yang dijalankan di Jawa Barat?");
    expect(inPlaceOf("and in 2019?", "How many cases were reported in 2020?")).toBe("How many cases were reported in 2019?");
    // only the name is replaced, not the rest of the clause
    expect(inPlaceOf("and in India?", "What programs were run in Indonesia to help children?")).toBe("What programs were run in India to help children?");
  });
  it("leaves a follow-up of another shape, or a previous question with no name after that preposition, to the usual search", () => {
    expect(inPlaceOf("what about the second one?", "Which studies were done in Indonesia?")).toBeUndefined();
    expect(inPlaceOf("and for study 4?", "What design was used for study 3?")).toBeUndefined();
    expect(inPlaceOf("and on AutoScholarQuery?", "What did PaSa-7b achieve?")).toBeUndefined();
  });
});

describe("a follow-up that asks something new of the same study", () => {
  it("keeps the study a singular pronoun points at, even beside a place ('where in Indonesia was it?')", () => {
    const r = resolveFollowUp(ask("where in Indonesia was it?"), previous("What did study 2 find?", "explain", [2]));
    expect(r.question.studies.map((s) => s.number)).toEqual([2]);
    // without a pronoun, a place is a change of subject
    expect(resolveFollowUp(ask("kalau di Indonesia gimana?"), previous("What did study 3 find?", "explain", [3])).question.studies).toEqual([]);
  });

  it("does not carry a name or a place over to a question that asks something else of the study", () => {
    const r = resolveFollowUp(ask("studinya tentang apa?"), previous("Siapa penulis studi 3?", "lookup", [3]));
    expect(r.question.studies.map((s) => s.number)).toEqual([3]);
    expect(r.question.asks).toEqual([]);
    expect(resolveFollowUp(ask("what did she say about mental health?"), previous("Who wrote study 3?", "lookup", [3])).question.asks).toEqual([]);
    // ... nor a study's findings to what a term means
    const meaning = resolveFollowUp(ask("apa maksud isolasi sistemik?"), previous("Apa temuan studi 3?", "lookup", [3]));
    expect(meaning.question.asks).toEqual([]);
    expect(meaning.question.studies.map((s) => s.number)).toEqual([3]);
    // an elliptic follow-up still asks what the previous question asked
    expect(resolveFollowUp(ask("and study 4?"), previous("Who wrote study 3?", "lookup", [3])).question.asks).toEqual(["authors"]);
  });
});

describe("what a follow-up searches with", () => {
  it("carries what the previous question asked, without whom it asked it of when the follow-up names its own subject", () => {
    const before = previous("How did the MLMC program help girls?", "explain", [3]);
    const r = resolveFollowUp(ask("kalau di Indonesia gimana?"), before);
    expect(r.searchText).toMatch(/help/);
    expect(r.searchText).not.toMatch(/MLMC/);
    // with no subject of its own, the previous one is what it goes on about
    expect(resolveFollowUp(ask("and the results?"), before).searchText).toMatch(/MLMC/);
  });
});

describe("a follow-up that asks for what the last list left out", () => {
  const qualitative = { ...previous("Which studies were qualitative?", "list", [1, 2, 4]), filters: [{ field: "design" as const, key: "qualitative", text: "qualitative" }] };
  it("negates the list's one value, for 'and which did not?', 'the others?', 'yang tidak?', 'sisanya?'", () => {
    for (const q of ["and which did not?", "which ones weren't?", "the others?", "yang tidak?", "sisanya?"]) {
      expect(resolveFollowUp(ask(q), qualitative), q).toMatchObject({ carryKind: "list", carryFilters: [{ field: "design", key: "qualitative", negated: true }] });
    }
    // a count is answered by a count
    expect(resolveFollowUp(ask("and which did not?"), { ...qualitative, planKind: "count" }).carryKind).toBe("count");
  });
  it("does not guess which of two values to negate, nor read a question of its own as one", () => {
    const two = { ...qualitative, filters: [...qualitative.filters, { field: "country" as const, key: "ID", text: "Indonesia" }] };
    expect(resolveFollowUp(ask("and which did not?"), two).carryFilters).toBeUndefined();
    expect(resolveFollowUp(ask("which did not use interviews?"), qualitative).carryFilters).toBeUndefined();
  });
});

describe("a follow-up that asks for the last answer in another language", () => {
  it("is read in either language, and only when that is all it asks", () => {
    expect(languageAsked("in English please")).toBe("en");
    expect(languageAsked("Can you answer that in English?")).toBe("en");
    expect(languageAsked("pakai bahasa Indonesia dong")).toBe("id");
    expect(languageAsked("tolong jelaskan dalam bahasa Inggris")).toBe("en");
    expect(languageAsked("Which studies were written in English?")).toBeUndefined();
    // a place is no language
    expect(languageAsked("in Indonesia?")).toBeUndefined();
    expect(languageAsked("kalau di Indonesia?")).toBeUndefined();
    expect(languageAsked("Answer in Indonesian")).toBe("id");
    // informal verbs
    expect(languageAsked("jelasin pakai bahasa Indonesia")).toBe("id");
    expect(languageAsked("terjemahin ke bahasa Inggris dong")).toBe("en");
  });
  it("asks the previous question again, in that language", () => {
    const about = previous("Apa temuan studi 3?", "lookup", [3]);
    const r = resolveFollowUp(ask("in English please"), about);
    expect(r.question.text).toBe("Apa temuan studi 3?");
    expect(r.question.lang).toBe("en");
  });
});
