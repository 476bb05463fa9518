/** Symbols a paper defines in its prose, and the table rows that give their values. */
import { describe, expect, it } from "vitest";
import { columnDefinitions, definitionLinesFor, symbolDefinitions, symbolDefinitionsIn } from "./symbols.ts";

describe("symbolDefinitions", () => {
  it("reads 'X is the ...', 'where X denotes ...' for symbols with a Greek letter, up to the clause's end", () => {
    const defs = symbolDefinitions([
      "Here, γ0 is the in-session discount factor, and γ1 is the across-session discount factor.",
      "LRL(θ, ϕ) = Lpolicy(θ) + η · Lvalue(ϕ) where η is the coefficient of the value objective.",
      "where α denotes the learning rate of the actor.",
    ]);
    expect(Object.fromEntries(defs)).toEqual({
      γ0: "in-session discount factor",
      γ1: "across-session discount factor",
      η: "coefficient of the value objective",
      α: "learning rate of the actor",
    });
  });

  it("takes no Latin letters, no long clauses, and keeps a symbol's first definition", () => {
    expect(symbolDefinitions(["k is the number of retrieved papers."]).size).toBe(0);
    expect(symbolDefinitions(["β is the weight that we tune by hand on a validation set of queries drawn at random."]).size).toBe(0);
    expect(symbolDefinitions(["λ is the decay rate.", "λ is the penalty."]).get("λ")).toBe("decay rate");
  });
});

describe("a table row's label and its context", () => {
  const defs = new Map([["γ0", "in-session discount factor"], ["γ1", "across-session discount factor"]]);

  it("gives the definitions of the symbols the label names, whole symbols only", () => {
    expect(definitionLinesFor("γ0 (Equation 3)", defs)).toEqual(["γ0: in-session discount factor"]);
    expect(definitionLinesFor("γ01 (Equation 4)", defs)).toEqual([]);
    expect(definitionLinesFor("batch size", defs)).toEqual([]);
  });

  it("reads the definitions back out of a context, and nothing else of it", () => {
    expect(symbolDefinitionsIn(["Table 4: The hyperparameters.", "Name | Value", ...definitionLinesFor("γ1", defs)].join("\n"))).toEqual(["across-session discount factor"]);
    expect(symbolDefinitionsIn("Table 4: The hyperparameters.\nName | Value")).toEqual([]);
  });
});

describe("columnDefinitions", () => {
  const caption =
    "Table 2: Statistics of AutoScholarQuery. |P| and |Q| represent the total number of papers and queries collected for each conference. " +
    "Ans(/Q) denotes the average number of answer papers per query. Ans-50 and Ans-90 refers to the 50th and 90th percentiles of answer paper counts per query.";

  it("reads what a caption says its columns are, one at a time or two sharing a head or a tail", () => {
    expect(Object.fromEntries(columnDefinitions(caption, ["Conference", "|P|", "|Q|", "Ans(/Q)", "Ans-50", "Ans-90"]))).toEqual({
      "|P|": "total number of papers",
      "|Q|": "total number of queries",
      "Ans(/Q)": "average number of answer papers per query",
      "Ans-50": "50th percentiles of answer paper counts per query",
      "Ans-90": "90th percentiles of answer paper counts per query",
    });
  });

  it("defines no column the caption does not name", () => {
    expect(columnDefinitions("Table 3: Results on the test set.", ["Method", "Recall", "Precision"]).size).toBe(0);
    expect(columnDefinitions(caption, ["Crawler Recall"]).size).toBe(0);
  });
});
