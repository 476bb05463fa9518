/**
 * Messages as DOM: the user's question, and the assistant's answer with its citation chips, notices,
 * sources list and copy button. All text goes in as text nodes: the answer is split on its [n] markers
 * and each marker becomes a button, so nothing in a question, an answer or the corpus can become markup.
 */
import { h } from "./dom.js";
import { sectionName, t } from "./i18n.js";

const MARKER = /\[(\d{1,3})\]/g;

/** Phrases the server writes itself before the quotes (src/answer/messages.ts), longest first. */
const FRAMES = [
  "The review does not cover this, and nothing in it comes close to the question.",
  "Tinjauan ini tidak membahas hal tersebut, dan tidak ada bagian yang dekat dengan pertanyaan ini.",
  "According to the review (quoted in its original Indonesian):",
  "The review does not cover this.",
  "Tinjauan ini tidak membahas hal tersebut.",
  "The closest things it does cover:",
  "Yang paling dekat yang dibahasnya:",
  "According to the review:",
  "Menurut tinjauan ini:",
];
const NOT_COVERED = new Set([FRAMES[0], FRAMES[1], FRAMES[3], FRAMES[4]]);

/** Split the leading frame phrases off a line: { frames: string[], rest: string }. */
export function splitFrames(line) {
  const frames = [];
  let rest = line.trimStart();
  for (let found = true; found; ) {
    found = false;
    for (const frame of FRAMES) {
      if (rest.startsWith(frame)) {
        frames.push(frame);
        rest = rest.slice(frame.length).trimStart();
        found = true;
        break;
      }
    }
  }
  return { frames, rest };
}

export function pageLabel(page, short = false) {
  if (page === null || page === undefined) return t("pageUnknown");
  return short ? t("pageShort", page) : t("page", page);
}

/** "Rothman, E. F. (2019)": a reference up to its year, for one-line source lists. */
export function shortReference(reference) {
  const oneLine = String(reference ?? "").replace(/\s+/g, " ").trim();
  const match = /^(.+?\(\d{4}[a-z]?\))/.exec(oneLine);
  const short = match ? match[1] : oneLine;
  return short.length > 70 ? `${short.slice(0, 67).trimEnd()}…` : short;
}

/** "Buletin Kesehatan (2022)": the review's reference is a bracketed description, too long for a list. */
function reviewShortReference(reference) {
  const oneLine = String(reference ?? "").replace(/\s+/g, " ");
  const match = /\((\d{4})\)\.\s*([^,.(]+)/.exec(oneLine);
  return match ? `${match[2].trim()} (${match[1]})` : shortReference(oneLine);
}

function citationShortRefs(citation) {
  if (!citation.studies || citation.studies.length === 0) return reviewShortReference(citation.reference);
  const refs = citation.references && citation.references.length > 0 ? citation.references.map((r) => r.reference) : [citation.reference];
  return refs.map(shortReference).join("; ");
}

function studiesLabel(studies) {
  return studies && studies.length > 0 ? t("studiesList", studies) : t("wholeReview");
}

/** Text and chips of one line of an answer. */
function inlineNodes(text, byN, handlers, streaming) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    const n = Number(match[1]);
    const citation = byN.get(n);
    if (!citation && !streaming) continue; // a bracketed number that is not a citation stays text
    const before = text.slice(last, match.index);
    nodes.push(before.replace(/\s+$/, ""));
    if (citation) {
      nodes.push(
        h("button", {
          type: "button",
          class: "cite-chip",
          "aria-label": t("citation", n),
          "aria-haspopup": "dialog",
          dataset: { n: String(n), passage: citation.passageId },
          onclick: (event) => handlers.onCitation(citation, event.currentTarget),
        }, String(n)),
      );
    } else {
      nodes.push(h("span", { class: "cite-chip is-pending", "aria-label": t("citationPending", n) }, String(n)));
    }
    last = match.index + match[0].length;
  }
  nodes.push(text.slice(last));
  return nodes.filter((n) => n !== "");
}

