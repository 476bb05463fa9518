/**
 * The review's 10 studies: loading them once, the study card (shared with the citation panel), and the
 * Studies view where a study expands to show its passages.
 */
import { fetchStudies, fetchStudy } from "./api.js";
import { announce, copyText, h } from "./dom.js";
import { sectionName, t } from "./i18n.js";
import { pageLabel } from "./render.js";

let data = null;
let loading = null;
const passagesByStudy = new Map();
const expanded = new Set();

/** GET /api/studies once; later calls share the answer. A failure can be retried. */
export function loadStudies() {
  loading ??= fetchStudies().then(
    (d) => (data = d),
    (error) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

export function getStudies() {
  return data ? data.studies : [];
}

export function getReview() {
  return data ? data.review : null;
}

/** "Falaq et al., 2016": how the review cites a study, else first author's last name and year. */
export function studyShortName(study) {
  if (study.citedAs) return study.citedAs.replace(/^\(|\)$/g, "");
  const first = study.authors[0] ?? "";
  const family = first.split(/\s+/).at(-1) ?? "";
  return [family + (study.authors.length > 1 ? " et al." : ""), study.year].filter(Boolean).join(", ");
}

function field(label, value) {
  const missing = value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
  return [
    h("dt", {}, label),
    h("dd", { class: missing ? "is-missing" : "" }, missing ? t("notGiven") : Array.isArray(value) ? value.join(", ") : String(value)),
  ];
}

function referenceBlock(reference, number) {
  const status = h("span", { class: "copy-status", "aria-hidden": "true" });
  const button = h("button", {
    type: "button",
    class: "btn btn-small btn-ghost",
    "aria-label": t("copyReference", number),
    onclick: async () => {
      const ok = await copyText(reference);
      status.textContent = ok ? t("copied") : t("copyFailed");
      announce(ok ? t("copied") : t("copyFailed"));
      setTimeout(() => (status.textContent = ""), 2500);
    },
  }, h("span", { class: "icon icon-copy", "aria-hidden": "true" }), t("copy"));
  return h("div", { class: "reference" },
    h("div", { class: "reference-head" }, h("span", { class: "reference-label" }, t("reference")), button, status),
    h("p", { class: "reference-text" }, reference));
}

function noteBlock(note) {
  return h("div", { class: "callout callout-warning study-note", role: "note" },
    h("span", { class: "callout-icon", "aria-hidden": "true" }),
    h("p", { class: "callout-body" }, h("strong", {}, `${t("reviewNote")}: `), note));
}

export function studyCard(study, { headingLevel = "h3", extra = [] } = {}) {
  return h("article", { class: "study-card", dataset: { study: String(study.number) } },
    h("header", { class: "study-head" },
      h("span", { class: "study-num", "aria-hidden": "true" }, String(study.number)),
      h(headingLevel, { class: "study-title" }, h("span", { class: "visually-hidden" }, `${t("study", study.number)}: `), study.title)),
    h("dl", { class: "study-meta" },
      field(t("authors"), study.authors),
      field(t("year"), study.year),
      field(t("journal"), study.journal),
      field(t("database"), study.database),
      field(t("method"), study.method),
      study.citedAs ? field(t("citedAs"), study.citedAs) : null),
    study.note ? noteBlock(study.note) : null,
    referenceBlock(study.reference, study.number),
    extra);
}

/** The review itself, for passages about no single study. */
export function reviewCard(review, fallbackReference, { headingLevel = "h3" } = {}) {
  const reference = review?.reference ?? fallbackReference ?? "";
  return h("article", { class: "study-card study-card-review" },
    h("header", { class: "study-head" },
      h("span", { class: "study-num study-num-review", "aria-hidden": "true" }, "R"),
      h(headingLevel, { class: "study-title" }, review?.title ?? t("wholeReview"))),
    h("p", { class: "study-kicker" }, t("wholeReview")),
    review ? h("dl", { class: "study-meta" }, field(t("year"), review.year), field(t("journal"), review.journal), field(t("method"), review.method)) : null,
    review?.note ? h("div", { class: "callout callout-info", role: "note" }, h("p", { class: "callout-body" }, h("strong", {}, `${t("note")}: `), review.note)) : null,
    referenceBlock(reference, 0));
}

function passageList(passages) {
  return h("ol", { class: "passage-list" }, passages.map((p) =>
    h("li", { class: "passage-item", dataset: { passage: p.id } },
      h("p", { class: "panel-meta" }, h("span", { class: "pill" }, sectionName(p.section)), h("span", { class: `pill${p.page == null ? " pill-muted" : ""}` }, pageLabel(p.page))),
      p.context ? h("p", { class: "passage-context" }, t("passageFrom", p.context)) : null,
      h("p", { class: "passage-text" }, p.text))));
}

async function togglePassages(study, button, region) {
  const open = button.getAttribute("aria-expanded") === "true";
  if (open) {
    expanded.delete(study.number);
    button.setAttribute("aria-expanded", "false");
    button.textContent = t("showPassages", study.passages);
    region.hidden = true;
    return;
  }
  expanded.add(study.number);
  button.setAttribute("aria-expanded", "true");
  button.textContent = t("hidePassages");
  region.hidden = false;
  if (!passagesByStudy.has(study.number)) {
    region.replaceChildren(h("p", { class: "panel-loading" }, t("loadingPassages")));
    try {
      const result = await fetchStudy(study.number);
      passagesByStudy.set(study.number, result.passages);
    } catch (error) {
      region.replaceChildren(h("div", { class: "callout callout-error", role: "alert" }, h("p", { class: "callout-body" }, error.message || t("errorNetwork"))));
      return;
    }
  }
  region.replaceChildren(passageList(passagesByStudy.get(study.number)));
}

/** Fill the Studies view; `onAsk(number)` narrows the chat to one study. */
export function renderStudiesView({ onAsk }) {
  const list = document.getElementById("study-list");
  const reviewSlot = document.getElementById("review-card");
  if (!data) {
    list.replaceChildren(h("li", { class: "panel-loading" }, t("loadingPassages")));
    return;
  }
  reviewSlot.replaceChildren(reviewCard(data.review, "", { headingLevel: "h3" }));
  list.replaceChildren(...data.studies.map((study) => {
    const regionId = `study-passages-${study.number}`;
    const region = h("div", { class: "study-passages", id: regionId, hidden: true });
    const toggle = h("button", { type: "button", class: "btn btn-small", "aria-expanded": "false", "aria-controls": regionId }, t("showPassages", study.passages));
    toggle.addEventListener("click", () => togglePassages(study, toggle, region));
    const ask = h("button", { type: "button", class: "btn btn-small btn-ghost", onclick: () => onAsk(study.number) }, t("askAboutStudy"));
    const card = studyCard(study, { headingLevel: "h3", extra: [h("div", { class: "study-actions" }, toggle, ask), region] });
    if (expanded.has(study.number)) {
      expanded.delete(study.number);
      togglePassages(study, toggle, region);
    }
    return h("li", {}, card);
  }));
}
