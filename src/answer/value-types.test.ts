/** What a value of an answer type looks like in text (carriesType), in either language. */
import { describe, expect, it } from "vitest";
import { carriesType, countedUnits, figuresNear, numberNear } from "./value-types.ts";
import { contentStems, corpusLexiconInUse, useCorpusLexicon } from "../text/analyze.ts";

describe("carriesType: duration", () => {
  it("reads a duration in digits or in words, in English or Indonesian", () => {
    for (const text of ["after 12 months", "for over two decades now", "within a decade", "selama tiga tahun", "setahun kemudian", "1.5 years", "compiles in 45 ms", "dua menit", "about 3 seconds"]) {
      expect(carriesType(text, "duration"), text).toBe(true);
    }
  });

  it("reads a span of years as how long something went on", () => {
    for (const text of ["Periode 2009-2014", "dari tahun 2004-2017", "from 2011 to 2016", "2004 sampai 2017"]) expect(carriesType(text, "duration"), text).toBe(true);
  });

  it("does not take a bare number or a year for one", () => {
    for (const text of ["in 2019", "12 participants", "tahun 2016", "3800 cycles per bytecode", "in 5 msgs", "pages 2009-2014x", "ISBN 2009-20145"]) expect(carriesType(text, "duration"), text).toBe(false);
  });
});

describe("numberNear: a number beside what the question counts", () => {
  it("finds the number next to the counted word, in either language, with stop words between", () => {
    expect(numberNear("sebanyak 32 artikel yang telah penulis dapatkan", new Set(["artikel"]))).toBe(true);
    expect(numberNear("mayoritas (83%) merupakan kasus kekerasan seksual", new Set(["persen"]))).toBe(true);
    expect(numberNear("which is used by more than 200 million users world-wide", new Set(["guna"]))).toBe(true);
    // every stem of a hyphenated word counts
    expect(numberNear("SunSpider consists of 26 short-running JavaScript programs", new Set(["short"]))).toBe(true);
    // a bracketed aside between the number and what it counts stands aside, commas and all
    expect(numberNear("The final training dataset consists of 19,812 <user query, paper> pairs, each with a token", new Set(["pair"]))).toBe(true);
    expect(figuresNear("The final training dataset consists of 19,812 <user query, paper> pairs, each with a token", new Set(["pair"]), "count")).toEqual(["19,812"]);
  });
  it("keeps a unit of measure with its figure ('2 GB', not '2')", () => {
    const text = "performed on a MacBook Pro with 2.2 GHz Core 2 processor and 2 GB RAM";
    expect(figuresNear(text, new Set(["ram"]), "amount")).toEqual(["2 GB"]);
  });
  it("does not take a number counting something else, a word with no number, or a year", () => {
    expect(numberNear("Proyek ini mengungkapkan total 27 tema, 11 kategori, dan enam konsep", new Set(["usia"]))).toBe(false);
    expect(numberNear("terkait dengan pengalaman anak usia dini", new Set(["usia"]))).toBe(false);
    expect(numberNear("usia korban pada tahun 2016", new Set(["usia"]))).toBe(false);
    // a word before the number that only qualifies another noun counts nothing: "user" of "user query"
    expect(numberNear("we limit the exploration depth (starting from the user query) to three", new Set(["user"]))).toBe(false);
    // ... while the unit itself before it, set off by a comma, still does
    expect(numberNear("Among these qualified queries, 93.7% had papers", new Set(["queri"]))).toBe(true);
  });
});

describe("carriesType: date", () => {
  it("reads a year or a month, and not a bare number", () => {
    expect(carriesType("dibentuk pada tahun 2012", "date")).toBe(true);
    expect(carriesType("Sejak Januari hingga April", "date")).toBe(true);
    expect(carriesType("sebanyak 32 artikel", "date")).toBe(false);
  });
});

