/**
 * One ingest at a time on an object store: a lease object (`index/ingest.lease`) naming its holder and an
 * expiry, renewed while the ingest runs, deleted when it ends. A killed ingest's lease expires by itself
 * after `ttlMs`, and the next ingest takes it over.
 *
 * Taking it: read the lease; refuse if it is held and unexpired; otherwise write ours with a conditional
 * PUT (`If-None-Match: *` when there was none, `If-Match: <etag>` over an expired one), which AWS S3,
 * GCS and MinIO enforce (412 for the loser). Stores that ignore conditions (s3rver) fall back to
 * read-check-write: after writing, the lease is read back once after a short pause, and an ingest that
 * finds another holder there gives up. On such a store two ingests starting within that pause of each
 * other could in principle both proceed; the last publish would then win (each build is complete either way).
 *
 * @example
 *   const release = await acquireLease(store, "index/ingest.lease", { ttlMs: 60_000 });
 *   try { ... } finally { await release(); }
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { IndexLockedError } from "./lock.ts";
import type { ObjectStore } from "./object-store.ts";

interface LeaseBody {
  owner: string;
  host: string;
  pid: number;
  expiresAt: string;
}

export interface LeaseOptions {
  /** How long a lease lasts without renewal (renewed every third of it). */
  ttlMs: number;
  /** The pause before the read-back check. */
  settleMs?: number;
}

function parse(text: string | undefined): LeaseBody | undefined {
  try {
    const body = JSON.parse(text ?? "") as LeaseBody;
    return typeof body.owner === "string" && typeof body.expiresAt === "string" ? body : undefined;
  } catch {
    return undefined;
  }
}

const describe = (store: ObjectStore, key: string, lease: LeaseBody) =>
  `another ingest (${lease.host}, pid ${lease.pid}) holds ${store.location.uri}/${key} until ${lease.expiresAt}; try again when it has finished (the lease of a killed ingest expires by then)`;

export async function acquireLease(store: ObjectStore, key: string, { ttlMs, settleMs = 300 }: LeaseOptions): Promise<() => Promise<void>> {
  const owner = randomBytes(8).toString("hex");
  const body = () => JSON.stringify({ owner, host: os.hostname(), pid: process.pid, expiresAt: new Date(Date.now() + ttlMs).toISOString() } satisfies LeaseBody);
  const existing = await store.get(key);
  const held = parse(existing ? new TextDecoder().decode(existing.body) : undefined);
  if (held && Date.parse(held.expiresAt) > Date.now()) throw new IndexLockedError(describe(store, key, held));
  const written = await store.put(key, body(), existing?.etag ? { ifMatch: existing.etag, contentType: "application/json" } : { ifAbsent: true, contentType: "application/json" });
  const holder = async () => parse(await store.getText(key));
  if (!written) {
    const winner = await holder();
    throw new IndexLockedError(winner ? describe(store, key, winner) : `another ingest took ${store.location.uri}/${key} first; try again when it has finished`);
  }
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const after = await holder();
  if (after?.owner !== owner) throw new IndexLockedError(after ? describe(store, key, after) : `another ingest took ${store.location.uri}/${key} first; try again when it has finished`);

  // Renew while held; a failed renewal is retried at the next tick (the lease lasts three ticks).
  const renew = setInterval(() => {
    void store.put(key, body(), { contentType: "application/json" }).catch(() => undefined);
  }, Math.max(100, Math.floor(ttlMs / 3)));
  renew.unref();
  return async () => {
    clearInterval(renew);
    if ((await holder().catch(() => undefined))?.owner === owner) await store.delete(key);
  };
}

