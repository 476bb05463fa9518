/**
 * Adding a document from the page: the file is checked here first (type, size), sent to POST
 * /api/documents, and the ingest's progress shown as it streams; a refusal shows the server's own reason.
 */
import { ApiError, uploadDocument } from "./api.js";
import { announce, h } from "./dom.js";
import { t } from "./i18n.js";

const TYPES = /\.(pdf|txt|md)$/i;

/** The upload form; `onAdded(document)` when a document is in the library. `limits`: { enabled, maxBytes } or null when unknown. */
export function uploadForm({ limits, onAdded, onAuth }) {
  const mb = limits?.maxBytes ? Math.round(limits.maxBytes / 1024 / 1024) : 25;
  const input = h("input", { type: "file", id: "upload-file", class: "upload-input", accept: ".pdf,.txt,.md,application/pdf,text/plain,text/markdown", "aria-describedby": "upload-lead" });
  const status = h("div", { class: "upload-status", id: "upload-status", role: "status", "aria-live": "polite" });
  const progress = h("progress", { class: "upload-progress", max: "100", hidden: true, "aria-labelledby": "upload-status" });
  const error = h("div", { class: "upload-error", id: "upload-error", role: "alert" });
  const button = h("button", { type: "submit", class: "btn btn-primary upload-submit" }, t("uploadButton"));
  const fail = (message) => {
    error.replaceChildren(h("div", { class: "callout callout-error" }, h("p", { class: "callout-title" }, t("uploadFailed")), h("p", { class: "callout-body" }, message)));
    status.textContent = "";
    progress.hidden = true;
  };
  const form = h("form", { class: "upload-form", id: "upload-form" },
    h("h3", { class: "upload-title" }, t("uploadHeading")),
    h("p", { class: "upload-lead", id: "upload-lead" }, limits && !limits.enabled ? t("uploadsOff") : t("uploadLead", mb)),
    h("div", { class: "upload-row" }, h("label", { class: "btn upload-choose", for: "upload-file" }, t("uploadChoose")), input, h("span", { class: "upload-name", "aria-live": "polite" }), button),
    progress, status, error);
  input.addEventListener("change", () => {
    form.querySelector(".upload-name").textContent = input.files?.[0]?.name ?? "";
    error.replaceChildren();
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.replaceChildren();
    const file = input.files?.[0];
    if (!file) return fail(t("uploadNoFile"));
    if (!TYPES.test(file.name)) return fail(t("uploadWrongType"));
    if (limits?.maxBytes && file.size > limits.maxBytes) return fail(t("uploadTooLarge", mb));
    button.disabled = true;
    progress.hidden = false;
    progress.removeAttribute("value");
    status.textContent = t("uploadSending");
    try {
      let added = null;
      let failed = null;
      await uploadDocument(file, (type, data) => {
        if (type === "progress") {
          status.textContent = `${t("uploadStage")[data.stage] ?? data.stage}${data.total ? ` (${data.done ?? 0}/${data.total})` : ""}…`;
          if (data.stage === "embed" && data.total) progress.value = Math.round((100 * data.done) / data.total);
        } else if (type === "done") added = data.document;
        else if (type === "error") failed = data.message;
      });
      if (failed || !added) return fail(failed ?? t("errorNetwork"));
      progress.hidden = true;
      status.textContent = t("uploadDone", added.title || added.id, added.counts?.passages ?? 0);
      announce(status.textContent);
      input.value = "";
      form.querySelector(".upload-name").textContent = "";
      onAdded(added);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) onAuth?.(e);
      fail(e instanceof ApiError ? e.message || t("errorGeneric", e.status) : t("errorNetwork"));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
