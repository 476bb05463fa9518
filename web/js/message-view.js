/**
 * Messages as DOM: the user's question (with Edit), and the assistant's answer with its notices, sources,
 * actions (copy, rate, regenerate, export the cited references) and suggested follow-ups.
 */
import { renderAnswer, renderStreaming } from "./answer-view.js";
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { referenceMenu } from "./references-menu.js";
import { shortReference, whereParts } from "./source-line.js";

/** The answer and its references as plain text, for "Copy with references". */
export function answerAsText(msg) {
  const lines = (msg.citations ?? []).map((c) => {
    const line = `[${c.n}] "${c.quote}" (${whereParts(c).join(", ")}). ${String(c.reference).replace(/\s*\n\s*/g, "; ")}`;
    return c.note ? `${line}\n    ${t("inconsistency")}: ${c.note}` : line;
  });
  const parts = [String(msg.text ?? "").trim()];
  if (lines.length > 0) parts.push(`${t("referencesHeading")}:\n${lines.join("\n")}`);
  for (const warning of msg.warnings ?? []) parts.push(`${t("warningTitle")}: ${warning}`);
  return parts.join("\n\n");
}

/** What wrote the answer; "checked" only when no model sentence was removed. */
export function modeLabel(msg) {
  if (msg.mode !== "llm") return t("modeExtractive");
  const removed = Array.isArray(msg.unsupported) ? msg.unsupported.length : 0;
  return removed === 0 ? t("modeLlm") : t("modeLlmRemoved", removed);
}

export function renderUser(msg, handlers, { editing = false } = {}) {
  const article = h("article", { class: "msg msg-user", dataset: { id: msg.id }, "aria-label": t("you") });
  if (editing) {
    const area = h("textarea", { class: "input edit-input", rows: "3", "aria-label": t("editLabel"), maxlength: "4000" });
    area.value = msg.content;
    const form = h("form", { class: "edit-form", onsubmit: (e) => { e.preventDefault(); handlers.onEditSubmit(msg, area.value); } },
      area,
      h("p", { class: "edit-hint" }, t("editHint")),
      h("div", { class: "edit-actions" },
        h("button", { type: "button", class: "btn btn-small btn-ghost", onclick: () => handlers.onEditCancel(msg) }, t("editCancel")),
        h("button", { type: "submit", class: "btn btn-small btn-primary" }, t("editSave"))));
    area.addEventListener("keydown", (e) => {
      if (e.key === "Escape") handlers.onEditCancel(msg);
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        form.requestSubmit();
      }
    });
    article.append(form);
    queueMicrotask(() => area.focus());
    return article;
  }
  article.append(
    ...[h("p", { class: "msg-user-text" }, msg.content),
    msg.filter?.label ? h("p", { class: "msg-filter-tag" }, t("filteredTo", msg.filter.label)) : null,
    h("div", { class: "msg-user-actions" },
      h("button", { type: "button", class: "btn btn-small btn-ghost edit-question", title: t("editLabel"), onclick: () => handlers.onEdit(msg) },
        h("span", { class: "icon icon-edit", "aria-hidden": "true" }), h("span", {}, t("edit"))))].filter(Boolean),
  );
  return article;
}

/** The sources a citation names, one line each: its reference-list entries, or its studies' reference. */
function sourceRefs(c) {
  return c.references?.length ? c.references.map((r) => shortReference(r.reference)) : c.studies?.length ? [shortReference(c.reference)] : [];
}

/** What a source line says: citations that say the same (the rows of one table) share one line. */
const sourceKey = (c) => [whereParts(c).join(" · "), sourceRefs(c).join("; "), c.note ?? ""].join("\u0000");

function renderSources(msg, handlers) {
  // Consecutive citations with the same source line are one line with each of their numbers.
  const groups = [];
  for (const c of msg.citations) {
    const last = groups[groups.length - 1];
    if (last && sourceKey(last[0]) === sourceKey(c)) last.push(c);
    else groups.push([c]);
  }
  const openButton = (c) =>
    h("button", {
      type: "button",
      class: "source-open",
      "aria-label": `${t("citation", c.n)}: ${whereParts(c).join(", ")}`,
      "aria-haspopup": "dialog",
      onclick: (event) => handlers.onCitation(c, event.currentTarget),
    }, String(c.n));
  const items = groups.map((group) => {
    const c = group[0];
    return h("li", { class: "source", dataset: { n: String(c.n), passage: c.passageId } },
      group.length > 1 ? h("span", { class: "source-opens" }, ...group.map(openButton)) : openButton(c),
      h("span", { class: "source-text" },
        h("span", { class: "source-where" }, whereParts(c).join(" · ")),
        sourceRefs(c).length > 0 ? h("span", { class: "source-ref" }, ` — ${sourceRefs(c).join("; ")}`) : null,
        c.note ? h("span", { class: "source-warn", role: "img", title: `${t("inconsistency")}: ${c.note}`, "aria-label": t("inconsistency") }, "!") : null,
      ),
    );
  });
  const headingId = `sources-${msg.id}`;
  return h("section", { class: "sources", "aria-labelledby": headingId },
    h("h3", { class: "sources-title", id: headingId }, t("sources")),
    h("ol", { class: "source-list" }, items));
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
    h("button", { type: "button", class: "btn btn-small", onclick: () => handlers.onRetry(msg) }, t("retry")));
}

