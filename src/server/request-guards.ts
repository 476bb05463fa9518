/**
 * Requests from other sites and under other names:
 *  - `Host` must name this server: its bound address (every address of the machine when bound to all of
 *    them), localhost, or a name in ALLOWED_HOSTS. A page on attacker.example whose name is re-pointed at
 *    127.0.0.1 (DNS rebinding) sends `Host: attacker.example` and is refused.
 *  - A request that changes state or spends the model (anything but GET/HEAD/OPTIONS under /api and /v1)
 *    from a browser page must come from this server's own origin or one in ALLOWED_ORIGINS. Browsers send
 *    `Origin` with every such request, also `mode: "no-cors"` ones; clients that are not browsers send none.
 */
import { networkInterfaces } from "node:os";
import type { MiddlewareHandler } from "hono";
import type { Config } from "../config.ts";
import { AppError } from "./errors.ts";

const LOCAL_NAMES = ["localhost", "127.0.0.1", "::1"];
const WILDCARDS = new Set(["0.0.0.0", "::", ""]);

/** The host name of a Host header value, without port or brackets, lower case ("[::1]:8787" -> "::1"). */
export function hostName(value: string): string {
  const v = value.trim().toLowerCase();
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(v);
  if (bracketed) return bracketed[1];
  const colons = (v.match(/:/g) ?? []).length;
  const name = colons === 1 ? v.slice(0, v.indexOf(":")) : v;
  return name.replace(/\.$/, "");
}

/** The names this server answers to. */
export function allowedHostNames(server: Config["server"]): Set<string> {
  const names = new Set([...LOCAL_NAMES, ...server.allowedHosts.map(hostName)]);
  const bound = hostName(server.host);
  if (!WILDCARDS.has(bound)) names.add(bound);
  else for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) names.add(i.address.toLowerCase());
  return names;
}

export function hostGuard(server: Config["server"]): MiddlewareHandler {
  const names = allowedHostNames(server);
  return async (c, next) => {
    const host = c.req.header("host") ?? new URL(c.req.url).host;
    if (!names.has(hostName(host))) {
      throw new AppError(403, "host_not_allowed", `this server is not reached by the name "${hostName(host).slice(0, 100)}"; to serve it under that name, add it to ALLOWED_HOSTS`);
    }
    await next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function originGuard(server: Config["server"]): MiddlewareHandler {
  const allowed = new Set(server.allowedOrigins);
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header("origin");
    const site = c.req.header("sec-fetch-site");
    if (origin === undefined) {
      // Not from a browser page (curl, the OpenAI SDK), unless the browser says it is from another site.
      if (site === "cross-site" || site === "same-site") throw refused("a page of another site");
      return next();
    }
    const host = (c.req.header("host") ?? new URL(c.req.url).host).toLowerCase();
    let originHost: string | undefined;
    try {
      originHost = origin === "null" ? undefined : new URL(origin).host.toLowerCase();
    } catch {
      originHost = undefined;
    }
    const own = originHost !== undefined && originHost === host;
    if (!own && !allowed.has(origin.replace(/\/+$/, "").toLowerCase())) throw refused(origin.slice(0, 100));
    await next();
  };
}

function refused(origin: string): AppError {
  return new AppError(403, "origin_not_allowed", `requests from pages of ${origin} are not accepted; to let that site's pages call this API, add its origin to ALLOWED_ORIGINS`);
}

/** Exactly `application/json`, optionally with `charset=utf-8`: nothing a plain form or no-cors request can send. */
export function isJsonMediaType(value: string | undefined): boolean {
  if (!value) return false;
  const [type, ...params] = value.split(";");
  if (type.trim().toLowerCase() !== "application/json") return false;
  if (params.length > 1) return false;
  return params.every((p) => /^\s*charset\s*=\s*"?utf-8"?\s*$/i.test(p));
}