/**
 * The answer text as paragraphs and lists: lines starting "- " are list items, the server's frame phrases
 * ("According to the review:") become a quiet lead line, [n] markers become citation chips.
 */
export function renderAnswerText(text, citations, handlers, { streaming = false, abstained = false } = {}) {
  const byN = new Map((citations ?? []).map((c) => [c.n, c]));
  const root = h("div", { class: "answer-text" });
  let list = null;
  const lines = String(text ?? "").split(/\r?\n/);
  lines.forEach((raw, index) => {
    let line = raw;
    if (index === 0) {
      const { frames, rest } = splitFrames(line);
      const shown = abstained ? frames.filter((f) => !NOT_COVERED.has(f)) : frames;
      if (shown.length > 0) root.append(h("p", { class: "answer-frame" }, shown.join(" ")));
      line = rest;
    }
    if (line.trim() === "") return;
    const item = /^\s*[-•]\s+(.*)$/.exec(line);
    if (item) {
      if (!list) {
        list = h("ul", { class: "answer-list" });
        root.append(list);
      }
      list.append(h("li", {}, inlineNodes(item[1], byN, handlers, streaming)));
    } else {
      list = null;
      root.append(h("p", {}, inlineNodes(line, byN, handlers, streaming)));
    }
  });
  return root;
}

function renderSources(msg, handlers) {
  const items = msg.citations.map((c) =>
    h("li", { class: "source", dataset: { n: String(c.n), studies: c.studies.join(","), passage: c.passageId } },
      h("button", {
        type: "button",
        class: "source-open",
        "aria-label": `${t("citation", c.n)}: ${sectionName(c.section)}, ${pageLabel(c.page)}`,
        "aria-haspopup": "dialog",
        onclick: (event) => handlers.onCitation(c, event.currentTarget),
      }, String(c.n)),
      h("span", { class: "source-text" },
        h("span", { class: "source-where" }, `${sectionName(c.section)} · ${pageLabel(c.page, true)}`),
        h("span", { class: "source-sep", "aria-hidden": "true" }, " · "),
        h("span", { class: "source-studies" }, studiesLabel(c.studies)),
        h("span", { class: "source-sep", "aria-hidden": "true" }, " · "),
        h("span", { class: "source-ref" }, citationShortRefs(c)),
        c.note ? h("span", { class: "source-warn", role: "img", title: t("reviewNote"), "aria-label": t("reviewNote") }, "!") : null,
      ),
    ),
  );
  const headingId = `sources-${msg.id}`;
  return h("section", { class: "sources", "aria-labelledby": headingId },
    h("h3", { class: "sources-title", id: headingId }, t("sources")),
    h("ol", { class: "source-list" }, items),
  );
}

/** The answer and its references as plain text, for "Copy answer with references". */
export function answerAsText(msg) {
  const lines = msg.citations.map((c) => {
    const where = [sectionName(c.section), pageLabel(c.page, true), studiesLabel(c.studies)].join(", ");
    const line = `[${c.n}] "${c.quote}" (${where}). ${String(c.reference).replace(/\s*\n\s*/g, "; ")}`;
    return c.note ? `${line}\n    ${t("reviewNote")}: ${c.note}` : line;
  });
  const parts = [msg.text.trim()];
  if (lines.length > 0) parts.push(`${t("referencesHeading")}:\n${lines.join("\n")}`);
  for (const warning of msg.warnings ?? []) parts.push(`${t("warningTitle")}: ${warning}`);
  return parts.join("\n\n");
}

/**
 * What wrote the answer. "Checked against the review" only when every sentence of the model's answer passed
 * the claim check (the server lists the removed ones in `unsupported`).
 */
export function modeLabel(msg) {
  if (msg.mode !== "llm") return t("modeExtractive");
  const removed = Array.isArray(msg.unsupported) ? msg.unsupported.length : 0;
  return removed === 0 ? t("modeLlm") : t("modeLlmRemoved", removed);
}

