/** Symbols a paper defines in its prose, and the table rows that give their values. */
import { describe, expect, it } from "vitest";
import { definitionLinesFor, symbolDefinitions, symbolDefinitionsIn } from "./symbols.ts";

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
