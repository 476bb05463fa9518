/**
 * A small, hand-made corpus index for unit tests of question analysis, conversation and planning: two
 * documents (a review with four studies, and a paper with none), no ingest and no LanceDB involved.
 */
import type { DocumentInfo } from "../../src/domain/document.ts";
import type { FieldValue, StudyField, StudyRecord } from "../../src/domain/study.ts";

const value = (text: string, keys: string[] = [], source: FieldValue["source"] = "table"): FieldValue => ({ text, keys, passageId: "p", start: 0, end: text.length, source });

function record(number: number, fields: Partial<Record<StudyField, FieldValue[]>>, aliases: string[], citation: string | null = null): StudyRecord {
  return { docId: "review.txt", number, kind: "study", fields, citation, reference: "", aliases, conflicts: [] };
}

export const SYNTHETIC_STUDIES: StudyRecord[] = [
  record(1, { title: [value("Pelayanan rehabilitasi sosial di balai Sunu Ngesti Tomo Jepara")], authors: [value("Yusuf Falaq, Maman Rachman")], year: [value("2016", ["2016"])], design: [value("Penelitian kualitatif", ["qualitative"])], country: [value("Jepara", ["ID"], "text")], database: [value("Google scholar", ["google-scholar"])] }, ["Sunu Ngesti Tomo", "Jepara", "Falaq"], "Falaq et al., 2016"),
  record(2, { title: [value("Mental Health Services as a Vital Component of Psychosocial Recovery")], authors: [value("Yvonne Rafferty")], year: [value("2018", ["2018"])], design: [value("Qualitative research", ["qualitative"])], database: [value("Google scholar", ["google-scholar"])] }, ["Rafferty"], "Rafferty, 2018"),
  record(3, { title: [value("A longitudinal evaluation of a survivor-mentor program in the United States")], authors: [value("Emily F. Rothman, et al.")], year: [value("2019", ["2019"]), value("2020", ["2020"], "citation")], design: [value("longitudinal evaluation", ["evaluation"], "text")], country: [value("United States", ["US"], "text")], database: [value("Science Direct", ["sciencedirect"])] }, ["MLMC", "My Life My Choice", "Rothman"], "Rothman, 2020"),
  record(4, { title: [value("Peran UNICEF dalam Mengatasi Perdagangan Anak di Pantai Gading")], authors: [value("Yori Geovani Regina")], year: [value("2018", ["2018"])], design: [value("Penelitian kualitatif", ["qualitative"])], country: [value("Pantai Gading", ["CI"], "text")], database: [value("Neliti", ["neliti"])] }, ["Pantai Gading", "Ivory Coast", "Côte d'Ivoire", "Regina"], "Wallace et al., 2016"),
];

const doc = (id: string, kind: DocumentInfo["kind"], title: string, authors: string[], studies: number): DocumentInfo => ({
  id, title, authors, year: 2022, venue: "Buletin Kesehatan", lang: "id", pages: 17, format: "txt", sha256: "", short: id, kind,
  counts: { passages: 10, studies, references: 0 }, warnings: [],
});

export const SYNTHETIC_DOCUMENTS: DocumentInfo[] = [
  doc("review.txt", "review", "Program perlindungan anak korban trafficking", [], 4),
  doc("pasa.pdf", "paper", "PaSa: An LLM Agent for Comprehensive Academic Paper Search", ["Yichen He", "Guanhua Huang"], 0),
];

export const SYNTHETIC_INDEX = { documents: SYNTHETIC_DOCUMENTS, studies: SYNTHETIC_STUDIES };
