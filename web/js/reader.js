/**
 * The reader: a document's cleaned text by section (GET /api/documents/:id, passages in document order),
 * every passage cited in the current conversation highlighted with its quotes marked and its citation
 * numbers, pages shown where known (linked to the PDF page when the library has the PDF), and a way to
 * open it at one passage.
 */
import { fetchDocument, fileUrl } from "./api.js";
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { headingLabel, pageLabel } from "./source-line.js";

const cache = new Map();

/** Passages grouped under their section heading, in document order. */
function groups(passages) {
  const out = [];
  for (const p of passages) {
    const label = headingLabel(p.section, p.heading);
    const last = out.at(-1);
    if (last && last.label === label) last.passages.push(p);
    else out.push({ label, section: p.section, passages: [p] });
  }
  return out;
}

/** The passage text with the cited quotes marked. */
function passageText(p, quotes) {
  const spans = quotes.filter((q) => Number.isInteger(q.start) && q.end > q.start && p.text.slice(q.start, q.end) === q.quote).sort((a, b) => a.start - b.start);
  const nodes = [];
  let at = 0;
  for (const q of spans) {
    if (q.start < at) continue;
    nodes.push(p.text.slice(at, q.start), h("mark", {}, p.text.slice(q.start, q.end)));
    at = q.end;
  }
  nodes.push(p.text.slice(at));
  return nodes;
}

/**
 * Show `docId` in the reader. `cited`: Map passageId -> [{ n, start, end, quote }] from the conversation.
 * `focus`: a passage id to open at.
 */
export async function renderReader(docId, { cited, focus, onBack }) {
  const root = document.getElementById("reader");
  root.replaceChildren(h("p", { class: "panel-loading" }, t("loading")));
  let data = cache.get(docId);
  try {
    data ??= await fetchDocument(docId);
    cache.set(docId, data);
  } catch (error) {
    root.replaceChildren(h("div", { class: "callout callout-error", role: "alert" }, h("p", { class: "callout-body" }, error.message || t("errorNetwork"))));
    return;
  }
  const { document: doc, passages } = data;
  const pdf = doc.format === "pdf";
  const parts = groups(passages);
  const citedHere = passages.filter((p) => cited.has(p.id)).length;
  const toc = h("nav", { class: "reader-toc", "aria-labelledby": "reader-toc-title" },
    h("h3", { class: "reader-toc-title", id: "reader-toc-title" }, t("readerContents")),
    h("ol", {}, parts.map((g, i) => h("li", {}, h("a", { href: `#reader-part-${i}`, class: g.passages.some((p) => cited.has(p.id)) ? "has-cited" : "" }, g.label)))));
  let lastPage = null;
  const sections = parts.map((g, i) =>
    h("section", { class: "reader-part", id: `reader-part-${i}`, "aria-labelledby": `reader-part-${i}-title` },
      h("h3", { class: "reader-heading", id: `reader-part-${i}-title` }, g.label),
      g.passages.map((p) => {
        const quotes = cited.get(p.id) ?? [];
        const page = p.page !== null && p.page !== lastPage ? p.page : null;
        if (p.page !== null) lastPage = p.page;
        const pageTag = page === null ? null : pdf ? h("a", { class: "reader-page", href: fileUrl(doc.id, page), target: "_blank", rel: "noopener" }, pageLabel(page)) : h("span", { class: "reader-page" }, pageLabel(page));
        return h("div", { class: `reader-passage${quotes.length ? " is-cited" : ""} kind-${p.kind}`, id: `passage-${p.id}`, tabindex: "-1", dataset: { passage: p.id } },
          pageTag,
          quotes.length ? h("p", { class: "reader-cited" }, t("citedHere", [...new Set(quotes.map((q) => q.n))])) : null,
          h("p", { class: "reader-text", lang: p.lang }, passageText(p, quotes)));
      })));
  root.replaceChildren(
    h("div", { class: "reader-head" },
      h("button", { type: "button", class: "btn btn-small btn-ghost reader-back", onclick: onBack }, `← ${t("backToLibrary")}`),
      h("h2", { class: "reader-title", id: "reader-title", tabindex: "-1" }, doc.title),
      h("p", { class: "doc-facts" }, [doc.authors?.join(", "), doc.year, doc.venue, doc.pages ? t("docPages", doc.pages) : null].filter(Boolean).join(" · ")),
      pdf ? h("a", { class: "btn btn-small open-pdf", href: fileUrl(doc.id), target: "_blank", rel: "noopener" }, t("openPdf")) : null,
      h("p", { class: "reader-cited-count", role: "status" }, t("readerCited", citedHere))),
    h("div", { class: "reader-body" }, toc, h("div", { class: "reader-text-col" }, sections)));
  const target = focus ? document.getElementById(`passage-${focus}`) : null;
  if (target) {
    target.classList.add("is-target");
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  } else {
    document.getElementById("reader-title").focus();
  }
}
