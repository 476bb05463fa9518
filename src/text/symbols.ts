/**
 * Symbols a paper defines in its prose ("Here, γ0 is the in-session discount factor") and then uses alone in
 * a table ("γ0 (Equation 3) | 1.0"). A table row naming a defined symbol carries the definition in its
 * unseen context (ingest/pdf-table-passages.ts), so that a question in words ("what in-session discount
 * factor?") finds the row with the value, and the answer quotes it (answer/compose-row.ts). Only symbols
 * with a Greek letter are taken: a Latin letter ("k is the number of ...") is too often a word or an index.
 */
import { escapeRegExp } from "./tokenize.ts";

/** A symbol: a Greek letter, optionally with a subscript of letters or digits written inline ("γ0", "πθ", "λ_KL"). */
const SYMBOL = String.raw`\p{Script=Greek}[\p{L}\d_]{0,3}`;
/** "γ0 is the in-session discount factor", "where η denotes the coefficient of ...": the definition up to a clause's end. */
const DEFINITION = new RegExp(
  String.raw`(?<![\p{L}\d])(${SYMBOL})\s+(?:is|denotes|represents|stands for|refers to)\s+(?:the\s+|an?\s+)?([\p{L}][\p{L}\d\s-]{2,60}?)(?=\s*(?:[,.;:)]|\s+and\s|\s+(?:of|for|in|that|which)\s+\S+\s*[,.;]|$))`,
  "gu",
);
/** A definition this long is a clause, not a name. */
const MAX_DEFINITION_WORDS = 7;

/**
 * The symbols the texts define, each with its first definition.
 *
 * @example symbolDefinitions(["Here, γ0 is the in-session discount factor, and γ1 is the across-session discount factor."])
 * // Map { "γ0" => "in-session discount factor", "γ1" => "across-session discount factor" }
 */
export function symbolDefinitions(texts: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const text of texts) {
    if (!/\p{Script=Greek}/u.test(text)) continue;
    for (const m of text.matchAll(DEFINITION)) {
      const definition = m[2].trim().replace(/\s+/g, " ");
      if (definition.split(" ").length > MAX_DEFINITION_WORDS || out.has(m[1])) continue;
      out.set(m[1], definition);
    }
  }
  return out;
}

/**
 * The context lines for a table row whose label (its first cell) names defined symbols: "γ0: in-session
 * discount factor" for "γ0 (Equation 3)".
 */
export function definitionLinesFor(label: string, definitions: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [symbol, definition] of definitions) {
    if (new RegExp(String.raw`(?<![\p{L}\d])${escapeRegExp(symbol)}(?![\p{L}\d])`, "u").test(label)) out.push(definitionLine(symbol, definition));
  }
  return out;
}

const definitionLine = (symbol: string, definition: string) => `${symbol}: ${definition}`;
const DEFINITION_LINE = new RegExp(String.raw`^${SYMBOL}: (.+)$`, "u");

/**
 * The definitions withSymbolDefinitions put in a passage's context.
 *
 * @example symbolDefinitionsIn("Table 4: Hyperparameters.\nName | Value\nγ0: in-session discount factor") // ["in-session discount factor"]
 */
export function symbolDefinitionsIn(context: string): string[] {
  return context.split("\n").flatMap((line) => DEFINITION_LINE.exec(line)?.[1] ?? []);
}


/** A caption's clause that defines columns: "|P| and |Q| represent the total number of papers and queries". */
const DEFINING_VERB = String.raw`(?:denotes?|represents?|refers? to|stands? for|is|are|indicates?|shows?|gives?)`;
/** Where a definition ends: a clause's punctuation, or a participle that goes on about it ("collected for ..."). */
const CLAUSE_END = /\s*(?:[,.;:]|\s(?:collected|computed|measured|obtained|used|reported|across|for each|per each)\s)/u;

/**
 * What a table's caption says its columns are, for columns named by a symbol or an abbreviation: "|Q|
 * denotes the number of queries", "|P| and |Q| represent the total number of papers and queries" (the two
 * share the words before or after "and": "total number of papers", "total number of queries").
 *
 * @example columnDefinitions("Table 2: Statistics. |P| and |Q| represent the total number of papers and queries collected for each conference.", ["|P|", "|Q|"])
 * // Map { "|P|" => "total number of papers", "|Q|" => "total number of queries" }
 */
export function columnDefinitions(caption: string, columns: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const name = (c: string) => String.raw`(?<![\p{L}\d|])${escapeRegExp(c)}(?![\p{L}\d|])`;
  const definitionAfter = (at: number) => {
    const rest = caption.slice(at).replace(/^\s*(?:the|an?)\s+/u, "");
    const end = CLAUSE_END.exec(rest);
    const text = (end ? rest.slice(0, end.index) : rest).trim();
    return text.split(/\s+/).length <= MAX_DEFINITION_WORDS + 3 ? text : "";
  };
  for (const [i, first] of columns.entries()) {
    if (!first.trim()) continue;
    for (const second of columns.slice(i + 1)) {
      if (!second.trim()) continue;
      const pair = new RegExp(String.raw`${name(first)}\s+and\s+${name(second)}\s+${DEFINING_VERB}\s+`, "u").exec(caption);
      if (!pair) continue;
      const both = definitionAfter(pair.index + pair[0].length);
      const [left, right] = both.split(/\s+and\s+/u);
      if (!left || !right) continue;
      const leftWords = left.split(/\s+/);
      const rightWords = right.split(/\s+/);
      // "total number of papers and queries": the head before is shared; "50th and 90th percentiles of ...": the tail after is.
      if (leftWords.length > 1) {
        out.set(first, left);
        out.set(second, [...leftWords.slice(0, -1), ...rightWords].join(" "));
      } else {
        out.set(first, [left, ...rightWords.slice(1)].join(" "));
        out.set(second, right);
      }
    }
    if (out.has(first)) continue;
    const single = new RegExp(String.raw`${name(first)}\s+${DEFINING_VERB}\s+`, "u").exec(caption);
    if (single) {
      const definition = definitionAfter(single.index + single[0].length);
      if (definition) out.set(first, definition);
    }
  }
  return out;
}
