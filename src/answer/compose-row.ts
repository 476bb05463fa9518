/**
 * A row of a paper's own data table as an answer (evidence.ts reads it as one piece of evidence, isDataRow):
 * said with its table and the columns the question names, each value quoted.
 */
import { analyze } from "../text/analyze.ts";
import { symbolDefinitionsIn } from "../text/symbols.ts";
import type { ComposeContext } from "./compose-context.ts";
import type { ScoredSentence, WeightedTerm } from "./evidence.ts";
import { MESSAGES } from "./messages.ts";
import { SentenceBuilder } from "./render.ts";
import type { AnswerSentence } from "./types.ts";

/** A data row says at most this many of its cells besides its first (a wide table's row is not read out whole). */
const ROW_MAX_CELLS = 6;

/** "Table 4: The hyperparameters used in PPO training." -> ["Table 4", "The hyperparameters used in PPO training"]. */
const CAPTION = /^((?:Table|Tabel|Figure|Fig\.|Gambar)\s*[\p{L}\d.-]*?\d[\p{L}\d.-]*?)[.:]?\s+(.+)$/iu;

/** Whether the question names a column ("speedup" names Speedup): a data row's figures are read by their columns. */
function columnAsked(column: string, weights: WeightedTerm[]): boolean {
  if (!column.trim()) return false;
  const analysed = analyze(column);
  const terms = new Set([...analysed.canonical, ...analysed.terms]);
  return weights.some((w) => w.weight > 0 && w.alternatives.some((a) => terms.has(a)));
}

/** A data row carries what was asked only through a column the question names; its caption alone does not. */
export function rowNamesAskedColumn(s: ScoredSentence, weights: WeightedTerm[]): boolean {
  if (!s.row) return true;
  // ... or through the symbol it gives a value for, when the question asks for what the text defines it as
  // ("in-session discount factor" for the row "γ0 (Equation 3) 1.0").
  return s.passage.cells.slice(1).some((c) => columnAsked(c.column, weights)) || symbolDefinitionsIn(s.passage.context).some((d) => columnAsked(d, weights));
}

/**
 * A data table's row said with its table and the columns the question names (all of them, up to
 * ROW_MAX_CELLS, when it names none): "According to Gal et al. (2009), Figure 13 («Detailed trace recording
 * statistics for the SunSpider benchmark set.») gives for «math-spectral-norm»: Speedup «7.12x» [1]."
 */
export function rowSentence(context: ComposeContext, s: ScoredSentence, weights: WeightedTerm[], who: string): AnswerSentence {
  const m = MESSAGES[context.lang];
  const p = s.passage;
  const cells = p.cells.map((c) => ({ column: c.column.trim(), text: p.text.slice(c.start, c.end).trim() })).filter((c) => c.text);
  const [first, ...rest] = cells;
  const named = rest.filter((c) => columnAsked(c.column, weights));
  const shown = (named.length > 0 ? named : rest).slice(0, ROW_MAX_CELLS);
  const caption = p.context.split("\n")[0]?.trim() ?? "";
  const labelled = CAPTION.exec(caption);
  const b = new SentenceBuilder().say(`${who} `);
  if (labelled) b.say(`${labelled[1]} (`).quote(labelled[2].split(/(?<=[.!?])\s+/)[0]).say(") ");
  else b.say(`${m.aTable} `);
  b.say(`${m.tableGives} `).quote(first?.text ?? p.text).say(shown.length > 0 ? ": " : "");
  shown.forEach((c, i) => {
    if (i > 0) b.say(", ");
    if (c.column) b.say(`${c.column} `);
    b.quote(c.text);
  });
  return b.cite(context.citations.cite(p, 0, p.text.length)).done();
}
