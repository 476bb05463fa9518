/**
 * An answer as DOM, built from its structure only (sentences, citations): never by reading the answer's
 * text for frames, list markers or labels.
 *  - a `frame` sentence (a fixed phrase, e.g. "The review does not cover this.") is a notice;
 *  - an `item` sentence is an item of the list the sentence before it opens;
 *  - a sentence's «quotes» (its `quotes` offsets) are the source's own words, styled as quotations in the
 *    source's language; a `quoted` sentence is the source's sentence as a whole;
 *  - the markers of the sentence's `citations` become citation buttons.
 * Everything goes in as text nodes: nothing in a question, an answer or the corpus can become markup.
 */
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { documentById } from "./library-data.js";

/** Where, in a sentence's text, its citation markers " [n]" are (only the numbers it cites, outside its quotes). */
function markerSpans(sentence) {
  const spans = [];
  const quotes = sentence.quotes ?? [];
  const inQuote = (i) => quotes.some((q) => i >= q.start && i < q.end);
  for (const n of new Set(sentence.citations ?? [])) {
    const marker = `[${n}]`;
    for (let from = 0; ; ) {
      const at = sentence.text.indexOf(marker, from);
      if (at < 0) break;
      from = at + marker.length;
      if (inQuote(at)) continue;
      // The space before a marker goes with it.
      const start = at > 0 && sentence.text[at - 1] === " " ? at - 1 : at;
      spans.push({ start, end: at + marker.length, n });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

function chip(n, citation, handlers) {
  if (!citation) return h("span", { class: "cite-chip is-pending", "aria-label": t("citationPending", n) }, String(n));
  return h("button", {
    type: "button",
    class: "cite-chip",
    "aria-label": t("citation", n),
    "aria-haspopup": "dialog",
    dataset: { n: String(n), passage: citation.passageId },
    onclick: (event) => handlers.onCitation(citation, event.currentTarget),
    onmouseenter: (event) => handlers.onPreview?.(citation, event.currentTarget),
    onmouseleave: () => handlers.onPreviewEnd?.(),
    onfocus: (event) => handlers.onPreview?.(citation, event.currentTarget),
    onblur: () => handlers.onPreviewEnd?.(),
  }, String(n));
}

/** The language of the document a sentence quotes (its first citation's), for the quotes' `lang`. */
function quoteLang(sentence, byN) {
  const first = byN.get((sentence.citations ?? [])[0]);
  return first ? documentById(first.docId)?.lang : undefined;
}

/** The inline nodes of one sentence: text, «quotes», citation buttons. */
export function sentenceNodes(sentence, byN, handlers) {
  const text = String(sentence.text ?? "");
  const lang = quoteLang(sentence, byN);
  const cuts = [
    ...(sentence.quotes ?? []).filter((q) => q.start >= 0 && q.end <= text.length && q.end > q.start).map((q) => ({ ...q, kind: "quote" })),
    ...markerSpans(sentence).map((m) => ({ ...m, kind: "marker" })),
  ].sort((a, b) => a.start - b.start);
  const nodes = [];
  // Punctuation right after a citation button stays on its line ("... Weinan E [1]." never wraps the ".").
  const pushText = (piece) => {
    const punctuation = /^[.,;:!?)]+/.exec(piece)?.[0];
    const last = nodes[nodes.length - 1];
    if (punctuation && last instanceof Element && last.classList.contains("cite-chip")) {
      nodes[nodes.length - 1] = h("span", { class: "cite-tail" }, last, punctuation);
      piece = piece.slice(punctuation.length);
    }
    if (piece) nodes.push(piece);
  };
  let at = 0;
  for (const cut of cuts) {
    if (cut.start < at) continue;
    if (cut.start > at) pushText(text.slice(at, cut.start));
    if (cut.kind === "marker") nodes.push(chip(cut.n, byN.get(cut.n), handlers));
    else {
      // The guillemets are the server's marking of the quote; the element shows it as a quotation.
      const inner = text.slice(cut.start, cut.end).replace(/^«/, "").replace(/»$/, "");
      nodes.push(h("q", { class: "src-quote", lang }, inner));
    }
    at = cut.end;
  }
  if (at < text.length) pushText(text.slice(at));
  if (sentence.kind === "quoted") return [h("q", { class: "src-quote src-quote-whole", lang }, ...nodes)];
  return nodes;
}

/**
 * The answer of a finished (or citation-bearing) message. Frame sentences become one notice (an
 * abstention's own sentence, in the answer's language); items become a list under their lead sentence.
 */
export function renderAnswer(msg, handlers) {
  const byN = new Map((msg.citations ?? []).map((c) => [c.n, c]));
  const root = h("div", { class: "answer-text", lang: msg.lang || undefined });
  let paragraph = null;
  let list = null;
  let notice = null;
  for (const sentence of msg.sentences ?? []) {
    if (sentence.kind === "frame") {
      paragraph = null;
      list = null;
      if (!notice) {
        notice = h("div", { class: `answer-notice${msg.abstained ? " is-abstained" : ""}`, role: "note" },
          h("span", { class: "callout-icon", "aria-hidden": "true" }),
          h("p", { class: "answer-notice-text" }));
        root.append(notice);
      }
      const p = notice.querySelector("p");
      if (p.childNodes.length > 0) p.append(" ");
      p.append(...sentenceNodes(sentence, byN, handlers));
      continue;
    }
    notice = null;
    if (sentence.item) {
      if (!list) {
        list = h("ul", { class: "answer-list" });
        root.append(list);
      }
      list.append(h("li", {}, sentenceNodes(sentence, byN, handlers)));
      paragraph = null;
      continue;
    }
    list = null;
    if (!paragraph) {
      paragraph = h("p", {});
      root.append(paragraph);
    } else paragraph.append(" ");
    paragraph.append(...sentenceNodes(sentence, byN, handlers));
  }
  return root;
}

/** The text streamed so far, before the sentences arrive: shown as it came, with its line breaks. */
export function renderStreaming(msg) {
  return h("div", { class: "answer-text is-streaming", lang: msg.lang || undefined }, h("p", { class: "streamed" }, msg.text, h("span", { class: "caret", "aria-hidden": "true" })));
}
