/**
 * A row of a paper's own data table as an answer (evidence.ts reads it as one piece of evidence, isDataRow):
 * said with its table and the columns the question names, each value quoted.
 */
import { analyze } from "../text/analyze.ts";
import { escapeRegExp } from "../text/tokenize.ts";
import { columnDefinitions, symbolDefinitionsIn } from "../text/symbols.ts";
import type { ComposeContext } from "./compose-context.ts";
import type { Passage } from "../domain/passage.ts";
import { hasTerm, type ScoredSentence, type WeightedTerm } from "./evidence.ts";
import { joinList, MESSAGES } from "./messages.ts";
import { SentenceBuilder } from "./render.ts";
import type { AnswerSentence } from "./types.ts";

/** A data row says at most this many of its cells besides its first (a wide table's row is not read out whole). */
const ROW_MAX_CELLS = 6;

/** "Table 4: The hyperparameters used in PPO training." -> ["Table 4", "The hyperparameters used in PPO training"]. */
const CAPTION = /^((?:Table|Tabel|Figure|Fig\.|Gambar)\s*[\p{L}\d.-]*?\d[\p{L}\d.-]*?)[.:]?\s+(.+)$/iu;

/** A column name's (or its definition's) terms, in both the analysis's own and its canonical form. */
function termsOf(text: string): Set<string> {
  const analysed = analyze(text);
  return new Set([...analysed.canonical, ...analysed.terms]);
}

/** The question's weight that a column name (or its definition) carries. */
function askedWeight(terms: Set<string>, weights: WeightedTerm[]): number {
  return weights.reduce((sum, w) => sum + (w.weight > 0 && hasTerm(w, terms) ? w.weight : 0), 0);
}

/** Whether the question names a column ("speedup" names Speedup): a data row's figures are read by their columns. */
function columnAsked(column: string, weights: WeightedTerm[]): boolean {
  return column.trim() !== "" && askedWeight(termsOf(column), weights) > 0;
}

/**
 * Say the table a row belongs to by its caption's label and title, after `lead` ("in Table 4 («The
 * hyperparameters used in PPO training.»)"); false, and nothing said, when the caption has no label.
 */
function sayTableOf(b: SentenceBuilder, caption: string, lead = ""): boolean {
  const labelled = CAPTION.exec(caption);
  if (!labelled) return false;
  b.say(`${lead}${labelled[1]} (`).quote(labelled[2].split(/(?<=[.!?])\s+/)[0]).say(")");
  return true;
}

/** A row's cells, each with its column's name, empty ones left out. */
const cellsOf = (p: Passage) => p.cells.map((c) => ({ column: c.column.trim(), text: p.text.slice(c.start, c.end).trim() })).filter((c) => c.text);

/** A cell's value: a figure is said, not quoted (it reads the same in any words, and the citation is to the row). */
function sayValue(b: SentenceBuilder, text: string): void {
  if (cellNumber(text) !== undefined) b.say(text);
  else b.quote(text);
}

/** A row's caption: the first line of its unseen context. */
const captionOf = (p: Passage) => p.context.split("\n")[0]?.trim() ?? "";

/** A data row carries what was asked only through a column the question names; its caption alone does not. */
export function rowNamesAskedColumn(s: ScoredSentence, weights: WeightedTerm[]): boolean {
  if (!s.row) return true;
  // (A column named whose cell is empty, "-", gives nothing: "What is the precision of Google Scholar on
  // AutoScholarQuery?" is not answered by a row that has none.)
  const asked = s.passage.cells.slice(1).filter((c) => columnAsked(c.column, weights));
  if (asked.length > 0) return asked.some((c) => !EMPTY_CELL.test(s.passage.text.slice(c.start, c.end)));
  // ... or through the symbol it gives a value for, when the question asks for what the text defines it as
  // ("in-session discount factor" for the row "γ0 (Equation 3) 1.0").
  return symbolDefinitionsIn(s.passage.context).some((d) => columnAsked(d, weights));
}

/** A cell that gives no value: a dash, "n/a", "–". */
const EMPTY_CELL = /^\s*(?:[-\u2013\u2014\u2212]+|n\/?a)?\s*$/iu;

/**
 * A data table's row said with its table and the columns the question names (all of them, up to
 * ROW_MAX_CELLS, when it names none): "According to Gal et al. (2009), Figure 13 («Detailed trace recording
 * statistics for the SunSpider benchmark set.») gives for «math-spectral-norm»: Speedup 7.12x [1]."
 */
