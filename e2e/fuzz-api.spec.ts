import { randomUUID } from "node:crypto";
import http from "node:http";
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import fc from "fast-check";
import { type Fixture, type FuzzCase, ROUTES } from "./fuzz/routes";

/**
 * Bad input never causes a 5xx: every route under app/api, every method, gets at least
 * CASES_PER_ROUTE generated requests (mutated bodies from its schema's shape, any JSON, malformed
 * JSON, bodies over the size limit, NUL and control characters, lone surrogates, RTL and
 * zero-width marks, emoji, very long strings, prototype names as keys and path parameters, and
 * malformed percent-encoding). Each answer must be below 500, and a 4xx must be JSON with
 * `error.code` and a sentence in `error.message`. Nothing may be stored by a batch that got only
 * 4xx answers: the identity's interview, shares, rooms, room and notes read the same before and
 * after it. Run with FUZZ_SEED=<n> to replay a failure; the seed is printed.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_205);
const CASES_PER_ROUTE = Number(process.env.FUZZ_CASES ?? 1_000);
/** Requests in flight at once: enough to keep the server busy, few enough to keep answers quick. */
const BATCH = 50;

let api: APIRequestContext;
let fixture: Fixture;

async function json(response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<unknown> {
  expect(response.status(), await response.text()).toBeLessThan(300);
  return response.json();
}

/** What no 4xx may change, read through the API as this identity. */
async function storedState(): Promise<string> {
  const [interview, shares, rooms, room, notes] = await Promise.all([
    api.get(`/api/interviews/${fixture.interviewId}`).then(json),
    api.get("/api/shares").then(json),
    api.get("/api/rooms").then(json),
    api.get(`/api/rooms/${fixture.roomId}`).then(json),
    api.get("/api/rooms/notes").then(json),
  ]);
  const view = interview as { turns: unknown[]; status: string; currentStep: string };
  return JSON.stringify({
    turns: view.turns.length,
    status: view.status,
    step: view.currentStep,
    shares: (shares as { shares: unknown[] }).shares.length,
    rooms: (rooms as { rooms: unknown[] }).rooms.length,
    room,
    notes: (notes as { notes: unknown[] }).notes.length,
  });
}

function describeCase(c: FuzzCase): string {
  const body =
    c.body === undefined
      ? ""
      : ` body ${JSON.stringify(c.body.length > 300 ? `${c.body.slice(0, 300)}… (${c.body.length} chars)` : c.body)}`;
  return `${c.method} ${c.path.length > 300 ? `${c.path.slice(0, 300)}…` : c.path}${body}`;
}

/** Sends one case; returns its status after checking the answer's shape. */
async function send(c: FuzzCase): Promise<number> {
  const response = await api.fetch(c.path, {
    method: c.method,
    headers: { "content-type": "application/json" },
    ...(c.body === undefined ? {} : { data: c.body }),
    maxRedirects: 0,
    timeout: 30_000,
  });
  const status = response.status();
  const text = await response.text();
  if (status >= 500) throw new Error(`${describeCase(c)} answered ${status}: ${text.slice(0, 500)}`);
  if (status >= 400) {
    let error: { code?: unknown; message?: unknown } | undefined;
    try {
      error = (JSON.parse(text) as { error?: typeof error }).error;
    } catch {
      throw new Error(`${describeCase(c)} answered ${status} without JSON: ${text.slice(0, 300)}`);
    }
    const ok = typeof error?.code === "string" && error.code.length > 0 && typeof error.message === "string";
    if (!ok || !/\S/.test(String(error?.message))) {
      throw new Error(`${describeCase(c)} answered ${status} without error.code and a sentence: ${text.slice(0, 300)}`);
    }
  }
  return status;
}

test.describe("fuzzing every API route", () => {
  test.beforeAll(async ({ baseURL }) => {
    api = await playwrightRequest.newContext({ baseURL });
    expect((await api.get("/api/health")).status()).toBe(200);
    const interview = (await json(
      await api.post("/api/interviews", { data: { scenarioId: "video-recommendation" } }),
    )) as { id: string };
    const room = (await json(
      await api.post("/api/rooms", {
        data: { title: "Fuzz club", displayName: "Ada", scenarioId: "video-recommendation" },
      }),
    )) as { id: string };
    fixture = { interviewId: interview.id, roomId: room.id };
    console.log(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED}), ${CASES_PER_ROUTE} cases per route`);
  });

  test.afterAll(async () => api.dispose());

  test("a streamed reply that fails before its first event answers with its real status and JSON", async () => {
    const accept = { accept: "application/x-ndjson", "content-type": "application/json" };
    const missing = await api.post(`/api/interviews/${randomUUID()}/messages`, {
      headers: accept,
      data: { id: randomUUID(), content: "Hello" },
    });
    expect(missing.status()).toBe(404);
    expect(missing.headers()["content-type"]).toContain("application/json");
    expect((await missing.json()).error.code).toBe("not_found:interview");
    const run = await api.post("/api/pipelines/ann", { headers: accept, data: { n: 500_000, efSweep: [2_048] } });
    expect(run.status()).toBe(400);
    expect((await run.json()).error.message).toContain("n must be at most 100,000 on this machine");
    for (const name of ["constructor", "__proto__", "toString"]) {
      const unknown = await api.post(`/api/pipelines/${name}`, { data: {} });
      expect(unknown.status(), name).toBe(404);
    }
  });

  test("a chunked body without Content-Length is cut off at the limit with a 413", async ({ baseURL }) => {
    const url = new URL("/api/me", baseURL);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        url,
        { method: "PATCH", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } },
        (response) => {
          let body = "";
          response.on("data", (chunk) => {
            body += chunk;
          });
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      request.on("error", reject);
      // 1.15 MB in 64 KB chunks: over the 1 MB limit, with no Content-Length to give it away.
      request.write('{"displayName":"');
      for (let i = 0; i < 18; i += 1) request.write("x".repeat(64 * 1024));
      request.end('"}');
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error).toEqual({
      code: "too_large:body",
      message: "The request body can be at most 1 MB.",
    });
  });

  for (const route of ROUTES) {
    test(route.name, async () => {
      test.setTimeout(120_000);
      const statuses = new Map<number, number>();
      let checkedBatches = 0;
      let known: string | undefined;
      await fc.assert(
        fc.asyncProperty(fc.array(route.cases(fixture), { minLength: BATCH, maxLength: BATCH }), async (batch) => {
          // What a batch of 4xx left is what the next batch starts from: read it once, not twice.
          const before = known ?? (await storedState());
          const answered = await Promise.all(batch.map(send));
          for (const status of answered) statuses.set(status, (statuses.get(status) ?? 0) + 1);
          known = undefined;
          if (answered.every((status) => status >= 400)) {
            const after = await storedState();
            expect(after, "a batch of 4xx answers changed what is stored").toBe(before);
            known = after;
            checkedBatches += 1;
          }
        }),
        { seed: SEED, numRuns: Math.ceil(CASES_PER_ROUTE / BATCH), endOnFailure: true, verbose: 1 },
      );
      const total = [...statuses.values()].reduce((a, b) => a + b, 0);
      console.log(
        `${route.name}: ${total} cases, statuses ${JSON.stringify(Object.fromEntries(statuses))}, nothing stored in ${checkedBatches} all-4xx batches`,
      );
      expect(total).toBeGreaterThanOrEqual(CASES_PER_ROUTE);
    });
  }
});
