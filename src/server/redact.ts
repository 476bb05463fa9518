/**
 * Secrets never reach a client. The model endpoint's error text is passed on in the fallback notice, and
 * some endpoints quote the API key they were sent ("Incorrect API key provided: sk-..."): so every JSON
 * and event-stream response is scrubbed of the configured API key and access token.
 */
import type { MiddlewareHandler } from "hono";

const REDACTED = "[redacted]";

/** Secrets shorter than this are not scrubbed (they would match ordinary text); such a token is weak anyway. */
const MIN_SECRET_LENGTH = 8;

export function secretRedactor(secrets: (string | undefined)[]): ((text: string) => string) | undefined {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    forms.add(secret);
    forms.add(JSON.stringify(secret).slice(1, -1)); // as it appears inside a JSON string
  }
  if (forms.size === 0) return undefined;
  const list = [...forms].sort((a, b) => b.length - a.length);
  return (text) => list.reduce((out, form) => (out.includes(form) ? out.split(form).join(REDACTED) : out), text);
}

export function redactSecrets(secrets: (string | undefined)[]): MiddlewareHandler {
  const redact = secretRedactor(secrets);
  return async (c, next) => {
    await next();
    if (!redact || !c.res.body) return;
    const type = c.res.headers.get("content-type") ?? "";
    if (type.startsWith("text/event-stream")) {
      // Each event is written as one chunk, so a secret is never split across chunks.
      const decoder = new TextDecoder();
      const encoder = new TextEncoder();
      const scrub = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          controller.enqueue(encoder.encode(redact(decoder.decode(chunk, { stream: true }))));
        },
        flush(controller) {
          const rest = decoder.decode();
          if (rest) controller.enqueue(encoder.encode(redact(rest)));
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