describe("carriesType: limitation and appraisal", () => {
  it("finds what holds a work or a program back, said as such", () => {
    for (const text of ["memiliki peran yang terbatas", "lemahnya koordinasi antar anggota", "One limitation of this review is its search.", "The disadvantage is that tree recompilation takes time", "Keterbatasan penelitian ini adalah"]) {
      expect(carriesType(text, "limitation"), text).toBe(true);
    }
    // "penulis batasi" (the authors restricted the years) is a choice, not a limitation.
    for (const text of ["Tahun publikasi penulis batasi dengan kriteria 10 tahun terakhir", "we limit the Crawler's exploration depth"]) {
      expect(carriesType(text, "limitation"), text).toBe(false);
    }
  });

  it("finds an appraisal of the studies' quality by its words or its tool", () => {
    for (const text of ["Risk of bias was assessed with RoB 2.", "Kualitas artikel dinilai dengan JBI critical appraisal tools", "dilakukan penilaian kualitas"]) {
      expect(carriesType(text, "appraisal"), text).toBe(true);
    }
    expect(carriesType("Artikel dipilih berdasarkan kriteria inklusi.", "appraisal")).toBe(false);
  });

  it("finds an opinion reported as someone's, not a finding the text states or a query a paper satisfies", () => {
    for (const text of ["Peserta merasa lebih percaya diri setelah program.", "Menurut informan, layanan shelter terlalu singkat.", "Survivors said the mentors helped them.", "researchers share mixed opinions regarding its assumptions", "Users were satisfied with the results."]) {
      expect(carriesType(text, "opinion"), text).toBe(true);
    }
    for (const text of ["Hasil penelitian menyatakan bahwa program berhasil.", "whether the paper satisfies the query", "The program served 300 girls."]) {
      expect(carriesType(text, "opinion"), text).toBe(false);
    }
  });
});

describe("carriesType: prevalence and sample", () => {
  it("reads a figure restated in words before its noun ('4.000.000 (empat juta) orang')", () => {
    expect(carriesType("Menurut PBB diperkirakan 4.000.000 (empat juta) orang telah menjadi korban.", "prevalence")).toBe(true);
    expect(carriesType("Wawancara dengan 12 (dua belas) peserta.", "sample")).toBe(true);
    // a parenthesis that is not beside a noun counted is still no prevalence
    expect(carriesType("Lihat tabel 4 (hal. 12) untuk rinciannya.", "prevalence")).toBe(false);
  });
});

describe("carriesType: ranking", () => {
  it("reads one thing said to work better than another, in either language", () => {
    expect(carriesType("PaSa significantly outperforms existing baselines.", "ranking")).toBe(true);
    expect(carriesType("Program ini lebih efektif daripada layanan biasa.", "ranking")).toBe(true);
    expect(carriesType("MLMC adalah program yang paling berhasil.", "ranking")).toBe(true);
  });

  it("does not take an improvement without a comparison for one", () => {
    expect(carriesType("mereka memiliki dukungan sosial yang lebih baik.", "ranking")).toBe(false);
    expect(carriesType("Beberapa penelitian membuktikan adanya pengaruh positif dari program-program tersebut.", "ranking")).toBe(false);
  });
});

describe("carriesType: amount", () => {
  it("reads a multiple ('2x-20x', '7.12×') as an amount, and not a word that starts with a digit and letters", () => {
    expect(carriesType("TraceMonkey supports all features, with a 2x-20x speedup for traceable programs.", "amount")).toBe(true);
    expect(carriesType("The speedup is 7.12× on that benchmark.", "amount")).toBe(true);
    expect(carriesType("It runs on x86 and x64 machines.", "amount")).toBe(false);
    expect(carriesType("Published in 2019.", "amount")).toBe(false);
  });
});

describe("a unit of several words", () => {
  it("is found beside a figure when a corpus lexicon adds its own form to the word's translation", () => {
    const before = corpusLexiconInUse();
    try {
      useCorpusLexicon("gadis\tmaiden; gadis");
      const girls = countedUnits(contentStems("cewek"));
      expect(numberNear("sedangkan untuk perempuan sudah di tangani lebih dari 300 gadis unik sejak awal.", girls)).toBe(true);
      // and a boy is still no girl
      expect(numberNear("lebih dari 300 gadis unik", countedUnits(contentStems("boys")))).toBe(false);
    } finally {
      useCorpusLexicon(before.text, before.name);
    }
  });
});

describe("a figure of times", () => {
  it("counts the action before it, past what the action is done to; not the noun right before it, nor a ratio", () => {
    const runs = countedUnits(contentStems("runs"));
    const text = "we break even after running a trace 270 times.";
    expect(numberNear(text, runs)).toBe(true);
    expect(figuresNear(text, runs, "count")).toEqual(["270"]);
    expect(figuresNear("loads and runs each program 10 times", countedUnits(contentStems("programs")), "count")).toEqual([]);
    expect(numberNear("For one of the benchmark programs we execute 25 times faster than the interpreter", countedUnits(contentStems("programs")))).toBe(false);
  });
});

