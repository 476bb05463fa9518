/**
 * The generic table parser on synthetic tables it was not developed on: an English study table (Author |
 * Year | Country | Design | Findings) laid out as a PDF's text extraction gives it, column-major (with
 * a page break inside a row) and row-major.
 */
import { describe, expect, it } from "vitest";
import { columnMajorLines, rowMajorLines, type SyntheticTable } from "../../test/helpers/table-layout.ts";
import { tokenF1 } from "../eval/table-f1.ts";
import { parseTables } from "./table-parse.ts";
import type { ParsedTable } from "./table-types.ts";

const ROWS: string[][] = [
  ["Smith et al.", "2019", "Nepal", "Cross-sectional survey", "Survivors who received mentoring reported fewer symptoms of depression at twelve months than those on the waiting list."],
  ["Garcia & Lopez", "2020", "Mexico", "Qualitative interviews", "Shelter staff described gaps in aftercare, especially for boys, and asked for longer funding cycles."],
  ["Nguyen", "2018", "Vietnam", "Cohort study", "Reintegration with family predicted school return; stigma in the village predicted dropout within a year."],
  ["Okafor, Mensah and Bello", "2021", "Nigeria", "Randomised controlled trial in three schools", "Community watch groups reduced recruitment attempts, while police referrals rose after training sessions for officers and teachers in three districts."],
  ["Brown & Patel", "2017", "India", "Qualitative interviews", "Girls rescued from brothels valued vocational training but feared returning to their home districts."],
  ["Kim", "2022", "Cambodia", "Randomised trial", "Trauma-focused therapy lowered symptom scores more than usual care, and the gains held at follow-up."],
  ["Rossi et al.", "2016", "Italy", "Case series", "Unaccompanied minors were often identified late; legal guardians improved access to protection services."],
  ["Haddad", "2023", "Lebanon", "Cross-sectional survey", "Child labour and early marriage were the main forms of exploitation reported by displaced families."],
];
const HEADER = ["No", "Author", "Year", "Country", "Design", "Findings"];
const FIELDS = ["authors", "year", "country", "design", "outcomes"];

/** Per field, the mean token F1 of the parsed cells against the synthetic table's cells. */
function meanF1(table: ParsedTable): Record<string, number> {
  return Object.fromEntries(FIELDS.map((field, c) => {
    const f1 = ROWS.map((cells, r) => tokenF1(table.rows.find((row) => row.number === r + 1)?.cells.find((x) => x.field === field)?.text ?? "", cells[c]));
    return [field, f1.reduce((s, x) => s + x, 0) / f1.length];
  }));
}

describe("a synthetic column-major English table", () => {
  const synthetic: SyntheticTable = { header: HEADER, widths: [3, 11, 4, 9, 12, 26], rows: ROWS, pageBreaks: new Map([[3, 2]]) };
  const lines = columnMajorLines(synthetic);
  const [table] = parseTables(lines);

  it("is found with its English columns, read column-major, with all rows", () => {
    expect(table.layout).toBe("column-major");
    expect(table.columns.map((c) => c.field)).toEqual(["number", ...FIELDS]);
    expect(table.rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("reads every column's cells", () => {
    const f1 = meanF1(table);
    for (const field of FIELDS) expect(f1[field], field).toBeGreaterThanOrEqual(0.95);
  });

  it("splits a line holding two cells and rejoins words the narrow columns broke", () => {
    const row1 = table.rows[0].cells;
    expect(row1.find((c) => c.field === "year")?.text).toBe("2019");
    expect(row1.find((c) => c.field === "country")?.text).toBe("Nepal");
    expect(row1.find((c) => c.field === "design")?.text).toBe("Cross-sectional survey");
  });

  it("continues cells after a page break inside a row (row 4)", () => {
    const findings = table.rows[3].cells.find((c) => c.field === "outcomes")?.text;
    expect(findings).toBe(ROWS[3][4]);
  });
});

describe("a synthetic row-major English table", () => {
  const synthetic: SyntheticTable = { header: HEADER, widths: [3, 16, 4, 10, 22, 34], rows: ROWS };
  const lines = rowMajorLines(synthetic);
  const [table] = parseTables(lines);

  it("is found and read row-major", () => {
    expect(table.layout).toBe("row-major");
    expect(table.rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("reads every column's cells", () => {
    const f1 = meanF1(table);
    for (const field of FIELDS) expect(f1[field], field).toBeGreaterThanOrEqual(0.95);
  });
});

describe("a synthetic column-major table whose venues open with a country's name", () => {
  // Title Case titles give no sign of where they end; "American" / "Journal of ..." does: a venue's name
  // often opens with a place's name before its kind word ("Journal", "Association").
  const rows: string[][] = [
    ["Mentoring for Survivors of Trafficking", "American Journal of Public Health", "2019"],
    ["Shelter Care and School Return", "Indonesian Journal of Social Work", "2020"],
    ["Trauma Therapy in Aftercare Homes", "British Journal of Psychiatry", "2018"],
    ["Community Watch Against Recruitment", "Child Abuse and Neglect", "2021"],
    ["Legal Guardians for Unaccompanied Minors", "Australian Association of Social Work", "2022"],
  ];
  const synthetic: SyntheticTable = { header: ["No", "Title", "Journal", "Year"], widths: [3, 14, 10, 4], rows };
  const [table] = parseTables(columnMajorLines(synthetic));

  it("starts each venue at the place's name, and ends each title before it", () => {
    // (Row 4's venue has neither a place nor a kind word: nothing tells where its title ends.)
    for (const [r, [title, venue]] of rows.entries()) {
      if (r === 3) continue;
      const cells = table.rows.find((row) => row.number === r + 1)?.cells ?? [];
      expect(cells.find((c) => c.field === "title")?.text, `title ${r + 1}`).toBe(title);
      expect(cells.find((c) => c.field === "venue")?.text, `venue ${r + 1}`).toBe(venue);
    }
  });
});
