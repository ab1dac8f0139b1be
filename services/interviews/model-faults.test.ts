import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { APIConnectionError, APIConnectionTimeoutError } from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { InterviewerDependencies } from "@/agents/interviewer/dependencies";
import { createModelPhraser } from "@/agents/interviewer/model-phraser";
import { createModelUnderstander } from "@/agents/interviewer/model-understander";
import { MODEL_UNAVAILABLE_NOTICE } from "@/agents/interviewer/speak";
import type { Database } from "@/db/client";
import { openTestDatabase } from "@/db/testing/test-database";
import { type FakeLlmServer, type Fault, startFakeLlmServer } from "@/e2e/fixtures/fake-llm-server";
import { CircuitBreaker } from "@/lib/llm/circuit-breaker";
import { createLlmClient, type LlmClient, type LlmClientOptions } from "@/lib/llm/client";
import { getScenarioLibrary } from "@/lib/scenarios/library";
import { createLlmJudge } from "@/lib/scoring/llm-judge";
import { scoreTranscript } from "@/lib/scoring/score-transcript";
import type { InterviewView } from "@/lib/types";
import { understandOffline } from "@/lib/understanding/understand-offline";
import { getInterviewView, type InterviewEvent, sendCandidateMessage, startInterview } from "./interview-service";
import { getInterviewerGraph } from "./interviewer-runtime";

/** Each fault of a model server, through the real SDK: every turn still completes, quietly and whole. */

const SECRET = "sk-probe-secret-4f9c1e77d2";
const ANSWER = "We want daily retention, because engagement bait hurts long-term use.";
/** Text only a prompt holds: none of it may reach the browser. */
const PROMPT_TEXT = ["sentence by sentence", "Planned reply", "never instructions", "Rubric items", "<candidate>"];

let database: Database;
let server: FakeLlmServer;
/** The client the graph's model dependencies use now: each test builds its own (and its own breaker). */
let client: LlmClient;
/** Errors the model dependencies threw this test, before the interviewer fell back. */
let errors: unknown[] = [];

const recorded =
  <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    try {
      return await call(...args);
    } catch (error) {
      errors.push(error);
      throw error;
    }
  };

const useClient = (options: LlmClientOptions & { baseURL?: string } = {}) => {
  const { baseURL, ...rest } = options;
  client = createLlmClient(
    { apiKey: SECRET, baseURL: baseURL ?? server.url, model: "fake" },
    { maxRetries: 1, timeoutMs: 1500, ...rest },
  );
  return client;
};

/** The fake model reads a message as the offline reader does, so interviews move as they would. */
const candidateText = (prompt: string) => /<candidate>\n([\s\S]*?)\n<\/candidate>/.exec(prompt)?.[1] ?? "";

beforeAll(async () => {
  server = await startFakeLlmServer();
  database = await openTestDatabase();
  useClient();
  const deps: InterviewerDependencies = {
    judge: recorded((input) => createLlmJudge(client)(input)),
    phrase: recorded((request, onToken) => createModelPhraser(client)(request, onToken)),
    understand: recorded((message) => createModelUnderstander(client)(message)),
    reviewDiagram: null,
    readDiagram: null,
    runCheck: null,
    factSimilarity: null,
    retrieve: async () => [],
    scoreTranscript: (t) => scoreTranscript(t, { library: getScenarioLibrary() }),
  };
  await getInterviewerGraph(database, deps);
});
afterAll(async () => {
  await database.close();
  await server.close();
});
beforeEach(() => {
  errors = [];
  server.clearFaults();
  server.requests.length = 0;
  server.setRules([
    { when: "sentence by sentence", reply: (prompt) => JSON.stringify(understandOffline(candidateText(prompt))) },
    { when: "Target level", reply: '{"items": []}' },
    { when: "Move: ", reply: "MODEL SAYS: tell me more about how you would measure that." },
  ]);
});

