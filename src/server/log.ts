/** Logs: one JSON line per event on stderr. Never questions (unless LOG_QUESTIONS=1), never secrets. */
export function logEvent(fields: Record<string, unknown>): void {
  process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), ...fields })}\n`);
}
