/** The Studies view: each document's studies as cards, with the reference export of every source. */
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { getDocuments, getStudies, loadLibrary } from "./library-data.js";
import { referenceMenu } from "./references-menu.js";
import { studyCard } from "./study-card.js";

/** Fill the Studies view; `onAsk(study)` narrows the chat to one study. */
export async function renderStudiesView({ onAsk, onAuth }) {
  const list = document.getElementById("study-groups");
  const exportSlot = document.getElementById("studies-export");
  try {
    await loadLibrary();
  } catch (error) {
    list.replaceChildren(h("div", { class: "callout callout-error", role: "alert" }, error.message || t("errorNetwork")));
    if (error.status === 401) onAuth?.(error);
    return;
  }
  exportSlot.replaceChildren(h("p", { class: "studies-lead" }, t("exportLead")), referenceMenu({ label: t("exportAll"), sources: undefined }));
  const groups = getDocuments()
    .map((doc) => ({ doc, studies: getStudies().filter((s) => s.docId === doc.id) }))
    .filter((g) => g.studies.length > 0);
  list.replaceChildren(...groups.map(({ doc, studies }) =>
    h("section", { class: "study-group", "aria-labelledby": `group-${doc.id}` },
      h("h3", { class: "study-group-title", id: `group-${doc.id}` }, `${doc.short} · ${studies.length}`),
      h("ol", { class: "study-list" }, studies.map((study) =>
        h("li", {}, studyCard(study, {
          headingLevel: "h4",
          extra: [h("div", { class: "study-actions" },
            study.passages ? h("span", { class: "study-passages-count" }, t("passagesCount", study.passages)) : null,
            h("button", { type: "button", class: "btn btn-small btn-ghost ask-study", onclick: () => onAsk(study) }, t("askAboutStudy")))],
        })))))));
}
