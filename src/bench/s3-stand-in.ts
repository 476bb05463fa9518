/**
 * STAND-IN for an S3 object store (no cloud here): s3rver 3.7.1 in this process, on 127.0.0.1 and a port
 * the OS picks, keeping its objects in a temp folder. It checks the access key id (S3RVER) but not SigV4
 * signatures, and ignores conditional PUTs (If-None-Match), so the ingest lease falls back to
 * read-check-write here (src/store/lease.ts). For the tests and `npm run bench`.
 *
 * @example
 *   const s3 = await startS3StandIn("idx");
 *   const env = { DATA_DIR: "s3://idx/review", ...s3.env };
 *   await s3.stop();
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

export interface S3StandIn {
  endpoint: string;
  /** The AWS_* variables that reach it with valid credentials. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startS3StandIn(bucket: string): Promise<S3StandIn> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "s3rver-"));
  const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    env: { AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER", AWS_REGION: "us-east-1" },
    stop: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
