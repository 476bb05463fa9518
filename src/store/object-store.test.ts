/** Object-store plumbing: URIs, LanceDB's storage options, the config, and the ingest lease against s3rver. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3StandIn, type S3StandIn } from "../bench/s3-stand-in.ts";
import { loadConfig } from "../config.ts";
import { acquireLease } from "./lease.ts";
import { IndexLockedError } from "./lock.ts";
import { buildTime } from "./object-location.ts";
import { lanceStorageOptions, ObjectStore, parseObjectUri, storageFromEnv } from "./object-store.ts";

describe("parseObjectUri", () => {
  it("splits s3://, gs:// and az:// URIs and leaves paths alone", () => {
    expect(parseObjectUri("s3://idx/a/b/")).toEqual({ scheme: "s3", bucket: "idx", prefix: "a/b", uri: "s3://idx/a/b" });
    expect(parseObjectUri("s3://idx")).toEqual({ scheme: "s3", bucket: "idx", prefix: "", uri: "s3://idx" });
    expect(parseObjectUri("gs://b/p")?.scheme).toBe("gs");
    expect(parseObjectUri("./data")).toBeUndefined();
    expect(parseObjectUri("/tmp/s3://x")).toBeUndefined();
  });
});

describe("storage settings", () => {
  it("become LanceDB storage options; an http endpoint allows http and path-style requests", () => {
    const settings = storageFromEnv({ AWS_ENDPOINT_URL: "http://127.0.0.1:9000/", AWS_ACCESS_KEY_ID: "k", AWS_SECRET_ACCESS_KEY: "s" });
    expect(lanceStorageOptions(settings)).toEqual({ region: "us-east-1", endpoint: "http://127.0.0.1:9000", virtualHostedStyleRequest: "false", allowHttp: "true", awsAccessKeyId: "k", awsSecretAccessKey: "s" });
    expect(lanceStorageOptions(storageFromEnv({ AWS_REGION: "eu-west-1" }))).toEqual({ region: "eu-west-1" });
  });

  it("DATA_DIR keeps a URI as given and still resolves a folder", () => {
    expect(loadConfig({ DATA_DIR: "s3://idx/review/" }).dataDir).toBe("s3://idx/review");
    expect(loadConfig({ DATA_DIR: "data" }).dataDir).toMatch(/^\/.*\/data$/);
    expect(loadConfig({ DATA_DIR: "s3://idx/r" }).server.allowUploads).toBe(false); // this machine's corpus is not the servers'
    expect(loadConfig({ DATA_DIR: "s3://idx/r", AWS_REGION: "ap-southeast-3", INDEX_POLL_MS: "500" }).storage).toMatchObject({ region: "ap-southeast-3", pollMs: 500, keepBuildsMs: 600_000 });
  });

  it("only s3:// is reachable for the small objects, and credentials are required", () => {
    expect(() => new ObjectStore(parseObjectUri("gs://b/p")!, storageFromEnv({ AWS_ACCESS_KEY_ID: "k", AWS_SECRET_ACCESS_KEY: "s" }))).toThrow(/only s3:\/\/ URIs/);
    expect(() => new ObjectStore(parseObjectUri("s3://b/p")!, storageFromEnv({}))).toThrow(/set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/);
  });

  it("build ids carry their UTC time", () => {
    expect(buildTime("20261130T170000-abc123")).toBe(Date.UTC(2026, 10, 30, 17, 0, 0));
    expect(buildTime("garbage")).toBeNaN();
  });
});

describe("the ingest lease (s3rver)", () => {
  let s3: S3StandIn;
  let store: ObjectStore;
  beforeAll(async () => {
    s3 = await startS3StandIn("lease");
    store = new ObjectStore(parseObjectUri("s3://lease/p")!, storageFromEnv(s3.env));
  });
  afterAll(() => s3.stop());

  it("refuses a second holder, is free again once released, and is taken over once expired", async () => {
    const release = await acquireLease(store, "ingest.lease", { ttlMs: 60_000, settleMs: 10 });
    await expect(acquireLease(store, "ingest.lease", { ttlMs: 60_000, settleMs: 10 })).rejects.toBeInstanceOf(IndexLockedError);
    await release();
    expect(await store.getText("ingest.lease")).toBeUndefined();

    await store.put("ingest.lease", JSON.stringify({ owner: "gone", host: "h", pid: 1, expiresAt: new Date(Date.now() - 1).toISOString() }));
    const again = await acquireLease(store, "ingest.lease", { ttlMs: 60_000, settleMs: 10 });
    expect(JSON.parse((await store.getText("ingest.lease"))!).owner).not.toBe("gone");
    await again();
  });

  it("lists keys and folders under a prefix, and deletes a folder", async () => {
    for (const key of ["b/1/x", "b/1/y/z", "b/2/x"]) await store.put(key, "v");
    expect((await store.list("b/", true)).sort()).toEqual(["b/1/", "b/2/"]);
    expect((await store.list("b/1/")).sort()).toEqual(["b/1/x", "b/1/y/z"]);
    expect(await store.deleteAll("b/1/")).toBe(2);
    expect(await store.list("b/")).toEqual(["b/2/x"]);
  });
});
