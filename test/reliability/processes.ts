/**
 * The real CLIs as child processes (`node --import tsx scripts/serve.ts`, `scripts/ingest.ts`), with a
 * clean environment (nothing inherited but PATH and HOME), their output collected, and their exit awaited.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { PROJECT_ROOT } from "../../src/config.ts";

export interface Child {
  process: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited (code null when killed by a signal). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first match of `pattern` in stdout or stderr (rejects if the process exits first or after timeoutMs). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with the first match of `pattern` (global) in the output for which `accept` is true. */
  waitUntil(pattern: RegExp, accept: (match: RegExpMatchArray) => boolean, timeoutMs?: number): Promise<RegExpMatchArray>;
  kill(signal?: NodeJS.Signals): void;
}

/** The child's environment: PATH, HOME, LANCEDB_LOG=error (unless `bare`: as a careless operator runs it) and `env`. */
export function baseEnv(env: Record<string, string>, bare = false): Record<string, string> {
  return { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/tmp", ...(bare ? {} : { LANCEDB_LOG: "error" }), ...env };
}

/** A CLI from source under tsx, or "npm start" exactly as a new user runs it (build to dist/, then serve). */
export type Script = "serve" | "ingest" | "verify" | "npm start";

export function startScript(script: Script, env: Record<string, string>, args: string[] = [], options: { bare?: boolean } = {}): Child {
  const [command, commandArgs] = script === "npm start" ? ["npm", ["start", "--silent", "--", ...args]] : [process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args]];
  const label = script === "npm start" ? script : `scripts/${script}.ts`;
  // npm does not pass a signal on to the server it started: run it as a process group and signal the group.
  const group = script === "npm start";
  const child = spawn(command, commandArgs, { cwd: PROJECT_ROOT, env: baseEnv(env, options.bare), stdio: ["ignore", "pipe", "pipe"], detached: group });
  let out = "";
  let err = "";
  const listeners = new Set<() => void>();
  child.stdout!.setEncoding("utf8").on("data", (d: string) => {
    out += d;
    for (const l of listeners) l();
  });
  child.stderr!.setEncoding("utf8").on("data", (d: string) => {
    err += d;
    for (const l of listeners) l();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("close", (code, signal) => resolve({ code, signal })));
  let done = false;
  void exited.then(() => {
    done = true;
    for (const l of listeners) l();
  });
  const waitUntil = (pattern: RegExp, accept: (match: RegExpMatchArray) => boolean, timeoutMs = 30_000): Promise<RegExpMatchArray> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`timed out waiting for ${pattern} from ${label}; stdout: ${out.slice(-500)} stderr: ${err.slice(-500)}`)), timeoutMs);
      const check = () => {
        const match = [...out.matchAll(pattern), ...err.matchAll(pattern)].find(accept);
        if (match) finish(undefined, match);
        else if (done) finish(new Error(`${label} exited before printing ${pattern}; stdout: ${out.slice(-500)} stderr: ${err.slice(-500)}`));
      };
      const finish = (error?: Error, match?: RegExpMatchArray) => {
        clearTimeout(timer);
        listeners.delete(check);
        if (error) reject(error);
        else resolve(match!);
      };
      listeners.add(check);
      check();
    });
  return {
    process: child,
    stdout: () => out,
    stderr: () => err,
    exited,
    kill: (signal = "SIGTERM") => {
      if (done) return;
      if (group) process.kill(-child.pid!, signal);
      else child.kill(signal);
    },
    waitFor: (pattern, timeoutMs) => waitUntil(new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`), () => true, timeoutMs),
    waitUntil,
  };
}

/** Start scripts/serve.ts on a port the OS picks and wait for "Review assistant ready: <url>". */
export async function startServerProcess(env: Record<string, string>, options: { bare?: boolean } = {}): Promise<Child & { url: string }> {
  const child = startScript("serve", { PORT: "0", ...env }, [], options);
  const match = await child.waitFor(/Review assistant ready: (http:\/\/\S+)\//);
  return Object.assign(child, { url: match[1] });
}

/** Run a script to its end (killing it after timeoutMs). */
export async function runScript(script: Script, env: Record<string, string>, timeoutMs = 30_000, options: { bare?: boolean } = {}) {
  const child = startScript(script, env, [], options);
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const { code, signal } = await child.exited;
  clearTimeout(timer);
  return { code, signal, stdout: child.stdout(), stderr: child.stderr() };
}

/** Lines of a JS stack trace ("    at fn (file:line:col)"). */
export const STACK_LINE = /^\s+at\s/m;