describe("amounts written as a paper writes them", () => {
  it("reads a number in scientific notation as one figure, and a rate word between a measure and its figure", () => {
    expect(carriesType("a learning rate of 1e-5", "amount")).toBe(true);
    expect(numberNear("We conducted supervised fine-tuning with a learning rate of 1e-5 and a batch size of 4.", countedUnits(contentStems("learning")))).toBe(true);
    expect(figuresNear("with a learning rate of 1e-5", countedUnits(contentStems("learning")), "amount")).toEqual(["1e-5"]);
  });
  it("reads a count of samples as a sample size", () => {
    expect(carriesType("The final test dataset consists of 98 positive samples", "sample")).toBe(true);
    expect(carriesType("we sampled queries at random", "sample")).toBe(false);
  });
  it("gives for an amount every figure the clause joins to one beside its words, percentages included, and a range whole", () => {
    const recall = countedUnits(contentStems("recall"));
    const text = "RL training enhances recall by 6.24% on AutoScholarQuery and 19.96% on RealScholarQuery.";
    expect(figuresNear(text, recall, "amount")).toEqual(["6.24%", "19.96%"]);
    expect(figuresNear(text, recall, "count")).toEqual([]);
    // a figure with a noun of its own is of that noun
    expect(figuresNear("MLMC served 12 boys and 300 girls.", countedUnits(contentStems("boys")), "amount")).toEqual(["12"]);
    expect(figuresNear("all the features of SpiderMonkey, with a 2x-20x speedup for traceable programs", countedUnits(contentStems("SpiderMonkey")), "amount")).toEqual(["2x-20x"]);
    expect(figuresNear("in 10-15% of cases", countedUnits(contentStems("cases")), "share")).toEqual(["10-15%"]);
  });
});

describe("figuresNear: the figures a question asks for, as written", () => {
  const units = (words: string) => new Set(contentStems(words));

  it("takes a count followed by what it counts, with its multiplier", () => {
    expect(figuresNear("we constructed RealScholarQuery, a test dataset consisting of 50 real-world research queries.", units("queries"), "count")).toEqual(["50"]);
    // what a number counts after it stops at the end of its clause; before it, a comma may set it off
    expect(figuresNear("remaja transgender 7 kali, sedangkan untuk perempuan lebih dari 300 gadis unik.", new Set(["girl", "perempuan", "gadis"]), "count")).toEqual(["300"]);
    expect(figuresNear("Among these qualified queries, 93.7% had relevant papers.", units("queries"), "share")).toEqual(["93.7%"]);
    // A translation of several words is one unit: the girls ("gadis", "anak perempuan") are no count of boys ("anak laki").
    const girls = "anak laki-laki hanya beberapa kali, sedangkan untuk perempuan lebih dari 300 gadis unik.";
    expect(figuresNear(girls, countedUnits(contentStems("boys")), "count")).toEqual([]);
    expect(figuresNear("MLMC served 12 boys and 300 girls.", countedUnits(contentStems("boys")), "count")).toEqual(["12"]);
    expect(figuresNear("lebih dari 300 gadis unik", countedUnits(contentStems("girls")), "count")).toEqual(["300"]);
    // a word the stop list drops only for questions stands between a unit and a number like any other word
    expect(numberNear("each query required the annotators to review 76 candidate papers", units("annotators"))).toBe(false);
    expect(numberNear("each query required the annotators to review 76 candidate papers", units("papers"))).toBe(true);
    // a label's number, or a range of them, counts nothing
    expect(numberNear("The loop on lines 4-5 becomes hot, so it records on line 4.", units("lines"))).toBe(false);
    expect(numberNear("The interpreter is about 100 lines of code.", units("lines"))).toBe(true);
    expect(figuresNear("KPAI telah menangani 35 laporan kasus TPPO", units("kasus"), "count")).toEqual(["35"]);
    expect(figuresNear("which is used by more than 200 million users world-wide", units("users"), "count")).toEqual(["200 million"]);
  });

  it("takes shares only when a share is asked, and counts only when it is not", () => {
    const text = "dengan korban 234 orang anak dari jumlah tersebut mayoritas (83%) merupakan kasus kekerasan seksual";
    expect(figuresNear(text, units("kasus"), "share")).toEqual(["83%"]);
    expect(figuresNear(text, units("kasus"), "count")).not.toContain("83%");
  });

  it("takes no name's digits, note marker, label or year for a figure", () => {
    expect(figuresNear("PaSa-7b achieves an improvement of 33.80% in Recall@20", units("recall improvement"), "share")).toEqual(["33.80%"]);
    expect(figuresNear("Mozilla's Firefox open-source web browser (2), which is used by more than 200 million users", units("users browser"), "count")).toEqual(["200 million"]);
    expect(figuresNear("Table 8 lists 12 queries from 2024", units("queries"), "count")).toEqual(["12"]);
  });
});