function rateButton(msg, value, handlers) {
  const pressed = msg.feedback === value;
  return h("button", {
    type: "button",
    class: `btn btn-icon rate rate-${value}${pressed ? " is-on" : ""}`,
    "aria-pressed": String(pressed),
    "aria-label": value === "up" ? t("rateUp") : t("rateDown"),
    title: value === "up" ? t("rateUp") : t("rateDown"),
    onclick: () => handlers.onRate(msg, value),
  }, h("span", { class: `icon icon-thumb-${value}`, "aria-hidden": "true" }));
}

function renderActions(msg, handlers, { last }) {
  const copy = h("button", { type: "button", class: "btn btn-small btn-ghost copy-answer", onclick: (e) => handlers.onCopyAnswer(msg, e.currentTarget) },
    h("span", { class: "icon icon-copy", "aria-hidden": "true" }), h("span", { class: "copy-label" }, t("copyAnswer")));
  const cited = msg.citations.flatMap((c) => (c.studies.length > 0 ? c.studies.map((n) => ({ docId: c.docId, number: n })) : [{ docId: c.docId }]));
  return h("div", { class: "msg-actions" },
    copy,
    cited.length > 0 ? referenceMenu({ label: t("exportCited"), sources: cited, compact: true }) : null,
    last ? h("button", { type: "button", class: "btn btn-small btn-ghost regenerate", title: t("regenerateLabel"), onclick: () => handlers.onRegenerate(msg) },
      h("span", { class: "icon icon-redo", "aria-hidden": "true" }), h("span", {}, t("regenerate"))) : null,
    h("span", { class: "rate-group", role: "group", "aria-label": t("rateUp") + " / " + t("rateDown") }, rateButton(msg, "up", handlers), rateButton(msg, "down", handlers)),
    h("span", { class: "mode-tag" }, modeLabel(msg)));
}

function renderSuggestions(msg, handlers) {
  if (!Array.isArray(msg.suggestions) || msg.suggestions.length === 0) return null;
  const headingId = `suggest-${msg.id}`;
  return h("nav", { class: "suggestions", "aria-labelledby": headingId },
    h("h3", { class: "suggestions-title", id: headingId }, t("suggestionsHeading")),
    h("ul", { class: "suggestion-list", lang: msg.lang || undefined },
      msg.suggestions.map((s) => h("li", {}, h("button", { type: "button", class: "suggestion", onclick: () => handlers.onSuggestion(s) }, s.question)))));
}

/** Fill (or refill) an assistant message's article for its current state. */
export function fillAssistant(article, msg, handlers, { last = false } = {}) {
  article.dataset.state = msg.status;
  article.classList.toggle("is-abstained", Boolean(msg.abstained) && msg.status === "done");
  article.setAttribute("aria-busy", String(msg.status === "streaming"));
  const hasStructure = Array.isArray(msg.sentences) && msg.sentences.length > 0;
  const parts = [];
  if (hasStructure) parts.push(renderAnswer(msg, handlers));
  else if (msg.text) parts.push(msg.status === "streaming" ? renderStreaming(msg) : h("div", { class: "answer-text", lang: msg.lang || undefined }, h("p", { class: "streamed" }, msg.text)));
  if (msg.status === "streaming") parts.push(h("p", { class: "progress" }, h("span", { class: "dots", "aria-hidden": "true" }, h("span"), h("span"), h("span")), msg.text ? t("writing") : t("thinking")));
  for (const w of msg.warnings ?? []) {
    parts.push(h("div", { class: "callout callout-warning", role: "note" }, h("span", { class: "callout-icon", "aria-hidden": "true" }), h("p", { class: "callout-body" }, h("strong", {}, `${t("warningTitle")}: `), w)));
  }
  if (msg.status === "error") parts.push(renderError(msg, handlers));
  if (msg.status === "stopped") parts.push(h("p", { class: "stopped-note" }, msg.text ? t("stopped") : t("stoppedEmpty")));
  if (msg.citations?.length > 0 && msg.status !== "streaming") parts.push(renderSources(msg, handlers));
  if (msg.status === "done") parts.push(renderActions(msg, handlers, { last }));
  if (msg.status === "done" && last) {
    const s = renderSuggestions(msg, handlers);
    if (s) parts.push(s);
  }
  article.replaceChildren(...parts);
}

export function renderAssistant(msg, handlers, index, { last = false } = {}) {
  const article = h("article", { class: "msg msg-assistant", dataset: { id: msg.id }, "aria-label": t("answerLabel", index) });
  fillAssistant(article, msg, handlers, { last });
  return article;
}
