/** A paper's data table as an answer: the highest or lowest of the column a question asks for. */
import { describe, expect, it } from "vitest";
import type { DocumentInfo } from "../domain/document.ts";
import type { Passage } from "../domain/passage.ts";
import { analyzeQuestion } from "../retrieve/question.ts";
import { analyze } from "../text/analyze.ts";
import { CitationList, ReferenceBook } from "./citations.ts";
import type { ComposeContext } from "./compose-context.ts";
import { tableExtreme, tableWhole } from "./compose-row.ts";
import type { ScoredSentence, WeightedTerm } from "./evidence.ts";
import { weighQuestion } from "./evidence.ts";

const doc: DocumentInfo = {
  id: "paper.pdf", title: "A paper", authors: ["Y. He"], year: 2025, venue: null, lang: "en", pages: 15, format: "pdf", sha256: "",
  short: "He et al. (2025)", kind: "paper", counts: { passages: 4, studies: 0, references: 0 }, warnings: [],
};
const CAPTION = "Table 2: Statistics of the dataset. |P| and |Q| represent the total number of papers and queries collected for each conference. Ans(/Q) denotes the average number of answer papers per query.";
const COLUMNS = ["Conference", "|P|", "|Q|", "Ans(/Q)"];

/** A row of the table: its cells, each named by its column, and the caption and column names as context. */
function row(cells: string[]): Passage {
  let text = "";
  const spans = cells.map((cell, i) => {
    if (text) text += " ";
    const start = text.length;
    text += cell;
    return { column: COLUMNS[i], field: null, start, end: text.length };
  });
  return { id: cells[0], docId: doc.id, text, section: "methods", heading: "Table 2: Statistics of the dataset.", page: 4, studies: [], lang: "en", kind: "table-row", start: 0, end: text.length, cells: spans, context: `${CAPTION}\n${COLUMNS.join(" | ")}` };
}
const rows = [row(["ICLR 2023", "888", "5204", "2.46"]), row(["NeurIPS 2023", "1948", "11761", "2.59"]), row(["CVPR 2024", "1336", "9528", "2.94"]), row(["ACL 2024", "485", "3315", "2.16"])];

function ask(question: string, lang: "en" | "id" = "en") {
  const { context, ranked, weights } = setUp(question, lang);
  return tableExtreme(context, ranked, weights, () => "According to He et al. (2025),");
}

function setUp(question: string, lang: "en" | "id" = "en") {
  const q = analyzeQuestion(question, { studies: [], documents: [doc] } as never);
  // The table's words are the index's words (a question word no row has is unknown, and weighs nothing here).
  const df: Record<string, number> = {};
  for (const r of rows) for (const t of new Set(analyze(`${r.text}\n${r.context}`).canonical)) df[t] = (df[t] ?? 0) + 1;
  const stats = { documents: 8, df };
  const weights: WeightedTerm[] = weighQuestion(q.text, stats, { sameLanguage: true });
  const context = {
    question: q, lang, records: [], documents: [doc], termStats: stats, citations: new CitationList(new ReferenceBook([doc], [])),
    passage: () => undefined, passagesOf: () => [], tableRows: () => rows, maxSentences: 3,
  } as ComposeContext;
  // The retrieval found one row of the table, not the one with the answer.
  const ranked = [{ passage: rows[0], row: true, text: rows[0].text, score: 1, coverage: 1 } as ScoredSentence];
  return { context, ranked, weights };
}

describe("tableWhole", () => {
  // The question's content words, as compose-explain.ts gives them (`all`: its unknown words too).
  const whole = (question: string, all = false) => {
    const { context, ranked, weights } = setUp(question);
    return tableWhole(context, ranked, weights.filter((w) => w.weight > 0 && (all || !w.unknown)), () => "According to He et al. (2025),");
  };

  it("reads out a table whose caption says all the question asks, each row cited to itself", () => {
    const found = whole("What are the statistics of the dataset?");
    expect(found?.sentence.text).toBe(
      "According to He et al. (2025), Table 2 («Statistics of the dataset.») gives: «ICLR 2023»: |P| 888, |Q| 5204, Ans(/Q) 2.46 [1]; «NeurIPS 2023»: |P| 1948, |Q| 11761, Ans(/Q) 2.59 [2]; «CVPR 2024»: |P| 1336, |Q| 9528, Ans(/Q) 2.94 [3]; «ACL 2024»: |P| 485, |Q| 3315, Ans(/Q) 2.16 [4].",
    );
  });

  it("leaves a question that names a row, asks for a highest, or has words the table lacks to the rows that answer it", () => {
    expect(whole("What are the statistics of the dataset for ICLR 2023?")).toBeUndefined();
    expect(whole("Which conference contributes the most queries?")).toBeUndefined();
    expect(whole("What are the statistics of the dataset by reviewer?", true)).toBeUndefined();
  });
});

describe("tableExtreme", () => {
  it("reads the highest of the column the caption says holds what was asked, over all the table's rows", () => {
    const found = ask("Which conference contributes the most queries?");
    expect(found?.sentence.text).toBe("According to He et al. (2025), in Table 2 («Statistics of the dataset.»), the highest |Q| (total number of queries) is 11761, for «NeurIPS 2023» [1].");
    expect(found?.rows).toHaveLength(4);
  });

  it("reads the lowest, in the asker's language", () => {
    expect(ask("Which conference has the fewest papers?")?.sentence.text).toMatch(/the lowest \|P\| \(total number of papers\) is 485, for «ACL 2024»/);
    expect(ask("Konferensi mana yang papers-nya paling sedikit?", "id")?.sentence.text).toMatch(/\|P\| \(total number of papers\) terendah adalah 485, pada «ACL 2024»/);
  });

  it("says nothing without a superlative, or when no column holds what was asked", () => {
    expect(ask("How many queries come from NeurIPS?")).toBeUndefined();
    expect(ask("Which conference has the most citations?")).toBeUndefined();
  });
});
