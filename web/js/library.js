/**
 * The Library view: the indexed documents (title, authors, year, pages, passages, studies or references,
 * text-quality warnings), the upload form, and the reader.
 */
import { fetchHealth } from "./api.js";
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { getDocuments, getStudies, loadLibrary } from "./library-data.js";
import { referenceMenu } from "./references-menu.js";
import { uploadForm } from "./upload.js";

let limits = null;

function documentItem(doc, onRead) {
  const facts = [
    doc.kind === "review" ? t("docKindReview") : t("docKindPaper"),
    doc.year ? String(doc.year) : null,
    doc.venue,
    doc.pages ? t("docPages", doc.pages) : null,
    t("docPassages", doc.counts.passages),
    doc.counts.studies ? t("docStudies", doc.counts.studies) : null,
    doc.counts.references ? t("docReferences", doc.counts.references) : null,
  ].filter(Boolean);
  return h("li", { class: "doc-card", dataset: { doc: doc.id } },
    h("div", { class: "doc-main" },
      h("h3", { class: "doc-title" }, doc.title),
      h("p", { class: "doc-authors" }, doc.authors?.length ? doc.authors.join(", ") : h("span", { class: "is-missing" }, t("docNoAuthors"))),
      // The institutions the first page names under the authors (absent for a text without them).
      doc.affiliations?.length ? h("p", { class: "doc-affiliations" }, doc.affiliations.join(" · ")) : null,
      h("p", { class: "doc-facts" }, facts.join(" · ")),
      doc.warnings?.length
        ? h("details", { class: "doc-warnings" }, h("summary", {}, `${t("docWarnings")} (${doc.warnings.length})`), h("ul", {}, doc.warnings.map((w) => h("li", {}, w))))
        : null),
    h("div", { class: "doc-actions" },
      h("button", { type: "button", class: "btn btn-primary btn-small read-doc", "aria-label": t("readLabel", doc.title), onclick: () => onRead(doc.id) }, t("read")),
      referenceMenu({ label: t("exportAll"), sources: [{ docId: doc.id }, ...getStudies().filter((s) => s.docId === doc.id).map((s) => ({ docId: doc.id, number: s.number }))], compact: true })));
}

/** Fill the Library view. `onRead(docId)` opens the reader. */
export async function renderLibrary({ onRead, onAuth }) {
  const root = document.getElementById("library-list");
  const slot = document.getElementById("upload-slot");
  if (!limits) limits = await fetchHealth().then((hz) => hz.uploads ?? null).catch(() => null);
  if (!slot.firstChild) {
    slot.append(uploadForm({
      limits,
      onAuth,
      onAdded: async () => {
        await loadLibrary({ force: true });
        renderLibrary({ onRead, onAuth });
      },
    }));
  }
  try {
    await loadLibrary();
  } catch (error) {
    root.replaceChildren(h("li", { class: "callout callout-error", role: "alert" }, error.message || t("errorNetwork")));
    if (error.status === 401) onAuth?.(error);
    return;
  }
  root.replaceChildren(...getDocuments().map((d) => documentItem(d, onRead)));
}