function renderStatus(msg) {
  if (msg.status !== "streaming") return null;
  const label = msg.text ? t("writing") : t("thinking");
  return h("p", { class: "progress" }, h("span", { class: "dots", "aria-hidden": "true" }, h("span"), h("span"), h("span")), label);
}

function renderError(msg, handlers) {
  const err = msg.error ?? {};
  let reason = err.message || "";
  if (err.status === 0 || err.code === "network_error") reason = t("errorNetwork");
  else if (err.status === 401) reason = t("tokenNeeded");
  else if (!reason) reason = t("errorGeneric", err.status ?? "?");
  const title = err.status === 429 ? t("rateLimited") : err.status === 401 ? t("tokenTitle") : t("errorTitle");
  return h("div", { class: "callout callout-error", role: "alert" },
    h("p", { class: "callout-title" }, title),
    h("p", { class: "callout-body" }, reason),
    handlers.onRetry ? h("button", { type: "button", class: "btn btn-small", onclick: () => handlers.onRetry(msg) }, t("retry")) : null,
  );
}

/** Rebuild the inside of an assistant message from its state. */
export function fillAssistant(article, msg, handlers) {
  const streaming = msg.status === "streaming";
  article.className = `msg msg-assistant${msg.abstained ? " is-abstained" : ""}${msg.status === "error" ? " is-error" : ""}`;
  article.dataset.state = msg.status;
  article.setAttribute("aria-busy", streaming ? "true" : "false");
  const children = [];
  for (const warning of msg.warnings ?? []) {
    children.push(h("div", { class: "callout callout-warning", role: "note" },
      h("span", { class: "callout-icon", "aria-hidden": "true" }),
      h("p", { class: "callout-body" }, h("strong", {}, `${t("warningTitle")}: `), warning)));
  }
  if (msg.abstained) {
    children.push(h("div", { class: "callout callout-abstain", role: "note" },
      h("span", { class: "callout-icon", "aria-hidden": "true" }),
      h("div", {}, h("p", { class: "callout-title" }, t("abstainedTitle")), h("p", { class: "callout-body" }, t("abstainedBody")))));
  }
  if (msg.text) {
    const text = renderAnswerText(msg.text, msg.citations, handlers, { streaming, abstained: msg.abstained });
    if (streaming) {
      // The caret goes at the end of the last paragraph or list item, not on a line of its own.
      const last = text.lastElementChild;
      const target = last && last.tagName === "UL" ? last.lastElementChild : last;
      (target ?? text).append(h("span", { class: "caret", "aria-hidden": "true" }));
    }
    children.push(text);
  }
  children.push(renderStatus(msg));
  if (msg.status === "stopped") children.push(h("p", { class: "stopped-note" }, msg.text ? t("stopped") : t("stoppedEmpty")));
  if (msg.status === "error") children.push(renderError(msg, handlers));
  if (!streaming && msg.citations && msg.citations.length > 0) {
    children.push(renderSources(msg, handlers));
  }
  if (!streaming && msg.text) {
    const copyButton = h("button", { type: "button", class: "btn btn-small btn-ghost copy-answer", onclick: () => handlers.onCopyAnswer(msg, copyButton) },
      h("span", { class: "icon icon-copy", "aria-hidden": "true" }), h("span", { class: "copy-label" }, t("copyAnswer")));
    children.push(h("div", { class: "msg-actions" },
      copyButton,
      msg.mode ? h("span", { class: "mode-tag" }, modeLabel(msg)) : null));
  }
  article.replaceChildren(...children.filter(Boolean));
  return article;
}

export function renderAssistant(msg, handlers, index) {
  const article = h("article", { class: "msg msg-assistant", "aria-label": t("answerLabel", index), dataset: { id: msg.id } });
  return fillAssistant(article, msg, handlers);
}

export function renderUser(msg) {
  return h("article", { class: "msg msg-user", "aria-label": t("you"), dataset: { id: msg.id } },
    h("p", { class: "msg-user-text" }, msg.content),
    msg.studies && msg.studies.length > 0 ? h("p", { class: "msg-filter-tag" }, t("filteredTo", msg.studies)) : null,
  );
}
