/**
 * The library's documents and studies as the server lists them (GET /api/documents, GET /api/studies),
 * loaded once and shared; reloaded after an upload.
 */
import { fetchDocuments, fetchStudies } from "./api.js";

let documents = [];
let studies = [];
let loading = null;
const listeners = new Set();

/** Load (or reload with `force`) the documents and studies; a failure can be retried. */
export function loadLibrary({ force = false } = {}) {
  if (force) loading = null;
  loading ??= Promise.all([fetchDocuments(), fetchStudies()]).then(
    ([d, s]) => {
      documents = Array.isArray(d.documents) ? d.documents : [];
      studies = Array.isArray(s.studies) ? s.studies : [];
      for (const fn of listeners) fn();
      return { documents, studies };
    },
    (error) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

export function onLibraryChange(fn) {
  listeners.add(fn);
}

export const getDocuments = () => documents;
export const getStudies = () => studies;
export const documentById = (id) => documents.find((d) => d.id === id);
export const studyOf = (docId, number) => studies.find((s) => s.docId === docId && s.number === number);
/** Studies of table rows (not reference-list entries): what "the studies" of a review are. */
export const tableStudies = () => studies.filter((s) => documentById(s.docId)?.kind === "review" || documents.length === 0);
