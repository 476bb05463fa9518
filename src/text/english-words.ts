/**
 * English word check (the `word-list` package, ~274k words), loaded on first use. Rejoining broken words
 * needs it: "women" + "where" at a line break are two words, "Orthopsyc" + "hiatry" are not.
 */
import { readFileSync } from "node:fs";
import wordListPath from "word-list";

let words: Set<string> | undefined;

export function isEnglishWord(word: string): boolean {
  words ??= new Set(readFileSync(wordListPath, "utf8").split("\n"));
  return words.has(word.toLowerCase());
}
