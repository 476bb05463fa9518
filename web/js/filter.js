/**
 * The study filter: pick studies; while any is picked, /api/chat gets `studies` (and `docs`, since study
 * numbers are per document) and a bar above the question box says so. Kept in localStorage.
 */
import { announce, h } from "./dom.js";
import { t } from "./i18n.js";
import { documentById, tableStudies } from "./library-data.js";
import { load, save } from "./storage.js";

const FILTER_KEY = "ra.filter.v2";
const keyOf = (s) => `${s.docId}#${s.number}`;
const selected = new Set((load(FILTER_KEY, []) ?? []).filter((k) => typeof k === "string"));

function picked() {
  return tableStudies().filter((s) => selected.has(keyOf(s)));
}

/** What to send with a question, and how to name it: { studies, docs, label } or null. */
export function getFilter() {
  const studies = picked();
  if (studies.length === 0) return null;
  const docs = [...new Set(studies.map((s) => s.docId))];
  const label = docs.map((d) => `${documentById(d)?.short ?? d}: ${t("studiesList", studies.filter((s) => s.docId === d).map((s) => s.number))}`).join("; ");
  return { studies: [...new Set(studies.map((s) => s.number))], docs, label };
}

export function setFilter(studies) {
  selected.clear();
  for (const s of studies) selected.add(keyOf(s));
  save(FILTER_KEY, [...selected]);
  renderFilter();
}

const picker = () => document.getElementById("filter-picker");
const toggleButton = () => document.getElementById("filter-toggle");

export function setPickerOpen(open) {
  picker().hidden = !open;
  toggleButton().setAttribute("aria-expanded", String(open));
}

export function initFilter() {
  toggleButton().addEventListener("click", () => {
    const open = picker().hidden;
    setPickerOpen(open);
    if (open) picker().querySelector("input")?.focus();
  });
  picker().addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      setPickerOpen(false);
      toggleButton().focus();
    }
  });
  document.getElementById("filter-clear").addEventListener("click", () => {
    setFilter([]);
    announce(t("filterCleared"));
    document.getElementById("question").focus();
  });
  renderFilter();
}

/** Redraw the options (after the studies load, or in another language) and the active-filter bar. */
export function renderFilter() {
  const options = document.getElementById("filter-options");
  const studies = tableStudies();
  toggleButton().hidden = studies.length === 0;
  options.replaceChildren(...studies.map((study) => {
    const id = `filter-${keyOf(study).replace(/[^\w-]/g, "-")}`;
    const input = h("input", { type: "checkbox", class: "filter-input", value: keyOf(study), id });
    input.checked = selected.has(keyOf(study));
    input.addEventListener("change", () => {
      if (input.checked) selected.add(keyOf(study));
      else selected.delete(keyOf(study));
      save(FILTER_KEY, [...selected]);
      renderFilterState();
    });
    return h("label", { class: "filter-chip", for: id, title: study.title ?? "" },
      input,
      h("span", { class: "filter-num", "aria-hidden": "true" }, String(study.number)),
      h("span", { class: "filter-name" },
        h("span", { class: "visually-hidden" }, `${t("study", study.number)}: `),
        h("span", { class: "filter-cite" }, study.label ?? t("study", study.number)),
        h("span", { class: "filter-title" }, study.title ?? "")));
  }));
  renderFilterState();
}

function renderFilterState() {
  const filter = getFilter();
  const count = filter ? picked().length : 0;
  document.getElementById("filter-active").hidden = !filter;
  document.getElementById("filter-active-text").textContent = filter ? t("filterActive", filter.label) : "";
  const badge = document.getElementById("filter-count");
  badge.hidden = count === 0;
  badge.textContent = String(count);
  toggleButton().setAttribute("aria-label", t("filterToggleLabel", count));
  toggleButton().classList.toggle("is-active", count > 0);
}
