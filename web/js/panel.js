/**
 * The citation panel: the quote highlighted inside its passage (GET /api/passages/:id), where it is
 * (document, section heading, page when known, studies), a link to the reader at that place and to the
 * PDF page when the library has the PDF, and the source studies' cards (or the document's).
 * Beside the conversation on wide screens, a full-screen drawer on phones.
 */
import { fetchPassage, fileUrl } from "./api.js";
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { documentById } from "./library-data.js";
import { pageLabel, whereParts } from "./source-line.js";
import { documentCard, studyCard } from "./study-card.js";

let panel;
let body;
let title;
let backdrop;
let handlers = { onError: () => {}, onOpenReader: () => {} };
let current = null;
let trigger = null;
let request = 0;
const passages = new Map();

export function initPanel(options) {
  handlers = { ...handlers, ...options };
  panel = document.getElementById("panel");
  body = document.getElementById("panel-body");
  title = document.getElementById("panel-title");
  backdrop = document.getElementById("backdrop");
  document.getElementById("panel-close").addEventListener("click", () => closePanel());
  backdrop.addEventListener("click", () => closePanel());
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && isPanelOpen()) closePanel();
  });
}

export function isPanelOpen() {
  return Boolean(panel && !panel.hidden);
}

/** The passage text with the quote marked; the quote alone when its span does not match. */
function passageBlock(passage, citation) {
  const text = passage.text ?? "";
  const start = citation.quoteStart;
  const end = citation.quoteEnd;
  if (Number.isInteger(start) && Number.isInteger(end) && text.slice(start, end) === citation.quote) {
    return [h("blockquote", { class: "passage", lang: passage.lang }, text.slice(0, start), h("mark", {}, text.slice(start, end)), text.slice(end))];
  }
  return [h("p", { class: "panel-hint" }, t("panelQuoteMissing")), h("blockquote", { class: "passage" }, h("mark", {}, citation.quote))];
}

function links(citation) {
  const doc = documentById(citation.docId);
  const open = h("button", { type: "button", class: "btn btn-small open-reader", onclick: () => handlers.onOpenReader(citation.docId, citation.passageId) }, t("openInReader"));
  const pdf = doc?.format === "pdf"
    ? h("a", { class: "btn btn-small btn-ghost open-pdf", href: fileUrl(doc.id, citation.page), target: "_blank", rel: "noopener" }, citation.page ? t("openPdfPage", citation.page) : t("openPdf"))
    : null;
  return h("div", { class: "panel-links" }, open, pdf);
}

function renderLoaded(citation, data) {
  const { passage, studies } = data;
  const where = whereParts(citation);
  const meta = h("p", { class: "panel-meta" }, ...where.map((part, i) => h("span", { class: `pill${i === where.length - 1 && citation.studies.length ? " pill-accent" : ""}` }, part)));
  const quoteSection = h("section", { class: "panel-section", "aria-labelledby": "panel-quote-heading" },
    h("h3", { class: "panel-section-title", id: "panel-quote-heading" }, t("panelQuoteHeading")),
    ...passageBlock(passage, citation),
    links(citation));
  const shown = (studies ?? []).filter((s) => citation.studies.includes(s.number));
  const doc = data.document ?? documentById(citation.docId);
  const cards = shown.length > 0 ? shown.map((s) => studyCard(s, { headingLevel: "h4" })) : doc ? [documentCard(doc, { headingLevel: "h4" })] : [];
  const studySection = h("section", { class: "panel-section", "aria-labelledby": "panel-studies-heading" },
    h("h3", { class: "panel-section-title", id: "panel-studies-heading" }, shown.length > 0 ? t("panelStudiesHeading", shown.length) : t("panelDocumentHeading")),
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

/** On phones the panel is a full-screen drawer: the page behind it is inert until it closes. */
function setModal(on) {
  for (const el of document.querySelectorAll(".topbar, .token-form, .views, .sidebar")) el.inert = on;
  panel.setAttribute("aria-modal", String(on));
}

export async function openCitation(citation, from) {
  trigger?.classList.remove("is-open");
  trigger = from ?? null;
  trigger?.classList.add("is-open");
  current = citation;
  const mine = ++request;
  title.textContent = `${t("citation", citation.n)} · ${citation.document}${pageLabel(citation.page) ? ` · ${pageLabel(citation.page)}` : ""}`;
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
    if (mine === request) renderFailed(error);
  } finally {
    if (mine === request) panel.setAttribute("aria-busy", "false");
  }
}

/** Redraw the open panel in the current language. */
export function refreshPanel() {
  if (isPanelOpen() && current) openCitation(current, trigger);
}

export function closePanel({ restoreFocus = true } = {}) {
  if (!panel || panel.hidden) return;
  request++;
  panel.hidden = true;
  backdrop.hidden = true;
  setModal(false);
  document.body.classList.remove("panel-open");
  const back = trigger && trigger.isConnected ? trigger : null;
  trigger?.classList.remove("is-open");
  trigger = null;
  current = null;
  if (restoreFocus) (back ?? document.getElementById("question")).focus();
}
