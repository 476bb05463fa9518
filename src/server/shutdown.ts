/**
 * Shutting down with answers in flight: they get SHUTDOWN_GRACE_MS to finish; then the app's shutdown
 * signal aborts, and each stream still open ends with an `error` event (a JSON answer with 503), so no
 * client is left with an answer that just stops.
 */
export const SHUTTING_DOWN = { code: "shutting_down", message: "the server is shutting down; ask again in a moment" } as const;

/**
 * The events of `source` until `signal` aborts. Returns "aborted" when it stopped early, "done" otherwise.
 *
 * @example
 *   const events = untilAborted(streamAnswer(...), shutdown);
 *   for (let r = await events.next(); !r.done; r = await events.next()) write(r.value);
 */
export async function* untilAborted<T>(source: AsyncIterable<T>, signal: AbortSignal | undefined): AsyncGenerator<T, "aborted" | "done"> {
  const it = source[Symbol.asyncIterator]();
  const aborted = new Promise<"aborted">((resolve) => {
    if (signal?.aborted) resolve("aborted");
    else signal?.addEventListener("abort", () => resolve("aborted"), { once: true });
  });
  for (;;) {
    const next = await Promise.race([it.next(), aborted]);
    if (next === "aborted") {
      void it.return?.(undefined)?.catch(() => undefined);
      return "aborted";
    }
    if (next.done) return "done";
    yield next.value;
  }
}
