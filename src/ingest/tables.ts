/**
 * The review's two tables, one study per row.
 *
 * The results table (No, Judul Artikel, Hasil) comes out of the PDF as a title followed by its result; the
 * title is recognised from studies.json and the rest is the result.
 *
 * The study table's columns come out interleaved: for each row, column by column (Database, Judul Artikel,
 * Nama Jurnal, Nama Penulis, Tahun + Metode, Intervensi, Hasil), and when a row crosses a page the
 * continuing columns again one after the other. The metadata columns are recognised against studies.json
 * (transcribed from this very table); the Intervensi and Hasil lines are told apart by matching them
 * against the same study's result in the results table, choosing the best split into alternating
 * Intervensi/Hasil blocks (one pair per page the row spans).
 */
import { joinLines, type Vocabulary } from "./clean.ts";
import type { Study } from "./studies.ts";
import type { SourceLine } from "./types.ts";
import { squash } from "../text/tokenize.ts";

export interface TableRow {
  number: number;
  lines: SourceLine[];
}

export interface ResultsRow {
  number: number;
  title: string;
  result: string;
  page: number | null;
}

export interface StudyRow {
  number: number;
  database: string;
  title: string;
  journal: string;
  authors: string;
  year: string;
  method: string;
  intervention: string;
  result: string;
  page: number | null;
}


/**
 * Split table lines into rows "1." .. "10.". A row number broken over two lines ("1" / "0.") is joined.
 * `accept` can require more of a row start (the study table's rows start with a database name), so that
 * a numbered list inside a cell ("1. Predisposisi kerentanan") is not taken for a row.
 */
export function splitRows(lines: SourceLine[], accept: (rest: string) => boolean = () => true): TableRow[] {
  const rows: TableRow[] = [];
  let expected = 1;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text;
    let rest: string | undefined;
    let consumed = 0;
    const m = /^(\d{1,2})\s*\.\s*(.*)$/.exec(text);
    if (m && Number(m[1]) === expected) {
      rest = m[2] || lines[i + 1]?.text || "";
      consumed = m[2] ? 0 : 1;
    } else if (/^\d$/.test(text) && i + 1 < lines.length) {
      const n = /^(\d)\s*\.\s*(.*)$/.exec(lines[i + 1].text);
      if (n && Number(text + n[1]) === expected) {
        rest = n[2] || lines[i + 2]?.text || "";
        consumed = n[2] ? 1 : 2;
      }
    }
    if (rest !== undefined && accept(rest)) {
      const first = { ...lines[i + consumed], text: rest === lines[i + consumed].text ? rest : rest };
      rows.push({ number: expected, lines: [first] });
      i += consumed;
      expected++;
      continue;
    }
    rows.at(-1)?.lines.push(lines[i]);
  }
  return rows;
}

/**
 * Mark the words of `anchor` (a known title) in `words`: first the longest run from the start, then any
 * later runs of at least three words (a title split by a page break). Returns the indices marked.
 */
function markAnchorWords(words: string[], anchor: string): Set<number> {
  const target = anchor.split(/\s+/).map(squash).filter(Boolean);
  const keys = words.map(squash);
  const marked = new Set<number>();
  let t = 0;
  let i = 0;
  while (t < target.length && i < keys.length) {
    if (keys[i] === "" ) { i++; continue; }
    let run = 0;
    while (t + run < target.length && i + run < keys.length && keys[i + run] === target[t + run]) run++;
    const remaining = target.length - t;
    if (run > 0 && (t === 0 && i === 0 ? true : run >= Math.min(3, remaining))) {
      for (let k = 0; k < run; k++) marked.add(i + k);
      t += run;
      i += run;
    } else i++;
  }
  return marked;
}

