/**
 * The few S3 calls the index needs besides LanceDB's own (the build pointer, the manifest and other small
 * files, the ingest lease, listing and pruning builds): GET, PUT, DELETE and ListObjectsV2, signed with
 * SigV4 by aws4fetch over Node's fetch. Works with AWS S3 and S3-compatible stores (MinIO, s3rver, GCS's
 * XML API with HMAC keys) through AWS_ENDPOINT_URL.
 *
 * @example
 *   const store = new ObjectStore(parseObjectUri("s3://idx/review")!, storageFromEnv(process.env));
 *   await store.put("index/CURRENT", "20261130T170000-abc123\n");
 *   const id = await store.getText("index/CURRENT"); // undefined when absent
 */
import { AwsClient } from "aws4fetch";
import { ProductError } from "../domain/errors.ts";

/** Where and how to reach the object store; the same values become LanceDB's storageOptions. */
export interface StorageSettings {
  endpoint: string | undefined;
  region: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  sessionToken: string | undefined;
}

export interface ObjectUri {
  scheme: "s3" | "gs" | "az";
  bucket: string;
  /** The key prefix inside the bucket, without leading or trailing "/" ("" for the bucket's root). */
  prefix: string;
  /** The URI as given, without a trailing "/". */
  uri: string;
}

/** `s3://bucket/a/b` as its parts, or undefined for a local path. */
export function parseObjectUri(value: string): ObjectUri | undefined {
  const match = /^(s3|gs|az):\/\/([^/]+)\/?(.*)$/.exec(value.trim());
  if (!match) return undefined;
  const prefix = match[3].replace(/^\/+|\/+$/g, "");
  return { scheme: match[1] as ObjectUri["scheme"], bucket: match[2], prefix, uri: `${match[1]}://${match[2]}${prefix ? `/${prefix}` : ""}` };
}

/** The usual AWS variables (AWS_ENDPOINT_URL, AWS_REGION / AWS_DEFAULT_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN). */
export function storageFromEnv(env: Record<string, string | undefined>): StorageSettings {
  const value = (name: string) => (env[name] ? env[name] : undefined);
  return {
    endpoint: value("AWS_ENDPOINT_URL")?.replace(/\/+$/, ""),
    region: value("AWS_REGION") ?? value("AWS_DEFAULT_REGION") ?? "us-east-1",
    accessKeyId: value("AWS_ACCESS_KEY_ID"),
    secretAccessKey: value("AWS_SECRET_ACCESS_KEY"),
    sessionToken: value("AWS_SESSION_TOKEN"),
  };
}

/** LanceDB's storage options for these settings (keys as in the object_store crate's AmazonS3ConfigKey). */
export function lanceStorageOptions(settings: StorageSettings): Record<string, string> {
  const options: Record<string, string> = { region: settings.region };
  if (settings.endpoint) {
    options.endpoint = settings.endpoint;
    // A custom endpoint (MinIO, s3rver) is addressed by path, and may be plain http on a private network.
    options.virtualHostedStyleRequest = "false";
    if (settings.endpoint.startsWith("http://")) options.allowHttp = "true";
  }
  if (settings.accessKeyId) options.awsAccessKeyId = settings.accessKeyId;
  if (settings.secretAccessKey) options.awsSecretAccessKey = settings.secretAccessKey;
  if (settings.sessionToken) options.awsSessionToken = settings.sessionToken;
  return options;
}

/** The object store refused or failed a request: one line naming the object, the status and what to check. */
export class ObjectStoreError extends ProductError {
  constructor(
    readonly status: number,
    readonly s3Code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super("object_store", message, options);
  }
}

const CREDENTIAL_CODES = new Set(["InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "ExpiredToken", "InvalidToken"]);

const xmlText = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
const tags = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "g"))].map((m) => xmlText(m[1]));

export interface PutOptions {
  /** Only if no object has this key (`If-None-Match: *`); a store that enforces it answers 412 otherwise. */
  ifAbsent?: boolean;
  /** Only if the object still has this ETag (`If-Match`). */
  ifMatch?: string;
  contentType?: string;
}

export class ObjectStore {
  private readonly client: AwsClient;
  private readonly base: string;

  constructor(
    readonly location: ObjectUri,
    settings: StorageSettings,
  ) {
    if (location.scheme !== "s3") {
      throw new ObjectStoreError(0, "Unsupported", `${location.uri}: only s3:// URIs are supported for the index (for GCS, use its S3-compatible endpoint: AWS_ENDPOINT_URL=https://storage.googleapis.com with HMAC keys and an s3:// URI)`);
    }
    if (!settings.accessKeyId || !settings.secretAccessKey) {
      throw new ObjectStoreError(0, "NoCredentials", `${location.uri}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to reach the object store`);
    }
    this.client = new AwsClient({ accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey, sessionToken: settings.sessionToken, region: settings.region, service: "s3" });
    this.base = settings.endpoint ? `${settings.endpoint}/${location.bucket}` : `https://${location.bucket}.s3.${settings.region}.amazonaws.com`;
  }

