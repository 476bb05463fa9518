/**
 * decideJoin reads the letters ending a line backwards from its end (trailingLetters); it must find exactly
 * what the plain pattern finds on the whole text, whatever the letters, surrogate pairs and lone halves.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { trailingLetters } from "./table-text.ts";

const plain = (text: string) => /(\p{L}+)$/u.exec(text)?.[1];

describe("trailingLetters", () => {
  it("finds the last word of short and long texts", () => {
    expect(trailingLetters("Journal of Education")).toBe("Education");
    expect(trailingLetters(`${"kata ".repeat(40)}Peneliti`)).toBe("Peneliti");
    expect(trailingLetters(`${"kata ".repeat(40)}2016)`)).toBeUndefined();
    const long = "a".repeat(200);
    expect(trailingLetters(`x ${long}`)).toBe(long);
  });

  it("agrees with the pattern on the whole text, letter runs of any length, astral letters included", () => {
    const piece = fc.constantFrom("a", "Z", "é", "𝒜", "𐐀", " ", ".", "1", "-", "\ud835", "\udc9c", "kata ", "x".repeat(70));
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
      const text = parts.join("");
      expect(trailingLetters(text)).toBe(plain(text));
    }), { numRuns: 3000 });
  });
});
