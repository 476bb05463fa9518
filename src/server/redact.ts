/**
 * Secrets never reach a client. The model endpoint's error text is passed on in the fallback notice, and
 * some endpoints quote the API key they were sent ("Incorrect API key provided: sk-..."): so every JSON
 * and event-stream response is scrubbed of the configured API key and access token.
 *
 * A stream may carry a secret split across chunks (a model streaming "sk-abc" then "def..."), so streams
 * are scrubbed with a carry-over window: the end of what has arrived is held back while it could still be
 * the beginning of a secret (at most the longest secret's length less one character), and let through
 * once the next chunk shows it is not, or scrubbed once it is. Event streams are scrubbed twice: as bytes,
 * and as the text the page puts together from the `delta` events (routes/chat.ts, routes/openai.ts).
 */
import type { MiddlewareHandler } from "hono";
import type { Config } from "../config.ts";

const REDACTED = "[redacted]";

/** Secrets shorter than this are not scrubbed (they would match ordinary text); startup refuses such a token. */
const MIN_SECRET_LENGTH = 8;

/** A held-back end of a stream this long that begins a secret is scrubbed when the stream ends there. */
const MIN_PARTIAL = 8;

/** The configured secrets: the model API key and the access token. */
export function secretsOf(config: Config): (string | undefined)[] {
  return [config.llm.apiKey, config.server.appToken];
}

function secretForms(secrets: (string | undefined)[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    forms.add(secret);
    forms.add(JSON.stringify(secret).slice(1, -1)); // as it appears inside a JSON string
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

export function secretRedactor(secrets: (string | undefined)[]): ((text: string) => string) | undefined {
  const list = secretForms(secrets);
  if (list.length === 0) return undefined;
  return (text) => list.reduce((out, form) => (out.includes(form) ? out.split(form).join(REDACTED) : out), text);
}

export interface StreamScrubber {
  /** Text that is safe to send now (complete secrets scrubbed; a possible secret's beginning held back). */
  push(text: string): string;
  /** The end of the stream: what was held back, scrubbed if it is a secret's beginning of MIN_PARTIAL or more. */
  flush(): string;
  /** Forget what was held back (the text it belongs to was taken back). */
  reset(): void;
}

/**
 * A scrubber for text that arrives in pieces.
 *
 * @example
 *   const s = createStreamScrubber(["sk-secret-123456"]);
 *   s.push("Key: sk-sec") + s.push("ret-123456!") + s.flush() // "Key: [redacted]!"
 */
export function createStreamScrubber(secrets: (string | undefined)[]): StreamScrubber {
  const forms = secretForms(secrets);
  const redact = secretRedactor(secrets) ?? ((t: string) => t);
  const window = Math.max(0, ...forms.map((f) => f.length - 1));
  let held = "";
  /** Length of the longest end of `text` that begins some secret (and is shorter than it). */
  const heldLength = (text: string) => {
    for (let n = Math.min(window, text.length); n > 0; n--) {
      const tail = text.slice(text.length - n);
      if (forms.some((f) => f.length > n && f.startsWith(tail))) return n;
    }
    return 0;
  };
  return {
    push(text) {
      if (forms.length === 0) return text;
      const all = redact(held + text);
      const keep = heldLength(all);
      held = all.slice(all.length - keep);
      return all.slice(0, all.length - keep);
    },
    flush() {
      const rest = held;
      held = "";
      return rest.length >= MIN_PARTIAL ? REDACTED : rest;
    },
    reset() {
      held = "";
    },
  };
}

export function redactSecrets(secrets: (string | undefined)[]): MiddlewareHandler {
  const redact = secretRedactor(secrets);
  return async (c, next) => {
    await next();
    if (!redact || !c.res.body) return;
    const type = c.res.headers.get("content-type") ?? "";
    if (type.startsWith("text/event-stream")) {
      // Bytes may split anywhere (a chunk per event today, but nothing promises it): carry over what could
      // begin a secret into the next chunk.
      const scrubber = createStreamScrubber(secrets);
      const decoder = new TextDecoder();
      const encoder = new TextEncoder();
      const scrub = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          const out = scrubber.push(decoder.decode(chunk, { stream: true }));
          if (out) controller.enqueue(encoder.encode(out));
        },
        flush(controller) {
          const rest = scrubber.push(decoder.decode()) + scrubber.flush();
          if (rest) controller.enqueue(encoder.encode(rest));
        },
      });
      c.res = new Response(c.res.body.pipeThrough(scrub), c.res);
    } else if (type.startsWith("application/json")) {
      const text = await c.res.text();
      c.res = new Response(redact(text), c.res);
      c.res.headers.delete("content-length");
    }
  };
}
