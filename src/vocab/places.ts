/**
 * Countries named in a text, in English or Indonesian (i18n-iso-countries: "Pantai Gading" and "Côte
 * d'Ivoire" are both CI), and the country of places below it (country-state-city: "Jawa Barat",
 * "Jepara" -> ID). Place names must be written with a capital; city names also must be unambiguous, at
 * least MIN_CITY_LETTERS long and not ordinary words, because the world has many small towns named like
 * common words. A question may also name a country by its English demonym ("Indonesian studies", "any
 * American studies?"; world-countries).
 *
 * @example findPlaces("di Kabupaten Cianjur") // [{ country: "ID", place: "Cianjur", kind: "city", ... }]
 */
import { createRequire } from "node:module";
import countries from "i18n-iso-countries";
import type { Lang } from "../domain/lang.ts";
import { isEnglishWord } from "../text/english-words.ts";
import { isIndonesianWord } from "../text/stem.ts";
import { foldCase } from "../text/tokenize.ts";

const require = createRequire(import.meta.url);
countries.registerLocale(require("i18n-iso-countries/langs/en.json"));
countries.registerLocale(require("i18n-iso-countries/langs/id.json"));

export interface PlaceMatch {
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** The place as the text writes it. */
  place: string;
  kind: "country" | "state" | "city";
  start: number;
  end: number;
}

/** Shorter city names are too often also words or people's names. */
const MIN_CITY_LETTERS = 5;
/** Administrative prefixes in gazetteer names ("Kabupaten Jepara", "Kota Batam"). */
const ADMIN_PREFIX = /^(?:kabupaten|kota administrasi|kota|regency of|city of|district of|provinsi|province of)\s+/i;
/** All-caps aliases such as "US" must be written in capitals ("us" is a word). */
const SHORT_ALIAS = 3;

interface Name {
  words: string[];
  country: string;
  kind: PlaceMatch["kind"];
  caseSensitive: boolean;
  /** An everyday name: capitalised, and not the first word of a longer name ("Amerika Latin"). */
  everyday?: true;
}

