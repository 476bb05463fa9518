/**
 * A hover (or keyboard focus) preview of a citation: its quote and where it is, beside the button. Click
 * opens the full panel. Positioned through the CSSOM (the CSP forbids inline style attributes, not this).
 */
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { whereParts } from "./source-line.js";

let tip = null;
let timer = 0;

function element() {
  tip ??= document.body.appendChild(h("div", { class: "cite-preview", id: "cite-preview", role: "tooltip", hidden: true }));
  return tip;
}

export function showPreview(citation, anchor) {
  clearTimeout(timer);
  if (!window.matchMedia("(hover: hover)").matches && !anchor.matches(":focus-visible")) return;
  const el = element();
  const quote = citation.quote.length > 280 ? `${citation.quote.slice(0, 277).trimEnd()}…` : citation.quote;
  el.replaceChildren(
    h("p", { class: "cite-preview-where" }, whereParts(citation).join(" · ")),
    h("q", { class: "cite-preview-quote" }, quote),
    h("p", { class: "cite-preview-hint" }, t("previewHint")));
  el.hidden = false;
  anchor.setAttribute("aria-describedby", "cite-preview");
  const box = anchor.getBoundingClientRect();
  const width = Math.min(360, window.innerWidth - 16);
  el.style.width = `${width}px`;
  el.style.left = `${Math.max(8, Math.min(window.innerWidth - width - 8, box.left + box.width / 2 - width / 2))}px`;
  const below = box.bottom + 8;
  const height = el.offsetHeight;
  el.style.top = `${below + height > window.innerHeight - 8 ? Math.max(8, box.top - height - 8) : below}px`;
}

export function hidePreview() {
  clearTimeout(timer);
  timer = setTimeout(() => {
    if (tip) tip.hidden = true;
    for (const a of document.querySelectorAll('[aria-describedby="cite-preview"]')) a.removeAttribute("aria-describedby");
  }, 80);
}

document.addEventListener("keydown", (e) => {
  if (e.key === "Escape" && tip && !tip.hidden) tip.hidden = true;
});
