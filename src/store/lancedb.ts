/**
 * The one place that loads LanceDB. Its Rust core logs WARN lines to stderr ("No existing dataset ...",
 * deprecation notices) unless LANCEDB_LOG is set before the module loads, hence the dynamic import.
 */
process.env.LANCEDB_LOG ??= "error";
export const lancedb = await import("@lancedb/lancedb");
export type { Connection, Table } from "@lancedb/lancedb";
