import { describe, expect, it } from "vitest";
import { enumerationItems, withoutItems } from "./enumeration.ts";

const items = (text: string) => enumerationItems(text).map((s) => text.slice(s.start, s.end));

describe("enumerationItems", () => {
  it("finds the items of a list after its head", () => {
    const text = "Aktivitas non-vokasional di rumah faye seperti: Konseling individual, Psikoedukasi, Keterampilan sosial, Keterampilan hidup, Olahraga dan seni, spiritual.";
    expect(items(text)).toEqual(["Konseling individual", "Psikoedukasi", "Keterampilan sosial", "Keterampilan hidup", "Olahraga dan seni", "spiritual"]);
    expect(withoutItems(text, enumerationItems(text))).not.toMatch(/Keterampilan/);
  });

  it("reads the first phrase of a sentence that opens a list as its subject, not an item", () => {
    expect(items("Keterampilan hidup, seperti kegiatan praktis harian, kebersihan diri, merias diri.")).toEqual(["seperti kegiatan praktis harian", "kebersihan diri", "merias diri"]);
  });

  it("drops the joiner before the last item", () => {
    expect(items("The VMs were V8, SFX, SpiderMonkey, Rhino, and Nitro.")).toEqual(["SFX", "SpiderMonkey", "Rhino", "Nitro"]);
  });

  it("finds no list in a sentence with a few commas or long clauses", () => {
    expect(items("Konseling individual, konseling ini dilakukan oleh konselor atau psikolog professional, baik di shelter maupun diluar shelter.")).toEqual([]);
    expect(items("Rafferty, Rothman, and Cecchet.")).toEqual([]);
  });
});
