/** Glosses for a reader of the other language, with the generic lexicon only (no index). */
import { describe, expect, it } from "vitest";
import { glossOf } from "./gloss.ts";

describe("glossOf", () => {
  it("keeps a multiplier after a number singular ('empat juta' -> '4 million')", () => {
    expect(glossOf("diperkirakan 4.000.000 (empat juta) orang telah menjadi korban", "en")).toContain("4 million");
  });

  it("reads an Indonesian noun and the modifier after it in English order, only when they stand together", () => {
    expect(glossOf("Peran Departemen Pemerintah Nasional dalam kerja sama internasional", "en")).toEqual(expect.arrayContaining(["national government", "international cooperation"]));
    // across a comma, two words are two items
    expect(glossOf("bantuan organisasi, internasional", "en")).not.toContain("international organization");
    // an Indonesian reader gets no reordering
    expect(glossOf("international cooperation", "id").some((g) => / /.test(g) && g.startsWith("internasional"))).toBe(false);
  });

  it("says the words of the reader's language that the quote already uses, as runs, and not words both languages share", () => {
    const gloss = glossOf("Layanan diberikan kepada remaja transgender 7 kali, dengan motivation class dan program mentor.", "en");
    expect(gloss).toEqual(expect.arrayContaining(["transgender", "motivation class"]));
    // "program" and "mentor" are Indonesian words too: no run of them
    expect(gloss.some((g) => /program mentor/i.test(g))).toBe(false);
    // a short joiner keeps a name whole; a part of a name already said is not said again
    expect(glossOf("Organisasi Save the Children di Jawa Barat menjalankan program Enable.", "en")).toContain("Save the Children");
    expect(glossOf("Balai Sunu Ngesti Tomo Jepara melayani anak.", "en").filter((g) => /Tomo/.test(g))).toHaveLength(1);
  });

  it("says an acronym of three letters as a name, though its letters spell a short word ('WHO')", () => {
    const gloss = glossOf("Program ini dijalankan UNICEF bersama UNFPA, WHO, dan kementrian kesehatan untuk remaja.", "en");
    expect(gloss).toEqual(expect.arrayContaining(["UNICEF", "UNFPA", "WHO"]));
    // ... but a short word of the other language is still no name
    expect(glossOf("Program ini dan itu untuk anak.", "en")).not.toContain("dan");
  });

  it("translates a figure with its unit, written in digits or as a number word", () => {
    expect(glossOf("Penelitian ini menghasilkan enam konsep utama dan dua tema.", "en")).toEqual(expect.arrayContaining(["6 concepts", "2 themes"]));
  });

  it("counts the noun after a counting word, and writes figures and ranges the English way", () => {
    expect(glossOf("Sekitar 40.000 orang terdampak.", "en")).toEqual(expect.arrayContaining(["40,000 people"]));
    expect(glossOf("Tercatat 312 orang anak dan 2.500 orang dewasa.", "en")).toEqual(expect.arrayContaining(["312 children", "2,500 adults"]));
    expect(glossOf("Diperkirakan 1.200 sampai 15.000 korban setiap tahun, dengan 1 orang saksi.", "en")).toEqual(expect.arrayContaining(["1,200 to 15,000 victims"]));
    expect(glossOf("Program berjalan 1,5 tahun.", "en")).toEqual(expect.arrayContaining(["1.5 years"]));
    expect(glossOf("Hanya 1 orang yang datang.", "en")).toEqual(expect.arrayContaining(["1 person"]));
  });

  it("takes no capitalised word for a figure's unit, and no number out of a link", () => {
    expect(glossOf("sekolah seperti SMP 1 Tahunan dan SMA Islam Jepara", "en").some((g) => /^1 /.test(g))).toBe(false);
    expect(glossOf("Permanent URL: http://sprouts.aisnet.org/9-37 Copyright: Creative Commons", "id").some((g) => /9-37/.test(g))).toBe(false);
  });

  it("says a share, but leaves other bare figures and 'salah satu' (one of) alone", () => {
    const gloss = glossOf("Sebanyak 72% menurun pada 2019, salah satu program yang penting.", "en");
    expect(gloss).toContain("72%");
    expect(gloss.some((g) => /2019|^1 /.test(g))).toBe(false);
    expect(glossOf("turun menjadi 0,5% saja", "en")).toContain("0.5%");
  });

  it("keeps names of a few words and skips a title-length capitalised run", () => {
    const gloss = glossOf("Program ini dijalankan oleh Save the Children bersama KPAI.", "en");
    expect(gloss).toEqual(expect.arrayContaining(["Save the Children", "KPAI"]));
    expect(glossOf("Judulnya Evaluasi Formatif Program Rehabilitasi Sosial Bagi Korban Perdagangan Anak di sini.", "en").some((g) => g.split(" ").length > 5)).toBe(false);
  });

  it("glosses an Indonesian variant the lexicon lists beside its head, a verb as a verb ('mencegah' as 'preventing')", () => {
    expect(glossOf("program yang mencegah dan melindungi anak", "en")).toEqual(expect.arrayContaining(["preventing", "protecting"]));
    // a noun variant as the head noun
    expect(glossOf("program pelindungan anak", "en")).toContain("protection");
    // an English synonym in an Indonesian text is no Indonesian word to gloss
    expect(glossOf("program yang prevent anak", "en")).not.toContain("prevention");
  });

  it("glosses a stative 'ter-' word as the state ('terbatas' as 'limited', 'terlatih' as 'trained'), not the head noun", () => {
    const gloss = glossOf("pusat layanan memiliki peran yang terbatas, dengan mentor dewasa terlatih", "en");
    expect(gloss).toEqual(expect.arrayContaining(["limited", "trained"]));
    expect(gloss).not.toContain("limitation");
    // ... but not as the head's own past tense: "terdapat" (there are) under "exist" is not "existed"
    expect(glossOf("terdapat program perlindungan", "en")).not.toContain("existed");
  });

  it("glosses how high or low a figure is said to be ('angka laporan ... terbilang tinggi')", () => {
    expect(glossOf("Dalam situasi pandemic seperti ini angka laporan perdagangan anak terbilang tinggi.", "en")).toContain("high");
    expect(glossOf("tingkat kepatuhan yang rendah", "en")).toContain("low");
  });

  it("keeps the rarest concepts when a quote has more than a gloss holds, in the text's order", () => {
    const text = "hasil penelitian menunjukkan faktor penting: kerja sama dan koordinasi dengan pemerintah, kebijakan, anggaran, pelatihan";
    const common = new Set(["hasil", "teliti", "faktor", "penting", "tunjuk"]);
    const gloss = glossOf(text, "en", { commonness: (canonical) => (canonical.some((t) => common.has(t)) ? 1 : 0) });
    expect(gloss).toEqual(expect.arrayContaining(["cooperation", "coordination", "government", "policy", "budget", "training"]));
    expect(gloss.length).toBeLessThanOrEqual(10);
    expect(gloss.indexOf("cooperation")).toBeLessThan(gloss.indexOf("training"));
  });

  it("glosses the items of a list the quote makes before its other concepts", () => {
    // The concepts listed are rarer than none of the others: only being listed puts them first.
    const text = "Proyek ini menghasilkan program, kebijakan, anggaran dan pelatihan, serta enam konsep (predisposisi kerentanan, rekrutmen, isolasi sistemik, dan ketahanan) dari data pengalaman penyintas di rumah tangga.";
    const gloss = glossOf(text, "en", { commonness: () => 0.05 });
    expect(gloss).toEqual(expect.arrayContaining(["vulnerability", "recruitment"]));
  });

  it("weighs a concept by how often the quote says it as well as by its rarity (tf-idf)", () => {
    // "kesehatan mental" twice and fairly common (a share of 0.2); ten concepts a little rarer (0.05), once each.
    const text = "kesehatan mental anak, kerja sama, koordinasi, kebijakan, anggaran, pelatihan, pendidikan, keluarga, masyarakat, evaluasi, dan layanan kesehatan mental";
    const shares: Record<string, number> = { kesehatan: 0.2, mental: 0.2 };
    const gloss = glossOf(text, "en", { commonness: (canonical) => Math.max(...canonical.map((t) => shares[t] ?? 0.05)) });
    expect(gloss).toContain("mental health");
  });

  it("gives a long quote a longer gloss, up to a limit", () => {
    const short = glossOf("kerja sama dengan pemerintah", "en");
    const concepts = "kerja sama, koordinasi, pemerintah, kebijakan, anggaran, pelatihan, pendidikan, kesehatan, keluarga, masyarakat, perlindungan, pencegahan, evaluasi, penelitian, laporan, korban";
    const long = glossOf(`${concepts} ${"dan lain-lain ".repeat(20)}`, "en");
    expect(short.length).toBeLessThan(5);
    expect(long.length).toBeGreaterThan(10);
    expect(long.length).toBeLessThanOrEqual(14);
  });
});
