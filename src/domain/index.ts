/** The nouns every layer shares. Imports nothing of ours. */
export * from "./lang.ts";
export * from "./sections.ts";
export * from "./errors.ts";
export * from "./document.ts";
export * from "./passage.ts";
export * from "./study.ts";
export * from "./citation.ts";
