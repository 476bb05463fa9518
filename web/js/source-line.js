/**
 * How a citation says where it is, from its fields only: the document's short name, the section's own
 * heading (a table's column row is shown as the section's name, "Results (table)"), the page when it is
 * known (never "page unknown"), and the studies.
 */
import { sectionName, t } from "./i18n.js";
import { documentById } from "./library-data.js";

/** The document's heading for the section, or the section's name when the heading is a table's columns. */
export function headingLabel(section, heading) {
  const own = String(heading ?? "").trim();
  if (own && !own.includes(" | ")) return own;
  const name = sectionName(section);
  return own.includes(" | ") && section !== "table" ? t("tableOf", name) : name;
}

/** "p. 17", or null when the page is unknown. */
export function pageLabel(page, { long = false } = {}) {
  if (page === null || page === undefined) return null;
  return long ? t("page", page) : t("pageShort", page);
}

/** "Study 3" in a review (its included studies); "Ref. 17" in a paper, whose sources are its reference list's entries. */
export function studiesLabel(studies, docId) {
  if (!studies || studies.length === 0) return null;
  return documentById(docId)?.kind === "paper" ? t("referencesList", studies) : t("studiesList", studies);
}

/** The parts of a source line, in order, nothing unknown: [document, heading, page?, studies?]. */
export function whereParts(citation) {
  return [citation.document, headingLabel(citation.section, citation.heading), pageLabel(citation.page), studiesLabel(citation.studies, citation.docId)].filter(Boolean);
}

/** "Rothman, E. F. (2019)": a reference up to its year, for one-line source lists. */
export function shortReference(reference) {
  const oneLine = String(reference ?? "").replace(/\s+/g, " ").trim();
  const match = /^(.+?\(\d{4}[a-z]?\))/.exec(oneLine);
  const short = match ? match[1] : oneLine;
  return short.length > 70 ? `${short.slice(0, 67).trimEnd()}…` : short;
}
