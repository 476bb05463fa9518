/**
 * A section heading as words: without its number ("4.2 Crawler", "10. Future Work", "IV. RESULTS"), and
 * whether it names a topic of its own. A heading of two content words or more ("Future Work", "Register
 * Allocation") says what its section is about; a one-word heading ("Crawler", "Pembahasan", "Results") is a
 * part of the document named by what most of it is about already, and says too little to find a passage by.
 */
import { analyze } from "./analyze.ts";

/** A heading's number: "1", "4.2", "II", "A" (group 1), with its dot or bracket and the space after it. */
export const HEADING_NUMBER = /^((?:\d{1,2}(?:\.\d{1,2}){0,3})|(?:[IVX]{1,5})|(?:[A-H]))[.)]?\s+(?=\p{L})/u;

/** The heading's words, without its number. */
export function headingText(heading: string): string {
  return heading.replace(HEADING_NUMBER, "").trim();
}

/** The heading's content stems, when it has two or more: a heading that names a topic; else none. */
export function topicOfHeading(heading: string): string[] {
  const terms = [...new Set(analyze(headingText(heading)).terms)];
  return terms.length >= 2 ? terms : [];
}