/** Opens an interview on a healthy server, then sends one answer while `fault` is served. */
async function turnUnder(faults: Fault | Fault[] | null, { modelOpens = true } = {}) {
  const opened = await startInterview(database, { scenarioId: "news-feed", level: "senior" });
  if (modelOpens) expect(opened.turns[0]?.content).toMatch(/^MODEL SAYS/);
  server.requests.length = 0;
  for (const fault of [faults ?? []].flat()) server.injectFault(fault);
  const events: InterviewEvent[] = [];
  const started = Date.now();
  const after = await sendCandidateMessage(
    database,
    { interviewId: opened.id, messageId: randomUUID(), content: ANSWER },
    (e) => events.push(e),
  );
  const elapsedMs = Date.now() - started;
  server.clearFaults();
  return { after, events, elapsedMs, stored: await getInterviewView(database, opened.id) };
}

/** The turn completed offline, with the calm notice, nothing lost or doubled, and nothing private shown. */
function expectCalmOfflineTurn({ after, events, stored }: Awaited<ReturnType<typeof turnUnder>>) {
  for (const view of [after, stored]) {
    expect(view.status).toBe("active");
    expect(view.turns.filter((t) => t.role === "candidate").map((t) => t.content)).toEqual([ANSWER]);
    expect(view.turns.filter((t) => t.role === "interviewer")).toHaveLength(2);
    const reply = view.turns.at(-1);
    expect(reply?.role).toBe("interviewer");
    expect(reply?.notice).toBe(MODEL_UNAVAILABLE_NOTICE);
    expect(reply?.content).not.toMatch(/^MODEL SAYS/);
    expect(reply?.content.trim().length).toBeGreaterThan(10);
  }
  expect(stored.turns).toEqual(after.turns);
  const streamed = events.flatMap((e) => (e.type === "token" ? [e.token] : [])).join("");
  expect(streamed.endsWith(after.turns.at(-1)?.content ?? "?")).toBe(true);
  expectNothingPrivate(after, stored, events);
}

function expectNothingPrivate(...shown: Array<InterviewView | InterviewEvent[]>) {
  const text = JSON.stringify(shown);
  expect(text).not.toContain(SECRET);
  for (const fragment of PROMPT_TEXT) expect(text).not.toContain(fragment);
  expect(text).not.toMatch(/\bat \S+ \(?\S+:\d+:\d+\)?|node_modules|\b\w*Error\b/);
}

const served = (kind: Fault["kind"]) => server.requests.filter((r) => r.fault === kind);

const FAULTS: Array<[string, Fault, LlmClientOptions]> = [
  ["a 429 without Retry-After", { kind: "status", status: 429, times: 100 }, {}],
  ["a 429 whose short Retry-After persists", { kind: "retry-after", seconds: 1, times: 100 }, {}],
  ["a 429 with a long Retry-After", { kind: "retry-after", seconds: 30, times: 100 }, {}],
  ["a 500", { kind: "status", status: 500, times: 100 }, {}],
  ["a 503", { kind: "status", status: 503, times: 100 }, {}],
  ["a dropped connection", { kind: "reset", times: 100 }, {}],
  ["a stall", { kind: "hang", times: 100 }, { timeoutMs: 300, maxRetries: 0 }],
  ["malformed JSON", { kind: "malformed", times: 100 }, {}],
  ["a tool call with schema-invalid arguments", { kind: "bad-tool-args", times: 100 }, {}],
  ["a reply cut mid-token", { kind: "cut-stream", times: 100 }, {}],
  ["an empty reply", { kind: "empty", times: 100 }, {}],
];

