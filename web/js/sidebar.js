/**
 * The conversations sidebar: the list (newest first), new, switch, rename (inline), delete, export as
 * Markdown, and the ratings export. On phones it is a drawer opened from the top bar.
 */
import { active, conversations, ratings, removeConversation, rename, titleOf } from "./conversations.js";
import { announce, h } from "./dom.js";
import { exportConversation, exportRatings } from "./exporters.js";
import { t } from "./i18n.js";

let handlers;
let renaming = null;

export function initSidebar(options) {
  handlers = options;
  document.getElementById("sidebar-toggle").addEventListener("click", () => setSidebarOpen(!document.body.classList.contains("sidebar-open")));
  document.getElementById("sidebar-close").addEventListener("click", () => setSidebarOpen(false));
  document.getElementById("sidebar-scrim").addEventListener("click", () => setSidebarOpen(false));
  document.getElementById("export-ratings").addEventListener("click", () => {
    const list = ratings();
    if (list.length === 0) return announce(t("noFeedback"));
    exportRatings(list);
  });
  document.getElementById("sidebar").addEventListener("keydown", (e) => {
    if (e.key === "Escape" && document.body.classList.contains("sidebar-open")) {
      setSidebarOpen(false);
      document.getElementById("sidebar-toggle").focus();
    }
  });
}

export function setSidebarOpen(open) {
  document.body.classList.toggle("sidebar-open", open);
  document.getElementById("sidebar-toggle").setAttribute("aria-expanded", String(open));
  if (open) document.querySelector("#conversation-list [aria-current='true']")?.focus();
}

function item(c, current) {
  const title = titleOf(c) || t("untitled");
  if (renaming === c.id) {
    const input = h("input", { class: "input rename-input", value: title, "aria-label": t("renamePrompt"), maxlength: "120" });
    const done = (save) => {
      if (save) rename(c.id, input.value);
      renaming = null;
      renderSidebar();
      document.querySelector(`[data-conv="${CSS.escape(c.id)}"] .conv-open`)?.focus();
    };
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") done(true);
      if (e.key === "Escape") {
        e.stopPropagation();
        done(false);
      }
    });
    input.addEventListener("blur", () => renaming === c.id && done(true));
    queueMicrotask(() => input.select());
    return h("li", { class: "conv is-renaming", dataset: { conv: c.id } }, input);
  }
  return h("li", { class: `conv${current ? " is-current" : ""}`, dataset: { conv: c.id } },
    h("button", { type: "button", class: "conv-open", "aria-current": current ? "true" : "false", onclick: () => handlers.onOpen(c.id) },
      h("span", { class: "conv-title" }, title),
      h("span", { class: "conv-count" }, String(c.messages.filter((m) => m.role === "user").length))),
    h("div", { class: "conv-actions" },
      h("button", { type: "button", class: "btn btn-icon conv-rename", "aria-label": t("renameLabel", title), title: t("rename"), onclick: () => { renaming = c.id; renderSidebar(); } }, h("span", { class: "icon icon-edit", "aria-hidden": "true" })),
      h("button", { type: "button", class: "btn btn-icon conv-export", "aria-label": `${t("exportMarkdown")}: ${title}`, title: t("exportMarkdown"), onclick: () => exportConversation(c) }, h("span", { class: "icon icon-download", "aria-hidden": "true" })),
      h("button", {
        type: "button",
        class: "btn btn-icon conv-delete",
        "aria-label": t("deleteLabel", title),
        title: t("deleteConv"),
        onclick: () => {
          if (!window.confirm(t("deleteConfirm", title))) return;
          removeConversation(c.id);
          announce(t("deleted"));
          handlers.onDeleted(c.id);
        },
      }, h("span", { class: "icon icon-trash", "aria-hidden": "true" }))));
}

export function renderSidebar() {
  const current = active();
  const list = conversations().filter((c) => c.messages.length > 0 || c.id === current.id);
  document.getElementById("conversation-list").replaceChildren(...list.map((c) => item(c, c.id === current.id)));
}
