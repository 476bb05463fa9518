// citation-js ships no types; this is the part we use.
declare module "@citation-js/core" {
  export class Cite {
    constructor(data: unknown);
    format(kind: "bibliography" | "citation", options: Record<string, unknown>): string;
    format(kind: "bibtex" | "ris" | "data", options?: Record<string, unknown>): string;
  }
}
declare module "@citation-js/plugin-csl";
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
