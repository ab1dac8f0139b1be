import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { type FakeLlmServer, startFakeLlmServer } from "@/e2e/fixtures/fake-llm-server";
import { callTool } from "./call-tool";
import { CircuitBreaker, CircuitOpenError } from "./circuit-breaker";
import { createLlmClient } from "./client";
import { completeJson, StructuredOutputError } from "./complete-json";
import { MAX_RETRY_AFTER_MS, retryAfterMs } from "./retry-after";
import { streamText } from "./stream-text";

let server: FakeLlmServer;
const client = (options: Parameters<typeof createLlmClient>[1] = {}) =>
  createLlmClient(
    { apiKey: "test", baseURL: server.url, model: "fake-model" },
    { maxRetries: 2, timeoutMs: 2000, ...options },
  );
const schema = z.object({ verdict: z.enum(["probe", "advance"]) });

beforeAll(async () => {
  server = await startFakeLlmServer();
});
afterAll(async () => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.setRules([
    { when: "STREAM ME", reply: "You sized the index at 60 GB; how does that fit on one host?" },
    { when: "JUDGE", reply: '{"verdict": "probe"}' },
    { when: "BROKEN JSON", reply: "not json at all" },
  ]);
});

describe("the LLM client through the real openai SDK", () => {
  it("streams a reply token by token", async () => {
    const tokens: string[] = [];
    const text = await streamText({
      client: client(),
      messages: [{ role: "user", content: "STREAM ME" }],
      onToken: (t) => tokens.push(t),
    });
    expect(text).toBe("You sized the index at 60 GB; how does that fit on one host?");
    expect(tokens.length).toBeGreaterThan(5);
    expect(tokens.join("")).toBe(text);
    expect(server.requests[0]).toMatchObject({ stream: true, model: "fake-model" });
  });

  it("returns validated JSON and asks for JSON mode", async () => {
    const result = await completeJson({ client: client(), messages: [{ role: "user", content: "JUDGE" }], schema });
    expect(result).toEqual({ verdict: "probe" });
    expect(server.requests[0]?.json).toBe(true);
  });

  it("retries an invalid structured output once, then gives up with a typed error", async () => {
    await expect(
      completeJson({ client: client(), messages: [{ role: "user", content: "BROKEN JSON" }], schema }),
    ).rejects.toBeInstanceOf(StructuredOutputError);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.prompt).toContain("was not usable (the reply was not valid JSON)");
  });

  it("retries 429 and 500 with backoff and succeeds", async () => {
    server.injectFault({ kind: "status", status: 429, times: 1 });
    server.injectFault({ kind: "status", status: 500, times: 1 });
    const result = await completeJson({ client: client(), messages: [{ role: "user", content: "JUDGE" }], schema });
    expect(result.verdict).toBe("probe");
    expect(server.requests).toHaveLength(3);
  });

  it("times out a hung request", async () => {
    server.injectFault({ kind: "hang", times: 1 });
    await expect(
      streamText({
        client: client({ timeoutMs: 300, maxRetries: 0 }),
        messages: [{ role: "user", content: "STREAM ME" }],
      }),
    ).rejects.toThrow(/timed out/i);
  });

  it("fails on malformed JSON from the server", async () => {
    server.injectFault({ kind: "malformed", times: 1 });
    await expect(
      completeJson({ client: client({ maxRetries: 0 }), messages: [{ role: "user", content: "JUDGE" }], schema }),
    ).rejects.toThrow();
  });

  it("throws on a stream cut mid-way instead of keeping half a reply", async () => {
    server.injectFault({ kind: "cut-stream", times: 1 });
    const tokens: string[] = [];
    await expect(
      streamText({
        client: client({ maxRetries: 0 }),
        messages: [{ role: "user", content: "STREAM ME" }],
        onToken: (t) => tokens.push(t),
      }),
    ).rejects.toThrow();
    expect(tokens.length).toBeGreaterThan(0);
  });

  it("validates a tool call's arguments with the schema and fails on ones that do not fit", async () => {
    server.setRules([{ when: "CALL", reply: "", toolCall: { name: "verdict", arguments: { verdict: "advance" } } }]);
    const ask = () =>
      callTool({
        client: client({ maxRetries: 0 }),
        messages: [{ role: "user", content: "CALL" }],
        name: "verdict",
        description: "the verdict",
        schema,
      });
    await expect(ask()).resolves.toEqual({ verdict: "advance" });
    server.injectFault({ kind: "bad-tool-args", times: 1 });
    await expect(ask()).rejects.toThrow(/called verdict with invalid arguments \(verdict: /);
    expect(server.requests.at(-1)?.fault).toBe("bad-tool-args");
  });

  it("treats an empty streamed reply as a failure, not as something to say", async () => {
    server.injectFault({ kind: "empty", times: 1 });
    await expect(
      streamText({ client: client({ maxRetries: 0 }), messages: [{ role: "user", content: "STREAM ME" }] }),
    ).rejects.toThrow(/empty/);
  });

  it.each([
    [{ "retry-after": "2" }, 2000],
    [{ "retry-after-ms": "150", "retry-after": "9" }, 150],
    [{ "retry-after": new Date(61_000).toUTCString() }, 60_000],
    [{ "retry-after": "soon" }, null],
    [{}, null],
  ])("reads the wait a response asks for: %o -> %s ms", (headers, ms) => {
    expect(retryAfterMs(new Headers(headers), 1000)).toBe(ms);
  });

  it("does not retry a 429 whose Retry-After is longer than it waits for, and opens the breaker", async () => {
    const breaker = new CircuitBreaker();
    server.injectFault({ kind: "retry-after", seconds: MAX_RETRY_AFTER_MS / 1000 + 1, times: 1 });
    await expect(
      completeJson({
        client: client({ maxRetries: 2, breaker }),
        messages: [{ role: "user", content: "JUDGE" }],
        schema,
      }),
    ).rejects.toThrow(/429/);
    expect(server.requests).toHaveLength(1);
    expect(breaker.state).toBe("open");
  });

  it("opens the circuit after repeated failures and fails fast until the cooldown ends", async () => {
    let now = 0;
    const breaker = new CircuitBreaker(2, 1000, () => now);
    const failing = client({ maxRetries: 0, breaker });
    server.injectFault({ kind: "status", status: 503, times: 2 });
    for (let i = 0; i < 2; i++) {
      await expect(
        completeJson({ client: failing, messages: [{ role: "user", content: "JUDGE" }], schema }),
      ).rejects.toThrow();
    }
    expect(breaker.state).toBe("open");
    const before = server.requests.length;
    await expect(
      completeJson({ client: failing, messages: [{ role: "user", content: "JUDGE" }], schema }),
    ).rejects.toBeInstanceOf(CircuitOpenError);
    expect(server.requests.length).toBe(before);
    now = 1500;
    expect(breaker.state).toBe("half-open");
    await expect(
      completeJson({ client: failing, messages: [{ role: "user", content: "JUDGE" }], schema }),
    ).resolves.toEqual({
      verdict: "probe",
    });
    expect(breaker.state).toBe("closed");
  });
});
