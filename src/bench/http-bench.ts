/**
 * Over HTTP with autocannon against the real server in its own process: /api/search and /api/chat
 * (extractive) at 1, 10 and 50 connections, and /healthz as the floor of what the HTTP stack costs.
 */
import autocannon from "autocannon";

export interface HttpRun {
  route: string;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
}

const QUESTIONS = [
  "Apa hasil program MLMC setelah 12 bulan?",
  "What activities does Rumah Faye offer?",
  "Siapa penulis studi nomor 6?",
  "Which databases did the review search?",
  "Program apa saja yang dijalankan Save the Children?",
];

function bodies(route: string): string[] {
  return QUESTIONS.map((q) =>
    JSON.stringify(route === "/api/search" ? { query: q, k: 6 } : { messages: [{ role: "user", content: q }] }),
  );
}

export async function httpRun(url: string, route: string, connections: number, seconds: number): Promise<HttpRun> {
  const requests =
    route === "/healthz"
      ? [{ method: "GET" as const, path: route }]
      : bodies(route).map((body) => ({ method: "POST" as const, path: route, headers: { "content-type": "application/json" }, body }));
  const result = await autocannon({ url, connections, duration: seconds, requests, pipelining: 1 });
  return {
    route,
    connections,
    seconds,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