export function rowSentence(context: ComposeContext, s: ScoredSentence, weights: WeightedTerm[], who: string): AnswerSentence {
  const m = MESSAGES[context.lang];
  const p = s.passage;
  const [first, ...rest] = cellsOf(p);
  const named = rest.filter((c) => columnAsked(c.column, weights));
  const b = new SentenceBuilder().say(`${who} `);
  if (!sayTableOf(b, captionOf(p))) b.say(m.aTable);
  // "What is the precision of Google Scholar?" of a row whose Precision is "-": the table gives none.
  if (named.length > 0 && named.every((c) => EMPTY_CELL.test(c.text))) {
    b.say(` ${m.tableGivesNo(joinList(named.map((c) => c.column), context.lang))} `).quote(first?.text ?? p.text).say(` (${named.map((c) => c.text).join(", ")})`);
    return b.cite(context.citations.cite(p, 0, p.text.length)).done();
  }
  const shown = (named.length > 0 ? named : rest).slice(0, ROW_MAX_CELLS);
  b.say(` ${m.tableGives} `).quote(first?.text ?? p.text).say(shown.length > 0 ? ": " : "");
  shown.forEach((c, i) => {
    if (i > 0) b.say(", ");
    if (c.column) b.say(`${c.column} `);
    sayValue(b, c.text);
  });
  return b.cite(context.citations.cite(p, 0, p.text.length)).done();
}

/** A data cell's number: "11761", "1,948", "7.12x", "42.64%" ("-" and "2.0 ± 0.1" are not one number). */
function cellNumber(text: string): number | undefined {
  const m = /^([-+\u2212]?\d[\d,]*(?:\.\d+)?)\s*(?:x|\u00d7|%)?$/i.exec(text.trim());
  return m ? Number(m[1].replace(/,/g, "").replace("\u2212", "-")) : undefined;
}

/** A table needs this many rows with a number in the column to have a highest or lowest worth stating. */
const MIN_EXTREME_ROWS = 3;

/**
 * "Which conference contributes the most queries?": the row of the data table the question is about with
 * the highest (or lowest) value in the column it asks for, read off all the table's rows, said with its
 * table and cited to that row: "According to He et al. (2025), in Table 2 («Statistics of
 * AutoScholarQuery.»), the highest |Q| (total number of queries) is 11761, for «NeurIPS 2023» [1]." The
 * column is the one whose name, or what the caption says it is, covers the most of the question (the more
 * specific on a tie); none, or two alike, and nothing is said.
 */
export function tableExtreme(context: ComposeContext, ranked: ScoredSentence[], weights: WeightedTerm[], who: (p: Passage) => string): { sentence: AnswerSentence; rows: Passage[]; column: string } | undefined {
  const op = context.question.superlative;
  // The table is the best-ranked row's; the column asked must be one of its own, or nothing is said.
  const top = ranked.find((s) => s.row);
  if (!op || !top || !context.tableRows) return undefined;
  const rows = context.tableRows(top.passage).filter((p) => p.cells.length === top.passage.cells.length);
  const caption = captionOf(top.passage);
  const columns = top.passage.cells.map((c) => c.column.trim());
  const definitions = columnDefinitions(caption, columns);
  const fit = (column: string) => {
    const terms = termsOf(`${column} ${definitions.get(column) ?? ""}`);
    const weight = askedWeight(terms, weights);
    return { weight, specific: weight / Math.max(1, terms.size) };
  };
  const scored = columns.map((column, i) => ({ column, i, ...fit(column) })).filter((c) => c.i > 0 && c.column && c.weight > 0);
  scored.sort((a, b) => b.weight - a.weight || b.specific - a.specific);
  const [best, next] = scored;
  if (!best || (next && next.weight === best.weight && next.specific === best.specific)) return undefined;
  const values = rows.flatMap((p) => {
    const cell = p.cells[best.i];
    const value = cellNumber(p.text.slice(cell.start, cell.end));
    return value === undefined ? [] : [{ p, value }];
  });
  if (values.length < MIN_EXTREME_ROWS) return undefined;
  const extreme = values.reduce((a, b) => ((op === "max" ? b.value > a.value : b.value < a.value) ? b : a));
  const p = extreme.p;
  const cellText = (i: number) => p.text.slice(p.cells[i].start, p.cells[i].end).trim();
  const m = MESSAGES[context.lang];
  const definition = definitions.get(best.column);
  const b = new SentenceBuilder().say(`${who(p)} `);
  if (sayTableOf(b, caption, `${m.inTable} `)) b.say(", ");
  b.say(`${m.extremeOf(op === "max", definition ? `${best.column} (${definition})` : best.column)} `).say(cellText(best.i)).say(`, ${m.extremeFor} `).quote(cellText(0));
  return { sentence: b.cite(context.citations.cite(p, 0, p.text.length)).done(), rows, column: best.column };
}

