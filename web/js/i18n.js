/**
 * Every string of the interface, in Indonesian and English, in one dictionary. A value is either a string
 * or a function of its arguments. Static markup names its string with data-i18n (textContent),
 * data-i18n-aria (aria-label) and data-i18n-placeholder.
 */
import { load, save } from "./storage.js";

export const STRINGS = {
  en: {
    appTitle: "Review Assistant",
    appSubtitle: "Child-trafficking protection programs · Buletin Kesehatan 2022 · 10 studies",
    skipToInput: "Skip to the question box",
    viewsLabel: "Views",
    tabChat: "Chat",
    tabStudies: "Studies",
    newChat: "New chat",
    languageLabel: "Interface language",
    conversationLabel: "Conversation",
    emptyTitle: "Ask the review",
    emptyLead: "Every answer is quoted from the review, with a citation you can open to see the passage, its page and the source study. When the review does not say, the assistant tells you so.",
    examplesHeading: "Try one of these",
    exampleLang: (lang) => (lang === "id" ? "Indonesian" : "English"),
    questionLabel: "Your question",
    questionPlaceholder: "Ask about the review…",
    composerHint: "Indonesian or English · Enter to send · Shift+Enter for a new line",
    send: "Send",
    stop: "Stop answering",
    you: "You",
    assistant: "Assistant",
    answerLabel: (n) => `Answer ${n}`,
    thinking: "Searching the review…",
    writing: "Writing the answer…",
    stopped: "Stopped. The answer above is incomplete.",
    stoppedEmpty: "Stopped before an answer arrived.",
    citation: (n) => `Citation ${n}`,
    citationPending: (n) => `Citation ${n} (loading)`,
    sources: "Sources",
    copyAnswer: "Copy answer with references",
    copied: "Copied to the clipboard",
    copyFailed: "Could not copy: select the text and copy it by hand",
    copy: "Copy",
    copyReference: (n) => (n ? `Copy the reference of study ${n}` : "Copy the reference of the review"),
    referencesHeading: "References",
    page: (p) => `page ${p}`,
    pageShort: (p) => `p. ${p}`,
    pageUnknown: "page unknown",
    study: (n) => `Study ${n}`,
    studiesList: (ns) => (ns.length === 1 ? `Study ${ns[0]}` : `Studies ${ns.join(", ")}`),
    wholeReview: "The review as a whole",
    abstainedTitle: "The review does not cover this",
    abstainedBody: "The citations below point to the nearest passages it does have, so you can check for yourself.",
    warningTitle: "Notice",
    errorTitle: "The answer could not be completed",
    errorNetwork: "The server could not be reached. Check that it is running and try again.",
    errorGeneric: (status) => `The server answered with an error (HTTP ${status}).`,
    retry: "Try again",
    filteredTo: (ns) => `Only from ${ns.length === 1 ? "study" : "studies"} ${ns.join(", ")}`,
    filterActive: (ns) => `Filter on: answers come only from ${ns.length === 1 ? "study" : "studies"} ${ns.join(", ")}`,
    filterButton: "Studies",
    filterToggleLabel: (count) => (count ? `Study filter, ${count} selected` : "Study filter"),
    filterLegend: "Answer only from these studies",
    filterClear: "Clear filter",
    filterCleared: "Study filter cleared",
    studiesHeading: "The 10 studies in the review",
    studiesLead: "Metadata as the review reports it. A warning marks each place where the review contradicts itself about a study.",
    reviewHeading: "The review",
    authors: "Authors",
    year: "Year",
    journal: "Journal",
    database: "Database",
    method: "Method",
    citedAs: "Cited in the text as",
    notGiven: "not given",
    reference: "Reference (APA)",
    reviewNote: "Inconsistency in the review",
    note: "Note",
    showPassages: (n) => `Show its ${n} passages`,
    hidePassages: "Hide passages",
    loadingPassages: "Loading passages…",
    askAboutStudy: "Ask about this study",
    passage: "Passage",
    passageFrom: (ctx) => `From: ${ctx}`,
    panelLoading: "Loading the passage…",
    panelQuoteHeading: "Quoted passage",
    panelQuoteMissing: "The quote could not be located in the passage; it is shown on its own.",
    panelStudiesHeading: (n) => (n === 1 ? "Source study" : "Source studies"),
    panelReviewHeading: "Source",
    closePanel: "Close the citation panel",
    tokenNeeded: "This server needs an access token. Enter it to continue; it is kept in this browser only.",
    tokenTitle: "Access token needed",
    tokenLabel: "Access token",
    tokenSave: "Save token",
    tokenSaved: "Token saved",
    rateLimited: "Too many requests",
    modeExtractive: "Quoted from the review",
    modeLlm: "Written by a language model, checked against the review",
    modeLlmRemoved: (n) => `Written by a language model; ${n} ${n === 1 ? "sentence was" : "sentences were"} removed as not supported by the review`,
    historyTrimmed: (n) => `The ${n} oldest ${n === 1 ? "turn was" : "turns were"} left out of this question, to keep the request within the size limit.`,
    sectionNames: {
      abstrak: "Abstrak",
      abstract: "Abstract",
      pendahuluan: "Introduction",
      metode: "Methods",
      hasil: "Results table",
      pembahasan: "Discussion",
      simpulan: "Conclusion",
      tabel: "Study table",
    },
    examples: [
      { lang: "id", text: "Apa hasil program pendamping penyintas (MLMC) setelah 12 bulan?" },
      { lang: "en", text: "What activities does Rumah Faye offer?" },
      { lang: "id", text: "Siapa penulis studi nomor 6?" },
      { lang: "en", text: "Which databases did the review search?" },
      { lang: "id", text: "Apa peran UNICEF dalam menangani perdagangan anak?" },
      { lang: "en", text: "Why do trafficking survivors need mental health services?" },
    ],
  },
  id: {
    appTitle: "Asisten Tinjauan",
    appSubtitle: "Program perlindungan anak korban trafficking · Buletin Kesehatan 2022 · 10 studi",
    skipToInput: "Langsung ke kotak pertanyaan",
    viewsLabel: "Tampilan",
    tabChat: "Obrolan",
    tabStudies: "Studi",
    newChat: "Obrolan baru",
    languageLabel: "Bahasa antarmuka",
    conversationLabel: "Percakapan",
    emptyTitle: "Tanyakan pada tinjauan",
    emptyLead: "Setiap jawaban dikutip dari tinjauan, dengan kutipan yang bisa dibuka untuk melihat bagiannya, halamannya, dan studi sumbernya. Bila tinjauan tidak membahasnya, asisten akan mengatakannya.",
    examplesHeading: "Coba salah satu",
    exampleLang: (lang) => (lang === "id" ? "Bahasa Indonesia" : "Bahasa Inggris"),
    questionLabel: "Pertanyaan Anda",
    questionPlaceholder: "Tanya tentang tinjauan…",
    composerHint: "Bahasa Indonesia atau Inggris · Enter untuk mengirim · Shift+Enter untuk baris baru",
    send: "Kirim",
    stop: "Hentikan jawaban",
    you: "Anda",
    assistant: "Asisten",
    answerLabel: (n) => `Jawaban ${n}`,
    thinking: "Mencari di tinjauan…",
    writing: "Menyusun jawaban…",
    stopped: "Dihentikan. Jawaban di atas belum lengkap.",
    stoppedEmpty: "Dihentikan sebelum jawaban tiba.",
    citation: (n) => `Kutipan ${n}`,
    citationPending: (n) => `Kutipan ${n} (memuat)`,
    sources: "Sumber",
    copyAnswer: "Salin jawaban beserta referensi",
    copied: "Disalin ke papan klip",
    copyFailed: "Gagal menyalin: pilih teksnya dan salin secara manual",
    copy: "Salin",
    copyReference: (n) => (n ? `Salin referensi studi ${n}` : "Salin referensi tinjauan"),
    referencesHeading: "Referensi",
    page: (p) => `halaman ${p}`,
    pageShort: (p) => `hlm. ${p}`,
    pageUnknown: "halaman tidak diketahui",
    study: (n) => `Studi ${n}`,
    studiesList: (ns) => `Studi ${ns.join(", ")}`,
    wholeReview: "Tinjauan secara keseluruhan",
    abstainedTitle: "Tinjauan ini tidak membahas hal tersebut",
    abstainedBody: "Kutipan di bawah menunjuk ke bagian terdekat yang dibahasnya, agar Anda dapat memeriksanya sendiri.",
    warningTitle: "Pemberitahuan",
    errorTitle: "Jawaban tidak dapat diselesaikan",
    errorNetwork: "Server tidak dapat dihubungi. Pastikan server berjalan, lalu coba lagi.",
    errorGeneric: (status) => `Server menjawab dengan galat (HTTP ${status}).`,
    retry: "Coba lagi",
    filteredTo: (ns) => `Hanya dari studi ${ns.join(", ")}`,
    filterActive: (ns) => `Filter aktif: jawaban hanya dari studi ${ns.join(", ")}`,
    filterButton: "Studi",
    filterToggleLabel: (count) => (count ? `Filter studi, ${count} dipilih` : "Filter studi"),
    filterLegend: "Jawab hanya dari studi berikut",
    filterClear: "Hapus filter",
    filterCleared: "Filter studi dihapus",
    studiesHeading: "10 studi dalam tinjauan",
    studiesLead: "Metadata sebagaimana dilaporkan tinjauan. Tanda peringatan menunjukkan bagian yang saling bertentangan dalam tinjauan.",
    reviewHeading: "Tinjauan",
    authors: "Penulis",
    year: "Tahun",
    journal: "Jurnal",
    database: "Basis data",
    method: "Metode",
    citedAs: "Dikutip dalam teks sebagai",
    notGiven: "tidak disebutkan",
    reference: "Referensi (APA)",
    reviewNote: "Ketidakkonsistenan dalam tinjauan",
    note: "Catatan",
    showPassages: (n) => `Tampilkan ${n} bagiannya`,
    hidePassages: "Sembunyikan bagian",
    loadingPassages: "Memuat bagian…",
    askAboutStudy: "Tanyakan tentang studi ini",
    passage: "Bagian",
    passageFrom: (ctx) => `Dari: ${ctx}`,
    panelLoading: "Memuat bagian…",
    panelQuoteHeading: "Bagian yang dikutip",
    panelQuoteMissing: "Kutipan tidak ditemukan di dalam bagian ini; kutipan ditampilkan tersendiri.",
    panelStudiesHeading: () => "Studi sumber",
    panelReviewHeading: "Sumber",
    closePanel: "Tutup panel kutipan",
    tokenNeeded: "Server ini memerlukan token akses. Masukkan token untuk melanjutkan; token hanya disimpan di peramban ini.",
    tokenTitle: "Token akses diperlukan",
    tokenLabel: "Token akses",
    tokenSave: "Simpan token",
    tokenSaved: "Token disimpan",
    rateLimited: "Terlalu banyak permintaan",
    modeExtractive: "Dikutip dari tinjauan",
    modeLlm: "Ditulis oleh model bahasa, diperiksa terhadap tinjauan",
    modeLlmRemoved: (n) => `Ditulis oleh model bahasa; ${n} kalimat dihapus karena tidak didukung tinjauan`,
    historyTrimmed: (n) => `${n} giliran percakapan tertua tidak disertakan dalam pertanyaan ini, agar permintaan tetap dalam batas ukuran.`,
    sectionNames: {
      abstrak: "Abstrak",
      abstract: "Abstract",
      pendahuluan: "Pendahuluan",
      metode: "Metode",
      hasil: "Tabel hasil",
      pembahasan: "Pembahasan",
      simpulan: "Simpulan",
      tabel: "Tabel studi",
    },
    examples: [
      { lang: "id", text: "Apa hasil program pendamping penyintas (MLMC) setelah 12 bulan?" },
      { lang: "en", text: "What activities does Rumah Faye offer?" },
      { lang: "id", text: "Siapa penulis studi nomor 6?" },
      { lang: "en", text: "Which databases did the review search?" },
      { lang: "id", text: "Apa peran UNICEF dalam menangani perdagangan anak?" },
      { lang: "en", text: "Why do trafficking survivors need mental health services?" },
    ],
  },
};

const LANG_KEY = "ra.lang";
let current = "en";

/** The stored choice, else the browser's language: id* is Indonesian, anything else English. */
export function initLang() {
  const stored = load(LANG_KEY);
  if (stored === "id" || stored === "en") current = stored;
  else current = /^(id|in)\b/i.test(navigator.language || "") ? "id" : "en";
  return current;
}

export function getLang() {
  return current;
}

export function setLang(lang) {
  current = lang === "id" ? "id" : "en";
  save(LANG_KEY, current);
  return current;
}

/** The string `key` in the current language; functions are called with `args`. */
export function t(key, ...args) {
  const value = STRINGS[current][key] ?? STRINGS.en[key];
  if (typeof value === "function") return value(...args);
  if (value === undefined) return key;
  return value;
}

export function sectionName(id) {
  return STRINGS[current].sectionNames[id] ?? id;
}

/** Fill the static markup's strings and set <html lang>. */
export function applyStatic(root = document) {
  document.documentElement.lang = current;
  document.title = t("appTitle");
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-aria]")) el.setAttribute("aria-label", t(el.dataset.i18nAria));
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) el.setAttribute("placeholder", t(el.dataset.i18nPlaceholder));
}
