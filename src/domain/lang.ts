/** The two languages the assistant reads and answers in. */
export type Lang = "id" | "en";

export const LANGS: readonly Lang[] = ["id", "en"];
