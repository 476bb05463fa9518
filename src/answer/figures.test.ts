import { describe, expect, it } from "vitest";
import { asksForChange, changeIn, isChangeWord, pointsOf } from "./figures.ts";

describe("asksForChange", () => {
  it("hears a change asked in English or Indonesian", () => {
    expect(asksForChange("By how much did school attendance rise between 2015 and 2018?")).toBe(true);
    expect(asksForChange("Jumlah korban turun berapa orang dari 2018 ke 2019?")).toBe(true);
    expect(asksForChange("Berapa selisih skor sebelum dan sesudah pelatihan?")).toBe(true);
  });
  it("does not hear one in a plain number question", () => {
    expect(asksForChange("How many children were enrolled in 2018?")).toBe(false);
    expect(asksForChange("Berapa persen peserta yang perempuan?")).toBe(false);
  });
});

describe("pointsOf", () => {
  it("takes the two points the question names, numbers or a baseline", () => {
    expect(pointsOf("from baseline to month 9, how much did it fall?")).toEqual([{ kind: "baseline" }, { kind: "number", value: 9 }]);
    expect(pointsOf("dari tahun 2010 ke 2012 naik berapa?")).toEqual([{ kind: "number", value: 2010 }, { kind: "number", value: 2012 }]);
  });
  it("gives up on one point or three", () => {
    expect(pointsOf("how much did it drop by 2012?")).toBeUndefined();
    expect(pointsOf("how much did it drop in 2010, 2011 and 2012?")).toBeUndefined();
  });
});

describe("changeIn", () => {
  it("reads each point's figure and subtracts earlier from later (percentage points)", () => {
    const s = "Saat masuk 40% anak tidak bersekolah, pada 3 bulan menjadi 31% (p<0,01) dan pada 9 bulan menjadi 12%.";
    const change = changeIn("Dari bulan ke-3 ke bulan ke-9 turun berapa poin?", s)!;
    expect(change).toMatchObject({ delta: -19, percent: true });
    expect([change.from.raw, change.to.raw]).toEqual(["31%", "12%"]);
  });
  it("puts the baseline first, whatever the question's order", () => {
    const s = "At the start, 65% reported stable housing; by 18 months, 81% did.";
    expect(changeIn("How many points did stable housing rise by 18 months compared with the start?", s)).toMatchObject({ delta: 16, percent: true });
  });
  it("orders years chronologically, so 'X in 2021 fell by how much versus 2020' is a drop", () => {
    const s = "Pada tahun 2021 tercatat 310 laporan, sedangkan pada tahun 2020 ada 402 laporan.";
    const change = changeIn("Laporan tahun 2021 turun berapa dibanding 2020?", s)!;
    expect(change.delta).toBe(-92);
    expect([change.from.value, change.to.value]).toEqual([402, 310]);
  });
  it("skips statistics next to a figure and keeps decimals", () => {
    const s = "Mean scores were 2.4 at baseline (p = 0.03) and 3.1 at 6 months.";
    // "2.4 at baseline": the figure comes before the point here, so no pairing is certain; nothing is computed.
    expect(changeIn("How much did the mean score increase from baseline to 6 months?", s)).toBeUndefined();
    const t = "At baseline the mean was 2.4 (p = 0.03); at 6 months it was 3.15.";
    expect(changeIn("How much did the mean score increase from baseline to 6 months?", t)).toMatchObject({ delta: 0.75, percent: false });
  });
  it("refuses figures of different units, a missing point, or a question that asks no change", () => {
    expect(changeIn("How much did it fall from 2019 to 2020?", "In 2019 there were 50 cases; in 2020, 40% fewer.")).toBeUndefined();
    expect(changeIn("How much did it fall from 2019 to 2020?", "In 2019 there were 50 cases.")).toBeUndefined();
    expect(changeIn("What happened in 2019 and 2020?", "In 2019 there were 50 cases; in 2020, 40.")).toBeUndefined();
  });
});

describe("isChangeWord", () => {
  it("knows the words that ask for a change, and only those", () => {
    expect(["dibanding", "selisihnya", "dropped"].map(isChangeWord)).toEqual([true, true, true]);
    expect(["laporan", "program"].map(isChangeWord)).toEqual([false, false]);
  });
});