export function parseResultsTable(lines: SourceLine[], studies: Study[], vocabulary: Vocabulary): ResultsRow[] {
  const byNumber = new Map(studies.map((s) => [s.number, s]));
  return splitRows(lines).map((row) => {
    const text = joinLines(row.lines.map((l) => l.text), vocabulary);
    const study = byNumber.get(row.number);
    const words = text.split(" ");
    const marked = study ? markAnchorWords(words, study.title) : new Set<number>();
    const title = words.filter((_, i) => marked.has(i)).join(" ");
    const result = words.filter((_, i) => !marked.has(i)).join(" ");
    return { number: row.number, title, result, page: row.lines[0].page };
  });
}

type Column = "database" | "title" | "journal" | "citation" | "authors";
const METADATA_COLUMNS: Column[] = ["database", "title", "journal", "citation", "authors"];

function anchorsOf(study: Study): Record<Column, string> {
  return {
    database: squash(study.database ?? ""),
    title: squash(study.title),
    journal: squash(study["container-title"]),
    citation: squash(study.citedAs ?? ""),
    authors: squash((study.author ?? []).map((a) => ("literal" in a ? a.literal : `${a.given ?? ""} ${a.family}`)).join(" ")),
  };
}

/** Cost of opening a new Intervensi or Hasil block: a row spans few pages, so blocks are few. */
const BLOCK_COST = 15;

/**
 * Which of a row's Intervensi/Hasil lines are Hasil. Evidence: a line is found in the study's known result
 * (from the results table) near where the previous Hasil line ended, so words that merely recur elsewhere
 * in the result ("layanan", "program") are not taken for it. The labels are then chosen by dynamic
 * programming over the block sequence I, H, I, H, I, H (one Intervensi/Hasil pair per page the row spans),
 * paying BLOCK_COST per block, so a stray line follows its neighbours.
 */
function labelResultLines(lines: string[], knownResult: string): boolean[] {
  const anchor = squash(knownResult);
  let cursor = 0;
  const evidence = lines.map((line) => {
    const key = squash(line);
    const weight = key.length >= 5 ? Math.min(key.length, 20) : 1;
    const at = key.length >= 3 ? anchor.indexOf(key, Math.max(0, cursor - 2)) : -1;
    const inResult = at >= 0 && at - cursor <= 60;
    if (inResult) cursor = at + key.length;
    return { inResult, weight };
  });
  const STATES = 6; // even = Intervensi, odd = Hasil
  const n = lines.length;
  const labels = new Array<boolean>(n).fill(false);
  if (n === 0) return labels;
  const score: number[][] = Array.from({ length: n }, () => new Array<number>(STATES).fill(-Infinity));
  const from: number[][] = Array.from({ length: n }, () => new Array<number>(STATES).fill(-1));
  const gain = (i: number, s: number) => (evidence[i].inResult === (s % 2 === 1) ? evidence[i].weight : -evidence[i].weight);
  score[0][0] = gain(0, 0);
  score[0][1] = gain(0, 1) - BLOCK_COST;
  for (let i = 1; i < n; i++) {
    for (let s = 0; s < STATES; s++) {
      for (const p of [s, s - 1]) {
        if (p < 0 || score[i - 1][p] === -Infinity) continue;
        const value = score[i - 1][p] + gain(i, s) - (p === s ? 0 : BLOCK_COST);
        if (value > score[i][s]) {
          score[i][s] = value;
          from[i][s] = p;
        }
      }
    }
  }
  let s = score[n - 1].indexOf(Math.max(...score[n - 1]));
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = s % 2 === 1;
    if (i > 0) s = from[i][s];
  }
  return labels;
}

const YEAR = /^(?:19|20)\d\d$/;

