import { describe, expect, it } from "vitest";
import { DocumentWords, hyphenDecision, joinLines } from "./join.ts";

describe("hyphenDecision", () => {
  it("joins a word broken at a line end (English and Indonesian)", () => {
    expect(hyphenDecision("learn", "ing")).toBe("join");
    expect(hyphenDecision("informa", "tion")).toBe("join");
    expect(hyphenDecision("pengem", "bangan")).toBe("join");
    expect(hyphenDecision("perlin", "dungan")).toBe("join");
  });

  it("keeps the hyphen of a compound whose halves are words", () => {
    expect(hyphenDecision("two", "column")).toBe("keep");
    expect(hyphenDecision("of", "the")).toBe("keep");
    expect(hyphenDecision("anak", "anak")).toBe("keep");
    expect(hyphenDecision("Self", "attention")).toBe("keep");
  });

  it("keeps a hyphen next to digits", () => {
    expect(hyphenDecision("GPT", "4o")).toBe("keep");
    expect(hyphenDecision("2009", "2014")).toBe("keep");
  });

  it("joins a broken name", () => {
    expect(hyphenDecision("Gusen", "bauer")).toBe("join");
    expect(hyphenDecision("Char", "lin")).toBe("join");
  });

  it("asks the document first: a form printed whole or hyphenated inside a line wins", () => {
    const words = new DocumentWords(["TraceMonkey runs the loop", "it is a run-time check", "a dynamically-", "typed language"]);
    expect(hyphenDecision("Trace", "Monkey", words)).toBe("join");
    expect(hyphenDecision("run", "time", words)).toBe("keep");
    // A hyphen at a line's end is not evidence: "dynamically-" above is not "dynamically-typed".
    expect(words.hasHyphenated("dynamically", "typed")).toBe(false);
  });
});

describe("joinLines", () => {
  it("joins lines with spaces, repairing line-end hyphenation", () => {
    expect(joinLines(["reinforcement learn-", "ing with a two-", "column layout and state-of-", "the-art results"])).toBe(
      "reinforcement learning with a two-column layout and state-of-the-art results",
    );
  });

  it("keeps the hyphen, and adds no space, where a name with a number is broken at it", () => {
    expect(joinLines(["PaSa-", "7b achieves", "more than GPT-", "4o on IEEE-", "754 doubles"])).toBe("PaSa-7b achieves more than GPT-4o on IEEE-754 doubles");
    // A dash standing apart is punctuation, not a broken word.
    expect(joinLines(["from 2010 -", "2020"])).toBe("from 2010 - 2020");
  });

  it("joins a link broken at a line end without a space", () => {
    expect(joinLines(["see http://lua-users.org/lists/lua-l/2008-", "02/msg00051.html."])).toBe("see http://lua-users.org/lists/lua-l/2008-02/msg00051.html.");
  });
});
