/**
 * The one place that loads LanceDB. Its Rust core logs WARN lines to stderr ("No existing dataset ...",
 * deprecation notices) unless LANCEDB_LOG is set before the module loads, hence the dynamic import; and a
 * Rust panic would add a backtrace unless RUST_BACKTRACE says not to. Both are set here, before loading,
 * unless the operator set them.
 */
if (!process.env.LANCEDB_LOG) process.env.LANCEDB_LOG = "error";
if (!process.env.RUST_BACKTRACE) process.env.RUST_BACKTRACE = "0";
export const lancedb = await import("@lancedb/lancedb");
export type { Connection, Table } from "@lancedb/lancedb";
