/** Child processes for benchmarks: an ingest (figures as JSON) and a server (its URL). */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PROJECT_ROOT } from "../config.ts";

export interface ChildIngestResult {
  wallMs: number;
  passages: number;
  documents: number;
  /** Pages of the documents that have them (PDFs). */
  pages: number;
  maxRssMb: number;
  timings: Record<string, number>;
  vectorIndex: string | null;
  buildId: string;
}

/** This module runs from the build (dist/, as `npm run bench` runs it) rather than from source under tsx. */
const RUNNING_BUILT = fileURLToPath(import.meta.url).startsWith(path.join(PROJECT_ROOT, "dist") + path.sep);

/**
 * A child runs as its parent does: the built JavaScript, as `npm start` and `npm run ingest` run, so that the
 * figures are a user's; or the TypeScript source under tsx when the bench itself was started from source.
 */
function childCommand(source: string): string[] {
  return RUNNING_BUILT ? [path.join(PROJECT_ROOT, "dist", source.replace(/\.ts$/, ".js"))] : ["--import", "tsx", path.join(PROJECT_ROOT, source)];
}

export function ingestInChild(env: Record<string, string>): Promise<ChildIngestResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, childCommand("src/bench/ingest-child.ts"), {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`ingest child exited ${code}: ${err.slice(-500)}`));
      resolve(JSON.parse(out.trim().split("\n").at(-1)!) as ChildIngestResult);
    });
  });
}

export interface ChildServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** `npm run serve` on an existing index, on a free port. */
export function serverInChild(env: Record<string, string>): Promise<ChildServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, childCommand("scripts/serve.ts"), {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PORT: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err.slice(-500)}`)), 60_000);
    child.stderr.on("data", (d) => (err = (err + d).slice(-4000)));
    child.stdout.on("data", (d) => {
      out += d;
      const m = /ready: (http:\/\/\S+?)\/?\s/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          process: child,
          stop: () =>
            new Promise<void>((done) => {
              child.once("close", () => done());
              child.kill("SIGTERM");
            }),
        });
      }
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited ${code}: ${err.slice(-500)}`));
    });
  });
}
