/** Logs: one JSON line per event on stderr (src/log.ts). */
export { logEvent } from "../log.ts";
