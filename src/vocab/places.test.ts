/** Countries and places named in a text (findPlaces), in English and Indonesian. */
import { describe, expect, it } from "vitest";
import { findPlaces } from "./places.ts";

const countries = (text: string, options: Parameters<typeof findPlaces>[1] = {}) => findPlaces(text, options).map((p) => `${p.country}:${p.place}`);

describe("findPlaces", () => {
  it("finds a country by its English or Indonesian name", () => {
    expect(countries("UNICEF di Pantai Gading")).toEqual(["CI:Pantai Gading"]);
    expect(countries("a program in Côte d'Ivoire and the United States")).toEqual(["CI:Côte d'Ivoire", "US:United States"]);
  });

  it("takes a demonym as its country only when asked (a question's words), capitalised and standing alone", () => {
    expect(countries("Which Indonesian studies are there?")).toEqual([]);
    expect(countries("Which Indonesian studies are there?", { demonyms: true })).toEqual(["ID:Indonesian"]);
    expect(countries("Are there any American studies?", { demonyms: true })).toEqual(["US:American"]);
    expect(countries("Any Ivorian or Indian programs?", { demonyms: true })).toEqual(["CI:Ivorian", "IN:Indian"]);
    // The first word of a name is no country; a demonym two independent countries share names neither.
    expect(countries("published by the American Psychological Association", { demonyms: true })).toEqual([]);
    expect(countries("Are there Congolese studies?", { demonyms: true })).toEqual([]);
  });

  it("takes the everyday 'Amerika' for the United States, typed in lower case too, but not as part of a region", () => {
    expect(countries("studi dari Amerika apa aja?")).toEqual(["US:Amerika"]);
    expect(countries("studi dari amerika apa aja?")).toEqual(["US:amerika"]);
    expect(countries("program di amerika latin")).toEqual([]);
    expect(countries("Amerika Latin")).toEqual([]);
    // the English word in lower case stays a word
    expect(countries("the american dream")).toEqual([]);
  });

  it("finds a city or state only with the gazetteer, and its country", () => {
    expect(findPlaces("di Kabupaten Cianjur", { gazetteer: true }).map((p) => [p.country, p.place, p.kind])).toEqual([["ID", "Cianjur", "city"]]);
    expect(findPlaces("di Kabupaten Cianjur")).toEqual([]);
  });
});
