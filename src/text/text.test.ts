import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { analyze, canonicalTerms, contentStems, glossTerms, stemSpans, useCorpusLexicon } from "../text/analyze.ts";
import { detectLanguage, detectQuestionLanguage, detectTitleLanguage } from "../text/language.ts";
import { splitSentences } from "../text/sentences.ts";
import { stem } from "../text/stem.ts";
import { tokenize } from "../text/tokenize.ts";

const sentences = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe("sentences", () => {
  it("split at sentence ends, not at abbreviations, initials or list numbers", () => {
    expect(sentences("Emily F. Rothman, et al. menulisnya (Falaq et al., 2016). Program komunitas untuk mencegah CSE.")).toEqual([
      "Emily F. Rothman, et al. menulisnya (Falaq et al., 2016).",
      "Program komunitas untuk mencegah CSE.",
    ]);
    expect(sentences("1. Predisposisi kerentanan. Sepanjang narasi mereka. 2. Pengerahan.")).toEqual([
      "1. Predisposisi kerentanan.", "Sepanjang narasi mereka.", "2. Pengerahan.",
    ]);
    expect(sentences("bidang perekonomian.Tujuan: penulisan artikel.")).toEqual(["bidang perekonomian.", "Tujuan: penulisan artikel."]);
    expect(sentences("Pada awal 72% (p<0,001) dan 4.000.000 orang.")).toHaveLength(1);
  });
  it("treat line breaks as ends (table cells)", () => {
    expect(sentences("Nama Penulis: Yori Geovani Regina\nTahun: 2018")).toEqual(["Nama Penulis: Yori Geovani Regina", "Tahun: 2018"]);
  });
});

