/**
 * A paper's sources: its reference-list entries (parsed from the PDF layout) as passages of their own and
 * as records of kind "reference", numbered as the list numbers them, so that a passage that cites "[12]"
 * or "(Feng et al., 2024)" carries study 12 and its citation shows that reference.
 */
import type { StudyRecord } from "../domain/study.ts";
import type { Draft } from "./drafts.ts";
import type { ReferenceEntry as ParsedEntry } from "./references/parse-references.ts";
import { hardSplit } from "./table-passages.ts";

/** One passage per entry (long entries cut), section "references", kind "reference". */
export function referenceEntryDrafts(entries: ParsedEntry[], heading: string, maxChars: number): Draft[] {
  return entries.flatMap((entry) =>
    hardSplit(entry.raw, maxChars).map((text) => ({
      text,
      section: "references" as const,
      heading,
      page: entry.page,
      studies: [entry.index],
      kind: "reference" as const,
      cells: [],
      context: "",
      continues: false,
      referenceIndex: entry.index,
    })),
  );
}

/** A record per entry, its fields pointing at the entry's text in its passage. */
export function referenceRecords(docId: string, entries: ParsedEntry[], passageOf: (index: number) => { id: string; text: string } | undefined): StudyRecord[] {
  return entries.flatMap((entry) => {
    const passage = passageOf(entry.index);
    if (!passage) return [];
    const at = (text: string | null | undefined) => {
      if (!text) return undefined;
      const start = passage.text.indexOf(text);
      return start < 0 ? undefined : { text, keys: [] as string[], passageId: passage.id, start, end: start + text.length, source: "text" as const };
    };
    const title = at(entry.title);
    const venue = at(entry.venue);
    const year = entry.year ? at(String(entry.year)) : undefined;
    const first = entry.authors[0] ? at(entry.authors[0]) : undefined;
    const record: StudyRecord = {
      docId,
      number: entry.index,
      kind: "reference",
      fields: {
        ...(title ? { title: [title] } : {}),
        ...(venue ? { venue: [venue] } : {}),
        ...(year ? { year: [{ ...year, keys: [String(entry.year)] }] } : {}),
        ...(first ? { authors: [first] } : {}),
      },
      citation: entry.authors[0] && entry.year ? `${entry.authors[0]}${entry.authors.length > 2 ? " et al." : entry.authors.length === 2 ? ` & ${entry.authors[1]}` : ""}, ${entry.year}` : null,
      reference: entry.raw,
      aliases: [],
      conflicts: [],
    };
    return [record];
  });
}
