/**
 * The study filter: pick any of the 10 studies; while any is picked, /api/chat gets `studies` and a bar
 * above the question box says so, with a Clear button. The choice is kept in localStorage.
 */
import { announce, h } from "./dom.js";
import { t } from "./i18n.js";
import { load, save } from "./storage.js";
import { getStudies, studyShortName } from "./studies.js";

const FILTER_KEY = "ra.filter";
const selected = new Set((load(FILTER_KEY, []) ?? []).filter((n) => Number.isInteger(n) && n >= 1 && n <= 10));
let onChange = () => {};

export function getFilter() {
  return [...selected].sort((a, b) => a - b);
}

export function setFilter(numbers) {
  selected.clear();
  for (const n of numbers) selected.add(n);
  persist();
  renderFilter();
}

function persist() {
  save(FILTER_KEY, getFilter());
  onChange(getFilter());
}

function picker() {
  return document.getElementById("filter-picker");
}

function toggleButton() {
  return document.getElementById("filter-toggle");
}

export function setPickerOpen(open) {
  picker().hidden = !open;
  toggleButton().setAttribute("aria-expanded", String(open));
}

export function initFilter(options = {}) {
  onChange = options.onChange ?? onChange;
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
  const studies = getStudies();
  options.replaceChildren(...studies.map((study) => {
    const input = h("input", { type: "checkbox", class: "filter-input", value: String(study.number), id: `filter-study-${study.number}` });
    input.checked = selected.has(study.number);
    input.addEventListener("change", () => {
      if (input.checked) selected.add(study.number);
      else selected.delete(study.number);
      persist();
      renderFilterState();
    });
    return h("label", { class: "filter-chip", for: input.id, title: study.title },
      input,
      h("span", { class: "filter-num", "aria-hidden": "true" }, String(study.number)),
      h("span", { class: "filter-name" },
        h("span", { class: "visually-hidden" }, `${t("study", study.number)}: `),
        h("span", { class: "filter-cite" }, studyShortName(study)),
        h("span", { class: "filter-title" }, study.title)));
  }));
  renderFilterState();
}

function renderFilterState() {
  const chosen = getFilter();
  const bar = document.getElementById("filter-active");
  bar.hidden = chosen.length === 0;
  document.getElementById("filter-active-text").textContent = chosen.length ? t("filterActive", chosen) : "";
  const badge = document.getElementById("filter-count");
  badge.hidden = chosen.length === 0;
  badge.textContent = String(chosen.length);
  const toggle = toggleButton();
  toggle.setAttribute("aria-label", t("filterToggleLabel", chosen.length));
  toggle.classList.toggle("is-active", chosen.length > 0);
}