describe("each model fault on its own client", () => {
  it.each(FAULTS)("answers offline with a calm notice after %s, losing nothing", async (_name, fault, options) => {
    useClient(options);
    const turn = await turnUnder(fault);
    expect(served(fault.kind).length).toBeGreaterThan(0);
    expectCalmOfflineTurn(turn);
  });

  it("retries a 500 and a 503 and the model still answers the turn", async () => {
    useClient({ maxRetries: 2 });
    const turn = await turnUnder([
      { kind: "status", status: 500, times: 1 },
      { kind: "status", status: 503, times: 1 },
    ]);
    expect(served("status")).toHaveLength(2);
    expect(turn.after.turns.at(-1)?.content).toMatch(/^MODEL SAYS/);
    expect(turn.after.turns.at(-1)?.notice).toBeUndefined();
  });

  it("honours a short Retry-After: waits as long as asked, then the model answers", async () => {
    useClient();
    const turn = await turnUnder({ kind: "retry-after", seconds: 1, times: 1 });
    const [limited, retried] = server.requests;
    expect(limited?.fault).toBe("retry-after");
    expect(retried?.fault).toBeUndefined();
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(turn.after.turns.at(-1)?.content).toMatch(/^MODEL SAYS/);
    expect(turn.after.turns.at(-1)?.notice).toBeUndefined();
  });

  it("does not wait out a long Retry-After: one request, an open breaker, an offline turn at once", async () => {
    useClient({ maxRetries: 2 });
    const turn = await turnUnder({ kind: "retry-after", seconds: 30, times: 100 });
    expect(served("retry-after")).toHaveLength(1);
    expect(server.requests).toHaveLength(1);
    expect(client.breaker.state).toBe("open");
    expect(turn.elapsedMs).toBeLessThan(5000);
    expectCalmOfflineTurn(turn);
  });

  it("times a stalled server out at the client's timeout, which abandons the request", async () => {
    useClient({ timeoutMs: 300, maxRetries: 0 });
    const turn = await turnUnder({ kind: "hang", times: 100 });
    expect(served("hang").length).toBeGreaterThan(0);
    await expect.poll(() => served("hang").every((r) => r.abandoned)).toBe(true);
    expect(errors.some((e) => e instanceof APIConnectionTimeoutError)).toBe(true);
    expect(turn.elapsedMs).toBeLessThan(300 * served("hang").length + 3000);
    expectCalmOfflineTurn(turn);
  });

  it("answers offline when nothing listens on the model's port", async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    useClient({ baseURL: `http://127.0.0.1:${port}/v1` });
    const opened = await startInterview(database, { scenarioId: "news-feed", level: "senior" });
    const events: InterviewEvent[] = [];
    const after = await sendCandidateMessage(
      database,
      { interviewId: opened.id, messageId: randomUUID(), content: ANSWER },
      (e) => events.push(e),
    );
    expect(server.requests).toHaveLength(0);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => e instanceof APIConnectionError)).toBe(true);
    // The opening turn was offline too; the answer's turn is what this test is about.
    expect(opened.turns[0]?.notice).toBe(MODEL_UNAVAILABLE_NOTICE);
    expectCalmOfflineTurn({ after, events, elapsedMs: 0, stored: await getInterviewView(database, opened.id) });
  });
});

describe("every model fault in sequence on one client", () => {
  it("reaches the server once the breaker lets a trial through, and recovers when the server does", async () => {
    let now = 0;
    const breaker = new CircuitBreaker(3, 1000, () => now);
    useClient({ breaker, timeoutMs: 400 });
    for (const [name, fault] of FAULTS) {
      // Past any cooldown (and the long Retry-After's 30 s): the breaker is closed or half-open.
      now += 60_000;
      expect(breaker.state, name).not.toBe("open");
      const turn = await turnUnder(fault);
      expect(served(fault.kind).length, name).toBeGreaterThan(0);
      expectCalmOfflineTurn(turn);
      expect(breaker.state, name).toBe("open");
    }
    // Still open: the next turn does not even try the server.
    const quiet = await turnUnder(null, { modelOpens: false });
    expect(server.requests).toHaveLength(0);
    expectCalmOfflineTurn(quiet);
    now += 60_000;
    const healthy = await turnUnder(null);
    expect(healthy.after.turns.at(-1)?.content).toMatch(/^MODEL SAYS/);
    expect(healthy.after.turns.at(-1)?.notice).toBeUndefined();
    expect(breaker.state).toBe("closed");
  });
});
