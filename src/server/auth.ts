/**
 * The access token: what makes a token acceptable at start-up, the bearer check for /api and /v1 (and for
 * the full /healthz and /eval on a public bind), and a per-client throttle on failed attempts.
 *
 * Throttle: each client may present a wrong token FREE_FAILURES times; after that it must wait, 1 s after
 * the next failure, then 2 s, 4 s, ... up to 15 minutes, and every request it makes while waiting gets 429
 * with Retry-After, the right token included (so waiting is not a way to test guesses). A success or 15
 * quiet minutes forgive the failures. A request with no token at all (a page before the user has entered
 * one) is not a failure.
 */
import { timingSafeEqual } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { AppError } from "./errors.ts";

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

/** Bound to loopback only: nothing outside this machine can connect. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export const MIN_TOKEN_LENGTH = 32;
/**
 * A token of 32 or more characters needs at least this many different ones. (It used to be an entropy
 * estimate from the characters' frequencies, under 96 bits refused; on 32 characters that estimate runs
 * low, and it refused about 1 in 8,500 tokens from `openssl rand -hex 16`. In 10^6 such tokens, none has
 * fewer than 8 different characters.)
 */
const MIN_DIFFERENT_CHARACTERS = 8;

/**
 * Why a token is too weak to use, or undefined when it is fine: shorter than 32 characters, made of few
 * different characters, a run ("aaaa...", "abcd...", "0123..."), or a repeated pattern.
 */
export function tokenWeakness(token: string): string | undefined {
  if (token.length < MIN_TOKEN_LENGTH) return `shorter than ${MIN_TOKEN_LENGTH} characters`;
  if (new Set(token).size < MIN_DIFFERENT_CHARACTERS) return "too predictable (few different characters)";
  let steps = 0;
  for (let i = 1; i < token.length; i++) if (Math.abs(token.charCodeAt(i) - token.charCodeAt(i - 1)) <= 1) steps++;
  if (steps > token.length / 2) return "too predictable (runs of repeated or consecutive characters)";
  for (let period = 1; period <= token.length / 2; period++) {
    let repeats = true;
    for (let i = period; i < token.length && repeats; i++) repeats = token[i] === token[i - period];
    if (repeats) return "too predictable (a repeated pattern)";
  }
  return undefined;
}

export function clientKey(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "local"; // app.request() in tests has no socket
  }
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const FREE_FAILURES = 5;
const MAX_WAIT_MS = 15 * 60_000;
const FORGIVE_MS = 15 * 60_000;

interface Failures {
  count: number;
  last: number;
  blockedUntil: number;
}

export type TokenCheck = "valid" | "missing" | "wrong";

export interface TokenGuard {
  /** Check the request's bearer token; throws 429 while this client must wait. */
  check(c: Context): TokenCheck;
}

export function createTokenGuard(token: string | undefined, now: () => number = Date.now): TokenGuard {
  const failures = new Map<string, Failures>();
  const forget = (at: number) => {
    if (failures.size < 10_000) return;
    for (const [key, f] of failures) if (at - f.last > FORGIVE_MS && f.blockedUntil <= at) failures.delete(key);
  };
  return {
    check(c) {
      const at = now();
      const client = clientKey(c);
      const known = failures.get(client);
      if (known && known.blockedUntil > at) {
        const seconds = Math.ceil((known.blockedUntil - at) / 1000);
        c.header("Retry-After", String(seconds));
        throw new AppError(429, "too_many_failed_tokens", `too many wrong access tokens from this client; try again in ${seconds} s`);
      }
      const header = c.req.header("authorization") ?? "";
      const given = header.startsWith("Bearer ") ? header.slice(7).trim() : header.trim();
      if (!given) return "missing";
      if (token && header.startsWith("Bearer ") && sameToken(given, token)) {
        failures.delete(client);
        return "valid";
      }
      const f = known && at - known.last <= FORGIVE_MS ? known : { count: 0, last: at, blockedUntil: 0 };
      f.count++;
      f.last = at;
      if (f.count > FREE_FAILURES) f.blockedUntil = at + Math.min(MAX_WAIT_MS, 1000 * 2 ** (f.count - FREE_FAILURES - 1));
      failures.set(client, f);
      forget(at);
      return "wrong";
    },
  };
}
