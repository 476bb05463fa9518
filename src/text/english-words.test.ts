/**
 * The English word list is searched in place (english-words.ts): it must answer exactly as a Set of its
 * lines would, on the shipped list and on lists out of order, with repeats, empty lines or non-ASCII words.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import wordListPath from "word-list";
import { isEnglishWord, lineSet } from "./english-words.ts";

const asSet = (text: string) => new Set(text.split("\n"));
const bytes = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));

describe("the English word list", () => {
  it("knows English words, not fragments", () => {
    expect(["women", "where", "health", "Educational"].every(isEnglishWord)).toBe(true);
    expect(["orthopsyc", "hiatry", "penelitian"].some(isEnglishWord)).toBe(false);
  });

  it("answers as a Set of its lines for every line of the shipped list and near misses", () => {
    const text = readFileSync(wordListPath, "utf8");
    const lines = lineSet(readFileSync(wordListPath));
    const set = asSet(text);
    const probes = [...set].flatMap((w) => [w, `${w}s`, w.slice(0, -1), `${w}\u00e9`]);
    probes.push("", "a", "zzzzzz", "Women", "\u{1d49c}");
    for (const probe of probes) if (lines.has(probe) !== set.has(probe)) expect([probe, lines.has(probe)]).toEqual([probe, set.has(probe)]);
  });

  it("answers as a Set of its lines for any list", () => {
    const word = fc.constantFrom("", "a", "ab", "abc", "b", "ba", "z", "é", "\u{1d49c}", "A", "a b");
    fc.assert(fc.property(fc.array(word, { maxLength: 12 }), fc.array(word, { maxLength: 6 }), (list, probes) => {
      const text = list.join("\n");
      const lines = lineSet(bytes(text));
      const set = asSet(text);
      for (const probe of [...list, ...probes]) expect(lines.has(probe)).toBe(set.has(probe));
    }), { numRuns: 2000 });
  });
});