/** A whole table said as an answer reads out at most this many rows (the rest are counted, not said). */
const TABLE_MAX_ROWS = 16;

/**
 * "What hyperparameters were used for PPO?": a question whose words are all the caption's (and columns') of a
 * data table, naming none of its rows and asking for no highest or lowest, asks for the table: each row said
 * with its cells, each cited to its row, after the table's caption. "According to He et al. (2025), Table 4
 * («The hyperparameters used in PPO training.») gives: «α (Equation 1)» 1.5 [1]; ... «total step» 250 [16]."
 * Undefined when the best evidence is not such a table's caption or row, or a row is named (in `asked`: the
 * question, with a follow-up's search text).
 */
export function tableWhole(context: ComposeContext, ranked: ScoredSentence[], content: WeightedTerm[], who: (p: Passage) => string, asked = context.question.text): { sentence: AnswerSentence; rows: Passage[] } | undefined {
  const best = ranked[0];
  if (!best || !context.tableRows || context.question.superlative || content.length === 0) return undefined;
  // The table is the best sentence's: a row of it, or its caption.
  const caption = (text: string) => text.replace(/\s+/g, " ").trim();
  const top = best.row ? best : CAPTION.test(best.text.trim()) ? ranked.find((s) => s.row && s.passage.docId === best.passage.docId && caption(captionOf(s.passage)).startsWith(caption(best.text))) : undefined;
  if (!top) return undefined;
  const rows = context.tableRows(top.passage).filter((p) => p.cells.length === top.passage.cells.length);
  if (rows.length < 2) return undefined;
  // Everything the question is about is in the caption or the column names ...
  const head = termsOf(`${captionOf(top.passage)} ${top.passage.cells.map((c) => c.column).join(" ")}`);
  if (!content.every((w) => hasTerm(w, head))) return undefined;
  // ... and no row is picked out by its label.
  const label = (p: Passage) => p.text.slice(p.cells[0].start, p.cells[0].end).trim();
  // (Also a label the question writes as it is, though its words name the document: "PaSa-7b" of "What is the
  // recall of PaSa-7b on AutoScholarQuery?" picks PaSa-7b's row.)
  const writes = (text: string) => text.length >= 3 && new RegExp(`(?<![\\p{L}\\p{N}-])${escapeRegExp(text)}(?![\\p{L}\\p{N}-])`, "iu").test(asked);
  if (rows.some((p) => askedWeight(termsOf(label(p)), content) > 0 || writes(label(p)))) return undefined;
  const m = MESSAGES[context.lang];
  const b = new SentenceBuilder().say(`${who(top.passage)} `);
  if (!sayTableOf(b, captionOf(top.passage))) b.say(m.aTable);
  b.say(` ${m.tableGivesAll} `);
  const said = rows.slice(0, TABLE_MAX_ROWS);
  said.forEach((p, i) => {
    if (i > 0) b.say("; ");
    const [first, ...others] = cellsOf(p);
    // The columns the question names, when it names some ("results on RealScholarQuery"), else all of them.
    const named = others.filter((c) => columnAsked(c.column, content));
    const rest = (named.length > 0 ? named : others).slice(0, ROW_MAX_CELLS);
    b.quote(first?.text ?? p.text);
    // One value beside its label needs no column name ("«learning rate» 1e-6"); several are each named.
    rest.forEach((c, j) => {
      b.say(j === 0 ? (rest.length === 1 && others.length === 1 ? " " : ": ") : ", ");
      if ((rest.length > 1 || others.length > 1) && c.column) b.say(`${c.column} `);
      sayValue(b, c.text);
    });
    b.cite(context.citations.cite(p, 0, p.text.length));
  });
  if (rows.length > said.length) b.say(`; ${m.moreRows(rows.length - said.length)}`);
  return { sentence: b.done(), rows };
}
