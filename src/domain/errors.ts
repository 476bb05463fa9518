/**
 * One error base class for the whole product: a machine-readable `code` and a message written for the
 * person who will read it (it names the file, field or setting, and says what to do). Layers subclass it
 * and callers match by class (`instanceof`), never by name strings.
 *
 * @example
 *   throw new IngestError("corpus/a.pdf", "no text could be extracted");
 *   if (error instanceof ProductError) console.error(error.message);
 */
export class ProductError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Input that ingest refuses: the message names the file. */
export class IngestError extends ProductError {
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super("ingest_refused", `${file}: ${message}`, options);
  }
}

/** A data file of ours (lexicon, vocabulary, aliases, studies.json) that cannot be read: names file and line. */
export class DataFileError extends ProductError {
  constructor(file: string, line: number | undefined, message: string, options?: { cause?: unknown }) {
    super("data_file", `${file}${line ? `:${line}` : ""}: ${message}`, options);
  }
}

/** One line for a user, whatever was thrown: our errors carry their own message, others get their name. */
export function describeFailure(error: unknown): string {
  if (error instanceof ProductError) return error.message;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
