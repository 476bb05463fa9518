/**
 * Reference export controls: download the given sources (or all) as BibTeX, RIS or CSL-JSON, or copy
 * them in APA. A <details> menu, so it needs no script to open and closes with Escape.
 */
import { fetchReferences, getToken, referencesPath } from "./api.js";
import { announce, copyText, h } from "./dom.js";
import { t } from "./i18n.js";

const FORMATS = [
  ["bibtex", "formatBibtex"],
  ["ris", "formatRis"],
  ["csl-json", "formatCsl"],
];

async function copyApa(sources, status) {
  let ok = false;
  try {
    ok = await copyText(await fetchReferences("apa", sources));
  } catch {
    ok = false;
  }
  status.textContent = ok ? t("copied") : t("copyFailed");
  announce(status.textContent);
  setTimeout(() => (status.textContent = ""), 2500);
}

/** A link cannot send the access token: with one set, fetch the file and save it from memory. */
async function downloadWithToken(event, format, sources) {
  if (!getToken()) return;
  event.preventDefault();
  const ext = { bibtex: "bib", ris: "ris", "csl-json": "json" }[format];
  const url = URL.createObjectURL(new Blob([await fetchReferences(format, sources)], { type: "text/plain" }));
  const a = h("a", { href: url, download: `references.${ext}`, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** `sources`: [{ docId, number? }], or undefined for every source. `compact`: a small menu in an answer's actions. */
export function referenceMenu({ label, sources, compact = false }) {
  const status = h("span", { class: "copy-status", role: "status" });
  const links = FORMATS.map(([format, key]) =>
    h("a", { class: "btn btn-small ref-format", href: referencesPath(format, sources, { download: true }), download: "", dataset: { format }, onclick: (e) => downloadWithToken(e, format, sources) }, t(key)));
  const copy = h("button", { type: "button", class: "btn btn-small ref-copy-apa", onclick: () => copyApa(sources, status) }, h("span", { class: "icon icon-copy", "aria-hidden": "true" }), t("copyApa"));
  const details = h("details", { class: `ref-menu${compact ? " is-compact" : ""}` },
    h("summary", { class: `btn btn-small ${compact ? "btn-ghost" : ""}` }, h("span", { class: "icon icon-download", "aria-hidden": "true" }), h("span", {}, label)),
    h("div", { class: "ref-menu-body" }, ...links, copy, status));
  details.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && details.open) {
      details.open = false;
      details.querySelector("summary").focus();
    }
  });
  return details;
}
