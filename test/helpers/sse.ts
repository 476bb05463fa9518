/** Server-Sent Events of a finished response body, as { event, data } (data parsed as JSON unless it is [DONE]). */
export function sseEvents(text: string): { event: string; data: unknown }[] {
  return text
    .split("\n\n")
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
      const data = block.split("\n").filter((l) => l.startsWith("data: ")).map((l) => l.slice(6)).join("\n");
      return { event, data: data === "[DONE]" ? data : (JSON.parse(data) as unknown) };
    });
}
