import { describe, expect, it } from "vitest";
import { deriveAliases } from "./aliases.ts";

const row = (number: number, text: string, authors: string[] = [], cited: string[] = []) => ({ number, text, nameCells: [text], authors, cited });

describe("deriveAliases", () => {
  const aliases = deriveAliases([
    row(1, "Pelayanan di balai rehabilitasi Sunu Ngesti Tomo Jepara dengan bimbingan Usaha Ekonomi Produktif (UEP)", ["Yusuf Falaq"], ["Falaq"]),
    row(2, "My Life My Choice (MLMC) memasangkan remaja dengan mentor; program UNICEF", ["Emily Rothman"], ["Rothman"]),
    row(3, "Program UNICEF di rumah faye dan Peran INGOs “Save The Children”. Kegiatan di rumah faye itu beragam."),
    row(4, "Koordinasi Gugus Tugas bersama LSM dan P2TP2A di Cianjur"),
  ]);

  it("takes names that are not ordinary words, acronyms and their long forms", () => {
    expect(aliases.get(1)).toEqual(expect.arrayContaining(["Jepara", "UEP", "Usaha Ekonomi Produktif"]));
    expect(aliases.get(2)).toEqual(expect.arrayContaining(["MLMC", "My Life My Choice"]));
  });

  it("takes names in quotation marks, and unusual lower-case words used twice, with the noun before them", () => {
    expect(aliases.get(3)).toEqual(expect.arrayContaining(["Save The Children", "faye", "rumah faye"]));
  });

  it("keeps a name only when no other study's cells use it", () => {
    for (const list of aliases.values()) expect(list).not.toContain("UNICEF");
  });

  it("takes no abbreviation the lexicon translates: 'LSM' is any NGO, not this study", () => {
    expect(aliases.get(4)).toEqual(expect.arrayContaining(["P2TP2A", "Cianjur"]));
    expect(aliases.get(4)).not.toContain("LSM");
    // "INGOs" (international NGOs) is a concept too, however few rows use it.
    expect(aliases.get(3)).not.toContain("INGOs");
  });

  it("takes the authors' surnames", () => {
    expect(aliases.get(1)).toContain("Falaq");
    expect(aliases.get(2)).toContain("Rothman");
  });

  it("takes a surname that is also an ordinary word when no other study's cells use it, and not when they do", () => {
    const more = deriveAliases([
      row(5, "Peran Save the Children di Jawa Barat", ["Dewi Nawar Sri Juita", "Baiq Wardhani"]),
      row(6, "Program bagi anak-anak jalanan", ["Budi Program"]),
      row(7, "Program lain untuk anak", ["Sari Dewi"]),
    ]);
    // "juita" is an Indonesian word, and the name answers call study 5 by ("Juita & Wardhani")
    expect(more.get(5)).toEqual(expect.arrayContaining(["Juita", "Wardhani"]));
    // "Program" is every study's word: no surname of study 6
    expect(more.get(6)).not.toContain("Program");
  });
});