export function parseStudyTable(
  lines: SourceLine[],
  studies: Study[],
  results: ResultsRow[],
  vocabulary: Vocabulary,
): StudyRow[] {
  const byNumber = new Map(studies.map((s) => [s.number, s]));
  const databases = studies.map((s) => squash(s.database ?? "")).filter(Boolean);
  const startsWithDatabase = (rest: string) => {
    const first = squash(rest.split(" ")[0] ?? "");
    return databases.length === 0 || (first.length > 0 && databases.some((d) => d.startsWith(first)));
  };
  const resultOf = new Map(results.map((r) => [r.number, r.result]));

  return splitRows(lines, startsWithDatabase).map((row) => {
    const study = byNumber.get(row.number);
    const anchors = study ? anchorsOf(study) : undefined;
    const methodAnchor = squash(study?.method ?? "");
    const cells: Record<Column | "year" | "method", string[]> = {
      database: [], title: [], journal: [], citation: [], authors: [], year: [], method: [],
    };
    const consumed: Record<string, string> = {};
    const anchorOf = (column: Column | "method") => (column === "method" ? methodAnchor : anchors?.[column] ?? "");
    const fits = (column: Column | "method", text: string) => {
      const anchor = anchorOf(column);
      const next = (consumed[column] ?? "") + squash(text);
      return anchor.length > 0 && squash(text).length > 0 && anchor.startsWith(next);
    };
    const take = (column: Column | "year" | "method", text: string) => {
      cells[column].push(text);
      consumed[column] = (consumed[column] ?? "") + squash(text);
    };

    // The PDF puts two columns on one line at times ("Neliti Kerjasama"), so metadata is read word by word.
    const words = row.lines.flatMap((l, line) => l.text.split(" ").filter(Boolean).map((text) => ({ text, line })));
    let w = 0;
    let column = 0;
    // 1. Database, title, journal, citation and authors, in that order, up to the year.
    for (; w < words.length; w++) {
      const text = words[w].text;
      let c = column;
      while (c < METADATA_COLUMNS.length && !fits(METADATA_COLUMNS[c], text)) c++;
      if (c < METADATA_COLUMNS.length) {
        column = c;
        take(METADATA_COLUMNS[c], text);
      } else if (YEAR.test(text) && column >= 1) {
        take("year", text);
        w++;
        break;
      } else take(METADATA_COLUMNS[column], text);
    }
    // 2. The method column, as long as it continues the recorded method.
    while (w < words.length && consumed.method !== methodAnchor && fits("method", words[w].text)) {
      take("method", words[w].text);
      w++;
    }
    // 3. Intervensi and Hasil lines (the rest of the method's last line starts them), minus title lines
    //    continued from the previous page.
    const rest: string[] = [];
    let lastLine = -1;
    for (; w < words.length; w++) {
      const { text, line } = words[w];
      if (anchors && line !== lastLine && consumed.title !== anchors.title && fits("title", row.lines[line].text)) {
        take("title", row.lines[line].text);
        w += row.lines[line].text.split(" ").filter(Boolean).length - 1;
        continue;
      }
      if (line === lastLine) rest[rest.length - 1] += " " + text;
      else rest.push(text);
      lastLine = line;
    }
    const isResult = labelResultLines(rest, resultOf.get(row.number) ?? "");
    const join = (parts: string[]) => joinLines(parts, vocabulary);
    // Where the extracted letters are exactly the recorded value, the recorded spacing is used: the PDF's
    // narrow columns broke words in ways no rule can undo ("Education" + "al", "Associati" + "on").
    const spaced = (parts: string[], recorded: string | null | undefined) =>
      recorded && parts.length > 0 && squash(parts.join("")) === squash(recorded) ? recorded : join(parts);
    const authorsRecorded = study?.author
      ?.map((a) => ("literal" in a ? a.literal : `${a.given ?? ""} ${a.family}`.trim()))
      .join(", ");
    return {
      number: row.number,
      database: spaced(cells.database, study?.database),
      title: spaced(cells.title, study?.title),
      journal: [spaced(cells.journal, study?.["container-title"]), spaced(cells.citation, study?.citedAs)].filter(Boolean).join(" "),
      authors: spaced(cells.authors, authorsRecorded),
      year: cells.year.join(" "),
      method: spaced(cells.method, study?.method),
      intervention: join(rest.filter((_, k) => !isResult[k])),
      result: join(rest.filter((_, k) => isResult[k])),
      page: row.lines[0].page,
    };
  });
}
