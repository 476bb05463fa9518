/**
 * The one place that loads LanceDB. Its Rust core logs WARN lines to stderr ("No existing dataset ...",
 * deprecation notices) unless LANCEDB_LOG is set before the module loads, hence the dynamic import; and a
 * Rust panic would add a backtrace unless RUST_BACKTRACE says not to. Both are set here, before loading,
 * unless the operator set them.
 *
 * LANCE_CPU_THREADS too: Lance sizes its CPU pool from the core count, and on a machine with few cores
 * the full-text index build of a large table deadlocks (every thread parked, 0% CPU, forever) once its
 * posting lists fill more than one batch (lancedb/lancedb#3568, lance-format/lance#7423). A 1,000-document
 * ingest hung this way on a 2-core machine; a pool of at least 4 threads does not.
 */
import os from "node:os";

if (!process.env.LANCEDB_LOG) process.env.LANCEDB_LOG = "error";
if (!process.env.RUST_BACKTRACE) process.env.RUST_BACKTRACE = "0";
if (!process.env.LANCE_CPU_THREADS) process.env.LANCE_CPU_THREADS = String(Math.max(4, os.availableParallelism()));
export const lancedb = await import("@lancedb/lancedb");
export type { Connection, Table } from "@lancedb/lancedb";