describe("analysis", () => {
  it("stems Indonesian affixes and English inflections", () => {
    expect(stem("perlindungan")).toBe("lindung");
    expect(stem("penyintas")).toBe("sintas");
    expect(stem("months")).toBe("month");
    expect(stem("kasus")).toBe("kasus"); // an Indonesian root is not Porter-stemmed
  });
  it("reads a hyphenated word as its parts and as one, but never a negated word as the word itself", () => {
    expect(contentStems("psiko-edukasi")).toEqual(expect.arrayContaining(["psiko", "edukasi", "psikoedukasi"]));
    expect(contentStems("non-vokasional")).not.toContain("vokasional");
    // ... while an "anti-" word is about the word: anti-trafficking efforts are about trafficking
    expect(contentStems("anti-trafficking")).toEqual(expect.arrayContaining(["anti", "traffick"]));
  });
  it("meets 'funded' and 'sponsored' in one concept, as an acknowledgment says it", () => {
    expect(analyze("Who funded the work?").canonical).toContain("dana");
    expect(analyze("This effort has been sponsored by the National Science Foundation").canonical).toContain("dana");
  });
  it("meets an Indonesian question's 'dihapus' and 'anotator' in an English paper's 'removing' and 'annotators'", () => {
    const shared = (a: string, b: string) => analyze(a).canonical.filter((t) => analyze(b).canonical.includes(t));
    expect(shared("kalau aksi Expand dihapus", "removing the [Expand] action")).not.toEqual([]);
    expect(shared("siapa anotatornya", "The annotators included professors")).not.toEqual([]);
    // ... and a paper's "emits" the question's "output"
    expect(shared("what does it output?", "the code generator emits native machine instructions")).not.toEqual([]);
  });
  it("tells a dataset from data: 'data structures' is no dataset", () => {
    expect(analyze("a dataset of 200 pairs").phrases).toContain("kumpul data");
    expect(analyze("two data sets").phrases).toContain("kumpul data");
    expect(analyze("hash tables and other data structures").phrases).not.toContain("kumpul data");
  });
  it("keeps numbers whole and drops stop words but not meaningful ones", () => {
    expect(contentStems("the recommendations across all studies")).not.toContain("across");
    expect(tokenize("4.000.000 orang, p<0,001")).toEqual(["4000000", "orang", "p", "0.001"]);
    expect(contentStems("remaja cenderung tidak mengalami CSE setelah 12 bulan")).toEqual(["remaja", "cenderung", "tidak", "alami", "cse", "12", "bulan"]);
    // A name with digits in it is one word; a word starting with a digit, a version number and the informal plural are not.
    expect(tokenize("P2TP2A, scopus (Q1-Q4), H2O")).toEqual(["p2tp2a", "scopus", "q1", "q4", "h2o"]);
    expect(tokenize("PaSa-7b, Qwen2.5, studi2")).toEqual(["pasa", "7", "b", "qwen", "2.5", "studi", "2"]);
    // English question words the stopword package's list lacks are no topic either.
    expect(contentStems("Which ones, and why? When, and whose, or whether yet")).toEqual([]);
  });
  it("translates English domain words into the review's Indonesian (longest phrase first)", () => {
    useCorpusLexicon(readFileSync(new URL("../../corpus/lexicon-en-id.tsv", import.meta.url), "utf8"));
    expect(analyze("after 12 months").canonical).toEqual(["12", "bulan"]);
    // "search terms" is one phrase of the corpus lexicon ("kata" is a stop word); "use" is the generic "guna".
    expect(canonicalTerms(contentStems("What search terms did they use"))).toEqual(["kunci", "guna"]);
    expect(analyze("mental health services for survivors").canonical).toEqual(["sehat", "mental", "layan", "sintas"]);
  });
  it("reads 'improve' as both Indonesian words for it: 'memperbaiki' and 'meningkatkan' (meningkatkan kemampuan)", () => {
    const asked = analyze("What is the program meant to improve?").canonical;
    expect(asked.filter((t) => analyze("untuk meningkatkan kemampuan motorik").canonical.includes(t))).not.toEqual([]);
    expect(asked.filter((t) => analyze("perbaikan dalam perumusan program").canonical.includes(t))).toContain("baik");
  });
  it("reads 'efek' and 'effect' as 'pengaruh': one concept, as the review's 'pengaruh positif' is the programs' effect", () => {
    expect(analyze("pengaruh positif").canonical).toContain("pengaruh");
    expect(analyze("efek").canonical).toEqual(["pengaruh"]);
    expect(analyze("effects").canonical).toContain("pengaruh");
  });
  it("reads 'beat', 'surpasses', 'outperforms' and 'mengungguli' as one verb, as a paper varies them", () => {
    const asked = analyze("By how much does it beat the baseline?").canonical;
    expect(analyze("PaSa-7b surpasses PaSa-GPT-4o by 11.12%").canonical.filter((t) => asked.includes(t))).toContain("unggul");
    expect(analyze("outperforms").canonical).toEqual(analyze("mengungguli").canonical);
  });
  it("keeps 'Selector' (PaSa's agent, a name) apart from 'selection': a question about it is not one about selecting", () => {
    expect(analyze("What does the Selector do?").canonical).not.toContain("seleksi");
    expect(analyze("articles selected by the review").canonical).toContain("seleksi");
  });
  it("reads 'nyata' as 'real', so 'query nyata' meets '50 real-world research queries'", () => {
    const asked = analyze("Berapa banyak query nyata di RealScholarQuery?").canonical;
    expect(analyze("a test dataset consisting of 50 real-world research queries").canonical.filter((t) => asked.includes(t))).toContain("nyata");
  });
  it("reads the percent sign as the word, so 'what percentage' and 'berapa persen' meet a text that writes '%'", () => {
    const sign = analyze("PaSa-7b achieves a 34.05% improvement").canonical;
    expect(sign).toContain("persen");
    expect(analyze("what percentage").canonical.filter((t) => sign.includes(t))).toEqual(["persen"]);
    expect(analyze("berapa persen").canonical).toEqual(["persen"]);
    // Its offset is the sign's own, for a quote's highlighted words.
    expect(stemSpans("naik 34%").find((s) => s.stem === "persen")).toEqual({ stem: "persen", start: 7, end: 8 });
  });
  it("meets an Indonesian question on an English paper in its computing words", () => {
    const asked = new Set(analyze("Kenapa manggil fungsi eksternal itu susah?").canonical);
    const text = analyze("Calling external functions from traces is difficult.").canonical;
    expect(["panggil", "fungsi", "eksternal", "sulit"].every((t) => asked.has(t) && text.includes(t))).toBe(true);
  });
  it("never takes one word for a phrase that only the stop list shrank to it", () => {
    useCorpusLexicon(readFileSync(new URL("../../corpus/lexicon-en-id.tsv", import.meta.url), "utf8"));
    // "penelitian selanjutnya" (further research) is "teliti" once "selanjutnya" is dropped: "meneliti" is not it.
    expect([...analyze("Studi mana yang meneliti eksploitasi seksual?").phrases]).toEqual(["eksploitasi seksual"]);
    expect([...analyze("penelitian lebih lanjut").phrases]).toEqual(["teliti lanjut"]);
    // "out of school" is "putus sekolah" (dropping out); "school" alone is not.
    expect(analyze("a school program").expansions).not.toContain("putus");
    expect(analyze("children out of school").expansions).not.toContain("putus");
    expect(analyze("school dropout").expansions).toContain("putus");
  });
  it("reads 'biasanya' as 'pada umumnya' (usually, in general), and the Indonesian for traffickers as the English", () => {
    useCorpusLexicon(readFileSync(new URL("../../corpus/lexicon-en-id.tsv", import.meta.url), "utf8"));
    const usual = analyze("Siapa yang biasanya jadi korban?").canonical;
    expect(usual).toContain("umum");
    expect(analyze("Korban pada umumnya anak-anak").canonical).toContain("umum");
    expect(analyze("Who usually becomes a victim?").canonical).toContain("umum");
    expect(analyze("pelaku perdagangan anak").canonical).toContain("dagang");
    expect(analyze("pelaku perdagangan anak").canonical).not.toContain("laku");
    // A variant written after a noun is not an adjective of it: "keluarga miskin biasanya" is no "general poverty".
    expect(glossTerms("kelompok keluarga miskin biasanya mengerahkan", "en")).not.toContain("general poverty");
  });
  it("meets hyphenated and glued forms", () => {
    expect(contentStems("psiko-edukasi")).toContain("psikoedukasi");
    expect(contentStems("anak-anak")).toEqual(["anak"]);
  });
});

