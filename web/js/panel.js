/**
 * The citation panel: the quote highlighted inside its whole passage, where it is (section, page), and a
 * card for each source study (or the review). A side panel on wide screens, a full-width drawer on phones.
 * Focus moves to the panel when it opens and back to the chip that opened it when it closes (Escape too).
 */
import { fetchPassage } from "./api.js";
import { h } from "./dom.js";
import { sectionName, t } from "./i18n.js";
import { pageLabel } from "./render.js";
import { reviewCard, studyCard } from "./studies.js";

const passages = new Map();
let panel;
let body;
let title;
let backdrop;
let trigger = null;
let triggerKey = null;
let current = null;
let request = 0;
let handlers = { onError: () => {}, getReview: () => null };

export function initPanel(options) {
  handlers = { ...handlers, ...options };
  panel = document.getElementById("panel");
  body = document.getElementById("panel-body");
  title = document.getElementById("panel-title");
  backdrop = document.getElementById("backdrop");
  document.getElementById("panel-close").addEventListener("click", () => closePanel());
  backdrop.addEventListener("click", () => closePanel());
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !panel.hidden) {
      event.preventDefault();
      closePanel();
    }
  });
}

export function isPanelOpen() {
  return panel && !panel.hidden;
}

/** Where the quote sits in the passage: the server's offsets, checked, else a search, else nothing. */
export function locateQuote(text, citation) {
  const { quote, quoteStart, quoteEnd } = citation;
  if (Number.isInteger(quoteStart) && Number.isInteger(quoteEnd) && text.slice(quoteStart, quoteEnd) === quote) {
    return [quoteStart, quoteEnd];
  }
  const at = quote ? text.indexOf(quote) : -1;
  return at >= 0 ? [at, at + quote.length] : null;
}

function passageBlock(passage, citation) {
  const text = passage.text ?? "";
  const range = locateQuote(text, citation);
  const children = [];
  if (passage.context) children.push(h("p", { class: "passage-context" }, t("passageFrom", passage.context)));
  if (range) {
    children.push(h("blockquote", { class: "passage" },
      text.slice(0, range[0]),
      h("mark", { class: "quote-mark" }, text.slice(range[0], range[1])),
      text.slice(range[1])));
  } else {
    children.push(h("p", { class: "panel-hint" }, t("panelQuoteMissing")));
    children.push(h("blockquote", { class: "passage" }, h("mark", { class: "quote-mark" }, citation.quote)));
  }
  return children;
}

function renderLoaded(citation, data) {
  const { passage, studies } = data;
  const page = passage.page ?? citation.page;
  const meta = h("p", { class: "panel-meta" },
    h("span", { class: "pill" }, sectionName(passage.section ?? citation.section)),
    h("span", { class: `pill${page === null || page === undefined ? " pill-muted" : ""}` }, pageLabel(page)),
    ...(citation.studies.length > 0 ? citation.studies.map((n) => h("span", { class: "pill pill-accent" }, t("study", n))) : [h("span", { class: "pill" }, t("wholeReview"))]),
  );
  const quoteSection = h("section", { class: "panel-section", "aria-labelledby": "panel-quote-heading" },
    h("h3", { class: "panel-section-title", id: "panel-quote-heading" }, t("panelQuoteHeading")),
    ...passageBlock(passage, citation));
  const cards = studies.length > 0
    ? studies.map((s) => studyCard(s, { headingLevel: "h4" }))
    : [reviewCard(handlers.getReview(), citation.reference, { headingLevel: "h4" })];
  const studySection = h("section", { class: "panel-section", "aria-labelledby": "panel-studies-heading" },
    h("h3", { class: "panel-section-title", id: "panel-studies-heading" }, studies.length > 0 ? t("panelStudiesHeading", studies.length) : t("panelReviewHeading")),
    ...cards);
  body.replaceChildren(meta, quoteSection, studySection);
  const mark = body.querySelector("mark");
  if (mark) mark.scrollIntoView({ block: "nearest" });
}

function renderFailed(error) {
  const reason = error && error.message ? error.message : t("errorNetwork");
  body.replaceChildren(h("div", { class: "callout callout-error", role: "alert" }, h("p", { class: "callout-body" }, reason)));
  if (error && error.status === 401) handlers.onError(error);
}

function keyOf(el) {
  const article = el.closest("[data-id]");
  return { id: article ? article.dataset.id : null, n: el.dataset.n ?? el.closest("[data-n]")?.dataset.n, cls: el.className.split(" ")[0] };
}

/** On phones the panel is a full-screen drawer: the page behind it is inert until it closes. */
function setModal(on) {
  for (const el of document.querySelectorAll(".topbar, .token-form, .views")) el.inert = on;
  panel.setAttribute("aria-modal", String(on));
}

function markTrigger(on) {
  if (trigger) trigger.classList.toggle("is-open", on);
}

export async function openCitation(citation, from) {
  markTrigger(false);
  trigger = from ?? null;
  markTrigger(true);
  triggerKey = from ? keyOf(from) : null;
  current = citation;
  const mine = ++request;
  title.textContent = t("citation", citation.n);
  body.replaceChildren(h("p", { class: "panel-loading" }, h("span", { class: "dots", "aria-hidden": "true" }, h("span"), h("span"), h("span")), t("panelLoading")));
  panel.hidden = false;
  backdrop.hidden = false;
  setModal(window.matchMedia("(max-width: 700px)").matches);
  document.body.classList.add("panel-open");
  panel.setAttribute("aria-busy", "true");
  document.getElementById("panel-close").focus();
  try {
    let data = passages.get(citation.passageId);
    if (!data) {
      data = await fetchPassage(citation.passageId);
      passages.set(citation.passageId, data);
    }
    if (mine !== request) return;
    renderLoaded(citation, data);
  } catch (error) {
    if (mine !== request) return;
    renderFailed(error);
  } finally {
    if (mine === request) panel.setAttribute("aria-busy", "false");
  }
}

/** Redraw the open panel in the current language. */
export function refreshPanel() {
  if (isPanelOpen() && current) {
    const citation = current;
    const from = trigger;
    const key = triggerKey;
    openCitation(citation, from).then(() => {
      triggerKey = key;
    });
  }
}

function findTrigger() {
  if (trigger && trigger.isConnected) return trigger;
  if (!triggerKey || !triggerKey.id) return null;
  const article = document.querySelector(`[data-id="${CSS.escape(triggerKey.id)}"]`);
  return article ? article.querySelector(`.${CSS.escape(triggerKey.cls)}[data-n="${CSS.escape(String(triggerKey.n))}"], [data-n="${CSS.escape(String(triggerKey.n))}"] .${CSS.escape(triggerKey.cls)}`) : null;
}

export function closePanel({ restoreFocus = true } = {}) {
  if (!panel || panel.hidden) return;
  request++;
  panel.hidden = true;
  backdrop.hidden = true;
  setModal(false);
  document.body.classList.remove("panel-open");
  markTrigger(false);
  const back = findTrigger();
  trigger = null;
  triggerKey = null;
  current = null;
  if (restoreFocus) (back ?? document.getElementById("question")).focus();
}
