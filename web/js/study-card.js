/** A study as a card (the Studies view, the citation panel): what its document reports, its notes, its reference. */
import { announce, copyText, h } from "./dom.js";
import { t } from "./i18n.js";

function field(label, value) {
  const missing = value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
  return [h("dt", {}, label), h("dd", { class: missing ? "is-missing" : "" }, missing ? t("notGiven") : String(value))];
}

const fieldText = (study, name) => study.fields?.[name]?.[0]?.text ?? null;

export function referenceBlock(reference, label) {
  const status = h("span", { class: "copy-status", "aria-hidden": "true" });
  const button = h("button", {
    type: "button",
    class: "btn btn-small btn-ghost",
    "aria-label": t("copyReference", label),
    onclick: async () => {
      const ok = await copyText(reference);
      status.textContent = ok ? t("copied") : t("copyFailed");
      announce(status.textContent);
      setTimeout(() => (status.textContent = ""), 2500);
    },
  }, h("span", { class: "icon icon-copy", "aria-hidden": "true" }), t("copy"));
  return h("div", { class: "reference" },
    h("div", { class: "reference-head" }, h("span", { class: "reference-label" }, t("reference")), button, status),
    h("p", { class: "reference-text" }, reference));
}

export function noteBlock(note) {
  return h("div", { class: "callout callout-warning study-note", role: "note" },
    h("span", { class: "callout-icon", "aria-hidden": "true" }),
    h("p", { class: "callout-body" }, h("strong", {}, `${t("inconsistency")}: `), note));
}

export function studyCard(study, { headingLevel = "h3", extra = [] } = {}) {
  return h("article", { class: "study-card", dataset: { study: String(study.number), doc: study.docId } },
    h("header", { class: "study-head" },
      h("span", { class: "study-num", "aria-hidden": "true" }, String(study.number)),
      h(headingLevel, { class: "study-title" }, h("span", { class: "visually-hidden" }, `${t("study", study.number)}: `), study.title ?? study.label)),
    h("dl", { class: "study-meta" },
      field(t("authors"), study.authors),
      field(t("year"), study.year),
      field(t("journal"), study.journal),
      fieldText(study, "database") ? field(t("database"), fieldText(study, "database")) : null,
      fieldText(study, "design") ? field(t("method"), fieldText(study, "design")) : null,
      fieldText(study, "country") ? field(t("country"), fieldText(study, "country")) : null,
      study.citation ? field(t("citedAs"), study.citation) : null),
    study.note ? noteBlock(study.note) : null,
    study.reference ? referenceBlock(study.reference, t("study", study.number)) : null,
    extra);
}

/** A document as a card (for passages about no single study). */
export function documentCard(doc, { headingLevel = "h3" } = {}) {
  return h("article", { class: "study-card study-card-review" },
    h("header", { class: "study-head" },
      h("span", { class: "study-num study-num-review", "aria-hidden": "true" }, doc.kind === "review" ? "R" : "P"),
      h(headingLevel, { class: "study-title" }, doc.title)),
    h("dl", { class: "study-meta" },
      field(t("authors"), doc.authors?.length ? doc.authors.join(", ") : null),
      field(t("year"), doc.year),
      field(t("journal"), doc.venue)));
}