describe("language", () => {
  it.each([
    ["What did MLMC achieve after 12 months?", "en"],
    ["who wrote that one?", "en"],
    ["Apa saja program Save the Children?", "id"],
    ["bagaimana dengan studi nomor 9?", "id"],
    ["Rehabilitasi fisik buat anak-anak di balai itu kayak gimana sih?", "id"],
  ])("%s -> %s", (text, lang) => expect(detectLanguage(text)).toBe(lang));

  it.each([
    ["Evaluating peer support groups: a pilot", "en"],
    ["Layanan konseling remaja korban eksploitasi", "id"],
    ["Outcomes of a shelter program for girls in Nepal", "en"],
    ["Perlindungan hukum bagi pekerja migran anak", "id"],
  ])("title %s -> %s (dictionary words when function words tie)", (text, lang) => expect(detectTitleLanguage(text)).toBe(lang));

  it.each([
    ["Summarize study 5", "en"],
    ["Ringkas studi 5", "id"],
    ["Who wrote study 9?", "en"],
    ["Rangkuman review ini dong", "id"],
  ])("question %s -> %s (a question with no function words, by its dictionary words)", (text, lang) => expect(detectQuestionLanguage(text)).toBe(lang));

  it.each([
    ["Bandingkan program Save the Children dan UNICEF", "id"],
    ["Siapa penulis artikel 'The Psychological Experience of Child and Adolescent Sex Trafficking'?", "id"],
    ["What does My Life My Choice do?", "en"],
    ["What Is The Aim Of The Review?", "en"],
  ])("question %s -> %s (a name's own words, 'the' of 'Save the Children', are not the asker's)", (text, lang) => expect(detectQuestionLanguage(text)).toBe(lang));
});
