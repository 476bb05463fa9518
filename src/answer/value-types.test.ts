/** What a value of an answer type looks like in text (carriesType), in either language. */
import { describe, expect, it } from "vitest";
import { carriesType } from "./value-types.ts";

describe("carriesType: duration", () => {
  it("reads a duration in digits or in words, in English or Indonesian", () => {
    for (const text of ["after 12 months", "for over two decades now", "within a decade", "selama tiga tahun", "setahun kemudian", "1.5 years", "compiles in 45 ms", "dua menit", "about 3 seconds"]) {
      expect(carriesType(text, "duration"), text).toBe(true);
    }
  });

  it("does not take a bare number or a year for one", () => {
    for (const text of ["in 2019", "12 participants", "tahun 2016", "3800 cycles per bytecode", "in 5 msgs"]) expect(carriesType(text, "duration"), text).toBe(false);
  });
});