  /** The full key of `relative` under the URI's prefix. */
  key(relative: string): string {
    return this.location.prefix ? `${this.location.prefix}/${relative}` : relative;
  }

  private url(relative: string, query = ""): string {
    return `${this.base}/${this.key(relative).split("/").map(encodeURIComponent).join("/")}${query}`;
  }

  private async request(method: string, url: string, init: { body?: string | Uint8Array; headers?: Record<string, string> } = {}): Promise<Response> {
    let response: Response;
    try {
      // Bytes are a valid fetch body at run time; the DOM typings want an ArrayBuffer-backed view.
      response = await this.client.fetch(url, { method, body: init.body as BodyInit | undefined, headers: init.headers });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
      throw new ObjectStoreError(0, "Unreachable", `cannot reach the object store for ${this.location.uri} (${new URL(url).origin}${cause}); check AWS_ENDPOINT_URL and the network`, { cause: error });
    }
    return response;
  }

  private async fail(response: Response, what: string): Promise<never> {
    const body = await response.text().catch(() => "");
    const code = tags(body, "Code")[0] ?? String(response.status);
    if (CREDENTIAL_CODES.has(code) || response.status === 403) {
      throw new ObjectStoreError(response.status, code, `the object store refused the credentials for ${this.location.uri} (${response.status} ${code}); check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_REGION`);
    }
    if (code === "NoSuchBucket") throw new ObjectStoreError(response.status, code, `the bucket "${this.location.bucket}" of ${this.location.uri} does not exist; create it first`);
    throw new ObjectStoreError(response.status, code, `the object store failed on ${what} in ${this.location.uri} (${response.status} ${code})`);
  }

  /** The object's bytes and ETag, or undefined when there is none. */
  async get(relative: string): Promise<{ body: Uint8Array; etag: string | undefined } | undefined> {
    const response = await this.request("GET", this.url(relative));
    if (response.status === 404) {
      const body = await response.text();
      if (tags(body, "Code")[0] === "NoSuchBucket") await this.fail(new Response(body, { status: 404 }), relative);
      return undefined;
    }
    if (!response.ok) await this.fail(response, relative);
    return { body: new Uint8Array(await response.arrayBuffer()), etag: response.headers.get("etag") ?? undefined };
  }

  async getText(relative: string): Promise<string | undefined> {
    const object = await this.get(relative);
    return object ? new TextDecoder().decode(object.body) : undefined;
  }

  /** Write one object in one PUT (atomic on S3: a reader sees the old object or the new one). Returns false on 412 (a condition failed). */
  async put(relative: string, body: string | Uint8Array, options: PutOptions = {}): Promise<boolean> {
    const headers: Record<string, string> = { "content-type": options.contentType ?? "application/octet-stream" };
    if (options.ifAbsent) headers["if-none-match"] = "*";
    if (options.ifMatch) headers["if-match"] = options.ifMatch;
    const response = await this.request("PUT", this.url(relative), { body, headers });
    if (response.status === 412) return false;
    if (!response.ok) await this.fail(response, relative);
    await response.arrayBuffer();
    return true;
  }

  async delete(relative: string): Promise<void> {
    const response = await this.request("DELETE", this.url(relative));
    if (!response.ok && response.status !== 404) await this.fail(response, relative);
    await response.arrayBuffer();
  }

  /**
   * Keys (relative to the URI's prefix) under `relative` ("index/builds/"); with `delimiter`, the
   * immediate "folders" instead of every key below.
   */
  async list(relative: string, delimiter = false): Promise<string[]> {
    const out: string[] = [];
    let token: string | undefined;
    const strip = this.location.prefix ? this.location.prefix.length + 1 : 0;
    do {
      const query = new URLSearchParams({ "list-type": "2", prefix: this.key(relative) });
      if (delimiter) query.set("delimiter", "/");
      if (token) query.set("continuation-token", token);
      const response = await this.request("GET", `${this.base}/?${query}`);
      if (!response.ok) await this.fail(response, `listing ${relative}`);
      const xml = await response.text();
      const found = delimiter ? tags(tags(xml, "CommonPrefixes").join(""), "Prefix") : tags(xml, "Key");
      out.push(...found.map((k) => k.slice(strip)));
      token = tags(xml, "IsTruncated")[0] === "true" ? tags(xml, "NextContinuationToken")[0] : undefined;
    } while (token);
    return out;
  }

  /** Delete every object under `relative` (a few at a time). */
  async deleteAll(relative: string): Promise<number> {
    const keys = await this.list(relative);
    for (let i = 0; i < keys.length; i += 8) await Promise.all(keys.slice(i, i + 8).map((k) => this.delete(k)));
    return keys.length;
  }
}
