/** The number of people a sample-size phrase gives (sampleNumber), in either language. */
import { describe, expect, it } from "vitest";
import { sampleNumber } from "./compose-records.ts";

describe("sampleNumber", () => {
  it("reads digits, grouped thousands and n =", () => {
    expect(sampleNumber("300 gadis")).toBe(300);
    expect(sampleNumber("1.200 responden")).toBe(1200);
    expect(sampleNumber("1,200 participants")).toBe(1200);
    expect(sampleNumber("n = 41")).toBe(41);
  });

  it("reads number words, and an Indonesian scale word after one", () => {
    expect(sampleNumber("enam penyintas")).toBe(6);
    expect(sampleNumber("twelve survivors")).toBe(12);
    expect(sampleNumber("dua puluh peserta")).toBe(20);
    expect(sampleNumber("lima belas remaja")).toBe(15);
    expect(sampleNumber("tiga ratus anak")).toBe(300);
  });

  it("gives nothing for a phrase that starts with no number", () => {
    expect(sampleNumber("beberapa peserta")).toBeUndefined();
  });
});