const words = (text: string) => foldCase(text).split(/[^\p{L}\p{N}']+/u).filter(Boolean);

let countryNameIndex: Map<string, Name[]> | undefined;

function addName(index: Map<string, Name[]>, text: string, country: string, kind: PlaceMatch["kind"], everyday = false) {
  const w = words(text.replace(/[’‘]/g, "'"));
  if (w.length === 0) return;
  const list = index.get(w[0]) ?? [];
  list.push({ words: w, country, kind, caseSensitive: text.length <= SHORT_ALIAS && text === text.toUpperCase(), ...(everyday ? { everyday: true as const } : {}) });
  index.set(w[0], list);
}

/**
 * Everyday names the ISO lists lack: "America"/"Amerika" for the United States, as English and Indonesian
 * speakers use them. Only standing alone and capitalised: "Amerika Latin", "North America" are regions
 * (regions.json). ("Inggris" is left out: it is as often the English language as the country.)
 */
const EVERYDAY_NAMES: Record<string, string[]> = { US: ["America", "Amerika"] };
/** Words that make an everyday name a region ("Amerika Latin", "America Selatan"): regions.json's. */
const REGION_QUALIFIERS = new Set(["latin", "latina", "selatan", "utara", "tengah", "south", "north", "central"]);
/** Informal Indonesian names, typed as often in lower case ("yg dari amrik"); no other word is spelt so. */
const INFORMAL_NAMES: Record<string, string[]> = { US: ["Amrik"] };

function countryIndex(): Map<string, Name[]> {
  if (countryNameIndex) return countryNameIndex;
  const index = new Map<string, Name[]>();
  for (const lang of ["en", "id"]) {
    for (const [code, names] of Object.entries(countries.getNames(lang, { select: "all" }))) {
      for (const name of names as string[]) addName(index, name, code, "country");
    }
  }
  for (const [code, names] of Object.entries(EVERYDAY_NAMES)) for (const name of names) addName(index, name, code, "country", true);
  for (const [code, names] of Object.entries(INFORMAL_NAMES)) for (const name of names) addName(index, name, code, "country");
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return (countryNameIndex = index);
}

let gazetteer: Map<string, Name[]> | undefined;
let demonyms: Map<string, Name[]> | undefined;

/**
 * English demonyms that name one country ("Indonesian", "Ivorian", "American"; not "Congolese"),
 * from world-countries, loaded on first use. Everyday names: capitalised, and not the first word of a longer
 * name ("American Psychological Association", "Indonesian Journal of ...").
 */
function demonymIndex(): Map<string, Name[]> {
  if (demonyms) return demonyms;
  const list = require("world-countries") as { cca2: string; independent?: boolean; demonyms?: { eng?: { f?: string; m?: string } } }[];
  const owners = new Map<string, { cca2: string; independent?: boolean }[]>();
  for (const country of list) {
    for (const name of new Set([country.demonyms?.eng?.f, country.demonyms?.eng?.m])) {
      if (name) owners.set(name, [...(owners.get(name) ?? []), country]);
    }
  }
  const index = new Map<string, Name[]>();
  for (const [name, countries] of owners) {
    // "American" is also the Northern Mariana Islands' demonym, "Indian" the British Indian Ocean Territory's:
    // the one independent country among them owns it; two ("Congolese") leave it to no one.
    const owner = countries.length === 1 ? countries : countries.filter((c) => c.independent);
    if (owner.length === 1) addName(index, name, owner[0].cca2, "country", true);
  }
  return (demonyms = index);
}

/** States and unambiguous cities of the world, loaded on first use (it takes about a second). */
function placeIndex(): Map<string, Name[]> {
  if (gazetteer) return gazetteer;
  const { State, City } = require("country-state-city") as typeof import("country-state-city");
  const index = new Map<string, Name[]>();
  for (const state of State.getAllStates()) addName(index, state.name.replace(ADMIN_PREFIX, ""), state.countryCode, "state");
  const cityCountries = new Map<string, Set<string>>();
  for (const city of City.getAllCities()) {
    const name = city.name.replace(ADMIN_PREFIX, "");
    const key = foldCase(name);
    if (key.replace(/[^\p{L}]/gu, "").length < MIN_CITY_LETTERS) continue;
    const set = cityCountries.get(key) ?? new Set<string>();
    set.add(city.countryCode);
    cityCountries.set(key, set);
  }
  for (const [name, set] of cityCountries) if (set.size === 1) addName(index, name, [...set][0], "city");
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return (gazetteer = index);
}

interface WordAt {
  word: string;
  raw: string;
  start: number;
  end: number;
}

function wordsAt(text: string): WordAt[] {
  return [...text.matchAll(/[\p{L}\p{N}'’]+/gu)].map((m) => ({ word: foldCase(m[0].replace(/’/g, "'")), raw: m[0], start: m.index, end: m.index + m[0].length }));
}

function scan(text: string, index: Map<string, Name[]>, accept: (name: Name, raw: WordAt[]) => boolean): PlaceMatch[] {
  const ws = wordsAt(text);
  const out: PlaceMatch[] = [];
  // (Typed in lower case, as chat often is, an everyday name that is no English word still counts, unless a
  // word after it makes a region: "dari amerika" is the United States, "amerika latin" is not.)
  const typedLower = (n: Name, i: number) => !isEnglishWord(n.words[0]) && !REGION_QUALIFIERS.has(ws[i + n.words.length]?.word ?? "");
  const standsAlone = (n: Name, i: number) => !n.everyday || ((/^\p{Lu}/u.test(ws[i].raw) || typedLower(n, i)) && !/^\p{Lu}/u.test(ws[i + n.words.length]?.raw ?? ""));
  for (let i = 0; i < ws.length; i++) {
    const found = (index.get(ws[i].word) ?? []).find(
      (n) => n.words.every((w, j) => ws[i + j]?.word === w) && (!n.caseSensitive || ws[i].raw === ws[i].raw.toUpperCase()) && standsAlone(n, i) && accept(n, ws.slice(i, i + n.words.length)),
    );
    if (!found) continue;
    const last = ws[i + found.words.length - 1];
    out.push({ country: found.country, place: text.slice(ws[i].start, last.end), kind: found.kind, start: ws[i].start, end: last.end });
    i += found.words.length - 1;
  }
  return out;
}

const capitalised = (raw: WordAt[]) => raw.every((w) => /^\p{Lu}/u.test(w.raw));
const ordinaryWord = (w: string) => isEnglishWord(w) || isIndonesianWord(w);

/**
 * Places named in the text. Countries always; by their demonyms when `demonyms` is true (a question's
 * "Indonesian studies"; never in a study's text, where "American" is as often an association's name); states
 * and cities only when `gazetteer` is true (ingest asks for them when a study names no country).
 */
export function findPlaces(text: string, options: { gazetteer?: boolean; demonyms?: boolean } = {}): PlaceMatch[] {
  // A country name in lower case counts unless it is also an ordinary word ("turkey", "chad").
  let found = scan(text, countryIndex(), (name, raw) => name.caseSensitive || capitalised(raw) || name.words.length > 1 || !isEnglishWord(name.words[0]));
  const covered = (start: number) => found.some((f) => start >= f.start && start < f.end);
  if (options.demonyms) found = [...found, ...scan(text, demonymIndex(), (_, raw) => !covered(raw[0].start))].sort((a, b) => a.start - b.start);
  if (!options.gazetteer) return found;
  const places = scan(text, placeIndex(), (name, raw) =>
    capitalised(raw) && !covered(raw[0].start) && !(name.words.length === 1 && ordinaryWord(name.words[0])),
  );
  return [...found, ...places].sort((a, b) => a.start - b.start);
}

/** The continent of a country ("CI" -> "AF"), from countries-list. */
export function continentOf(code: string): string | undefined {
  const { countries: list } = require("countries-list") as { countries: Record<string, { continent: string }> };
  return list[code]?.continent;
}

/** Every name of a country in English and Indonesian ("CI" -> Côte d'Ivoire, Ivory Coast, Pantai Gading...), all-caps codes left out. */
export function countryNames(code: string): string[] {
  const all = ["en", "id"].flatMap((lang) => (countries.getName(code, lang, { select: "all" }) as string[] | undefined) ?? []);
  return [...new Set(all.filter((n) => n.length >= 4 && n !== n.toUpperCase()))];
}

/** The country's name in a language ("CI", "id" -> "Pantai Gading"). */
export function countryName(code: string, lang: Lang): string {
  // The shortest usual name ("United States", not "United States of America").
  const names = (countries.getName(code, lang, { select: "all" }) as string[] | undefined) ?? [];
  const usual = names.filter((n) => n.length >= 4 && n !== n.toUpperCase());
  return usual.sort((a, b) => a.length - b.length)[0] ?? names[0] ?? code;
}
