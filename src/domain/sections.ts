/**
 * Canonical section ids, the same for every document whatever its language; the document's own heading
 * is kept beside it (`Passage.heading`). Indonesian and other usual names are accepted as aliases in
 * filters, so `sections: ["pembahasan"]` still means the discussion.
 *
 * @example toSectionId("Pembahasan") // "discussion"
 */
export const SECTION_IDS = ["abstract", "introduction", "methods", "results", "discussion", "conclusion", "references", "table", "other"] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** Aliases by which filters and questions may name a section (lower case). */
export const SECTION_ALIASES: Readonly<Record<string, SectionId>> = {
  abstrak: "abstract",
  pendahuluan: "introduction",
  metode: "methods",
  hasil: "results",
  pembahasan: "discussion",
  simpulan: "conclusion",
  kesimpulan: "conclusion",
  tabel: "table",
  "daftar pustaka": "references",
  pustaka: "references",
  referensi: "references",
  method: "methods",
  result: "results",
  conclusions: "conclusion",
  tables: "table",
  body: "other",
};

/** The canonical id for a section name or alias, or undefined when it names no section. */
export function toSectionId(name: string): SectionId | undefined {
  const key = name.trim().toLowerCase();
  if ((SECTION_IDS as readonly string[]).includes(key)) return key as SectionId;
  return SECTION_ALIASES[key];
}

/** Every name a filter accepts: canonical ids and aliases. */
export const SECTION_NAMES: readonly string[] = [...SECTION_IDS, ...Object.keys(SECTION_ALIASES)];
