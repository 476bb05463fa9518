/**
 * Which methods a path is served with, from the app's own route table: so a request with another method
 * gets 405 with `Allow` (GET /api/chat), and a path nothing serves gets 404 (POST /nope).
 *
 * @example
 *   allowedMethods(app.routes, "/api/chat") // ["POST"]
 */
export interface RouteEntry {
  method: string;
  path: string;
}

/** A Hono route path as a RegExp: `:name{re}` -> (re), `:name` -> one segment, `*` -> anything. */
function pathPattern(route: string): RegExp {
  let out = "";
  for (let i = 0; i < route.length; ) {
    if (route[i] === ":") {
      const name = /^:[A-Za-z0-9_]+/.exec(route.slice(i))![0];
      i += name.length;
      if (route[i] === "{") {
        const close = route.indexOf("}", i);
        out += `(${route.slice(i + 1, close)})`;
        i = close + 1;
      } else out += "([^/]+)";
    } else if (route[i] === "*") {
      out += ".*";
      i++;
    } else {
      out += route[i].replace(/[.+?^${}()|[\]\\]/g, "\\$&");
      i++;
    }
  }
  return new RegExp(`^${out}$`);
}

/** Methods of the concrete routes (not middleware, not catch-alls) whose path matches `path`. */
export function allowedMethods(routes: readonly RouteEntry[], path: string): string[] {
  const methods = new Set<string>();
  for (const r of routes) {
    if (r.method === "ALL" || r.path === "*" || r.path === "/*") continue;
    if (pathPattern(r.path).test(path)) methods.add(r.method);
  }
  if (methods.has("GET")) methods.add("HEAD");
  return [...methods];
}
