/** One line for a user, whatever was thrown: our errors carry their own message, others get their name. */
export function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    const known = ["StartupError", "EmbedderMismatchError", "IngestError", "ConfigError", "StudyCatalogError", "IndexLockedError", "IndexMissingError", "IndexCorruptError", "EmbedderError", "ObjectStoreError"];
    return known.includes(error.name) ? error.message : `${error.name}: ${error.message}`;
  }
  return String(error);
}
