/**
 * The shortcut past the Sastrawi stemmer (a word with no Indonesian affix comes back as it went in) gives
 * exactly what the stemmer gives. Checked here on the review's words, affixed forms of the stemmer's own
 * roots, and a slice of the English word list; a one-off run over 3.3 million such words found no difference.
 */
import { contentStems } from "./analyze.ts";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import wordListPath from "word-list";
import { PROJECT_ROOT } from "../config.ts";
import { sastrawi, stem } from "./stem.ts";

const require = createRequire(import.meta.url);
const indonesian = require("natural/lib/natural/stemmers/indonesian/stemmer_id.js") as { stem(word: string): string };
const roots = require("natural/lib/natural/stemmers/indonesian/data/kata-dasar.json") as string[];

const PREFIXES = ["", "me", "mem", "men", "meng", "meny", "di", "ke", "se", "ber", "ter", "pe", "pem", "pen", "peng", "per"];
const SUFFIXES = ["", "kan", "an", "i", "nya", "lah"];

function words(): string[] {
  const out = new Set<string>();
  const review = readFileSync(path.join(PROJECT_ROOT, "corpus", "review-child-trafficking-programs.txt"), "utf8");
  for (const w of review.toLowerCase().match(/[\p{L}\d-]+/gu) ?? []) out.add(w);
  // Every 40th root with every prefix and suffix; every 40th English word.
  roots.filter((_, i) => i % 40 === 0).forEach((r) => PREFIXES.forEach((p, i) => out.add(p + r + SUFFIXES[i % SUFFIXES.length])));
  readFileSync(wordListPath, "utf8").split("\n").filter((w, i) => w && i % 40 === 0).forEach((w) => out.add(w));
  return [...out];
}

describe("sastrawi", () => {
  it("gives what the Sastrawi stemmer gives, also for the words it skips", () => {
    const differ = words().filter((w) => sastrawi(w) !== indonesian.stem(w));
    expect(differ).toEqual([]);
  });
});

describe("stem", () => {
  it("stops at words whose meaning is not their Sastrawi root's", () => {
    // Opinion is not "can", income neither, approval is not an aim, experience is not nature.
    expect(["pendapat", "pendapatan", "persetujuan", "pengalaman", "berpengalaman"].map(stem)).toEqual(["pendapat", "pendapatan", "setuju", "pengalaman", "pengalaman"]);
    expect(stem("tujuan")).not.toBe(stem("persetujuan"));
    // Performance is not work.
    expect(stem("kinerja")).not.toBe(stem("bekerja"));
  });
  it("reads informal '-in' as the formal '-kan' or '-i' when that gives a root, never an English word", () => {
    expect(stem("dibandingin")).toBe(stem("dibandingkan"));
    expect(stem("jelasin")).toBe(stem("jelaskan"));
    expect(stem("diajarin")).toBe(stem("diajari"));
    // roots ending in "in" stay, and so do English words
    for (const word of ["mungkin", "miskin", "ingin", "remain", "retain", "protein", "domain"]) expect(stem(word), word).not.toBe(word.slice(0, -2));
    expect(stem("remain")).toBe("remain");
    // nor is an English word taken apart by an Indonesian infix rule (l-in-es)
    expect(stem("lines")).toBe(stem("line"));
    expect(stem("dimes")).toBe(stem("dime"));
  });
  it("reads an English word with the informal '-nya' as the English word ('databasenya' is 'database')", () => {
    expect(stem("databasenya")).toBe(stem("database"));
    expect(stem("reviewnya")).toBe(stem("review"));
    expect(stem("samplenya")).toBe(stem("sample"));
    // Indonesian words keep Sastrawi's reading, and a word too short to hold an English word is left alone
    expect(stem("metodenya")).toBe(stem("metode"));
    expect(stem("hasilnya")).toBe(stem("hasil"));
    expect(stem("kenya")).toBe("kenya");
  });
  it("drops the informal '-in' form of a stop word as it drops the word ('dilakuin' is 'dilakukan')", () => {
    expect(contentStems("konseling dilakuin sama siapa")).toEqual(contentStems("konseling dilakukan sama siapa"));
  });
});
