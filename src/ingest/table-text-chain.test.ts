/**
 * referenceMatches finds the longest chain of matching windows with a prefix-maximum tree; it must mark
 * exactly the words the direct definition marks (every earlier window tried, the first of the longest kept).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { squash } from "../text/tokenize.ts";
import { referenceMatches, rowWords } from "./table-text.ts";

/** The definition, window by window against every window before it. */
function direct(text: string, reference: string): boolean[] {
  const words = rowWords([{ index: 0, text, page: null }]);
  const ref = squash(reference);
  const keys = words.map((w) => squash(w.text));
  const found: { at: number; span: number; offset: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const [span, minLetters] of [[3, 10], [2, 14]]) {
      if (i + span > words.length) continue;
      const key = keys.slice(i, i + span).join("");
      if (key.length < minLetters) continue;
      for (let offset = ref.indexOf(key); offset >= 0; offset = ref.indexOf(key, offset + 1)) found.push({ at: i, span, offset });
    }
  }
  const length = found.map((f) => f.span);
  const previous = found.map(() => -1);
  for (let k = 0; k < found.length; k++) {
    for (let j = 0; j < k; j++) {
      if (found[j].at < found[k].at && found[j].offset < found[k].offset && length[j] + found[k].span > length[k]) {
        length[k] = length[j] + found[k].span;
        previous[k] = j;
      }
    }
  }
  const matched = new Array<boolean>(words.length).fill(false);
  let k = length.length ? length.indexOf(Math.max(...length)) : -1;
  for (; k >= 0; k = previous[k]) matched.fill(true, found[k].at, found[k].at + found[k].span);
  return matched;
}

describe("referenceMatches", () => {
  it("marks what the direct definition marks", () => {
    const word = fc.constantFrom("anak", "korban", "perdagangan", "di", "Jawa", "Barat", "kasus", "penanganan", "menunjukka", "n", "hasil", "program");
    const text = fc.array(word, { minLength: 1, maxLength: 30 }).map((w) => w.join(" "));
    fc.assert(fc.property(text, text, (row, reference) => {
      expect(referenceMatches(rowWords([{ index: 0, text: row, page: null }]), reference)).toEqual(direct(row, reference));
    }), { numRuns: 2000 });
  });

  it("marks what the direct definition marks where phrases repeat (chains of equal length)", () => {
    const phrase = fc.constantFrom("anak korban perdagangan", "kasus perdagangan anak", "penanganan anak korban", "di Jawa Barat", "hasil program penanganan");
    const text = fc.array(phrase, { minLength: 1, maxLength: 10 }).map((p) => p.join(" "));
    fc.assert(fc.property(text, text, (row, reference) => {
      expect(referenceMatches(rowWords([{ index: 0, text: row, page: null }]), reference)).toEqual(direct(row, reference));
    }), { numRuns: 2000 });
  });
});
