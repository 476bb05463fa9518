/** Cutting a model's stream into sentences (src/answer/model-answer.ts), at every chunk boundary. */
import { describe, expect, it } from "vitest";
import { sentenceSplitter } from "../answer/model-answer.ts";

function split(chunks: string[]) {
  const s = sentenceSplitter();
  const out = chunks.flatMap((c) => s.push(c));
  return [...out, ...s.flush()];
}

describe("sentenceSplitter", () => {
  const text = 'After 12 months, CSE fell to 14%. [3] The review says "A. B." [1]\n- item one [2]\n- item two [2]';
  const expected = [
    { raw: "After 12 months, CSE fell to 14%. [3]", separator: "" },
    { raw: 'The review says "A. B." [1]', separator: " " },
    { raw: "- item one [2]", separator: "\n" },
    { raw: "- item two [2]", separator: "\n" },
  ];

  it("moves markers written after a full stop to their sentence, keeps quotations whole and list lines apart", () => {
    expect(split([text])).toEqual(expected);
  });

  it("gives the same sentences whatever the chunking (every split point)", () => {
    for (let i = 1; i < text.length; i++) expect(split([text.slice(0, i), text.slice(i)]), `split at ${i}`).toEqual(expected);
    expect(split([...text])).toEqual(expected);
  });

  it("holds a sentence back until the next one has begun", () => {
    const s = sentenceSplitter();
    expect(s.push("First claim [1].")).toEqual([]);
    expect(s.push(" [2]")).toEqual([]);
    expect(s.push(" Second")).toEqual([{ raw: "First claim [1]. [2]", separator: "" }]);
    expect(s.flush()).toEqual([{ raw: "Second", separator: " " }]);
  });
});
