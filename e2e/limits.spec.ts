import http from "node:http";
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";

/**
 * Every size limit over HTTP, at its exact boundary: the maximum is answered 2xx, one more is a
 * 4xx naming the limit, and nothing is stored. Oversized bodies are refused while they are still
 * arriving. The schema side of each limit is in lib/http/limits.test.ts.
 */

const MB = 1024 * 1024;
const EMOJI = "🙂"; // One code point (what message and turn limits count), four UTF-8 bytes.
const JSON_HEADERS = { "content-type": "application/json" };

/** A fresh identity: the first request gets its cookie. */
async function person(baseURL: string | undefined): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  expect((await context.get("/api/health")).status()).toBe(200);
  return context;
}

/** `value` as JSON followed by spaces up to exactly `bytes` bytes: still valid JSON, so the body size alone is tested. */
function padded(value: unknown, bytes: number): string {
  const json = JSON.stringify(value);
  const size = Buffer.byteLength(json);
  expect(size).toBeLessThanOrEqual(bytes);
  return json + " ".repeat(bytes - size);
}

const TRANSCRIPT = {
  scenarioId: "video-recommendation",
  turns: [
    { role: "interviewer", content: "What would you optimise?" },
    { role: "candidate", content: "Watch time per session, because clicks reward clickbait." },
  ],
};
const IMPORT_TEXT = "Interviewer: What would you optimise?\nCandidate: Watch time, because clicks reward clickbait.\n";

/** How many attempts the history page lists for this identity (imports included). */
async function attempts(api: APIRequestContext): Promise<number> {
  const html = await (await api.get("/history")).text();
  return new Set(html.match(/\/interview\/[0-9a-f-]{36}/g) ?? []).size;
}

test("a message of 8,000 characters is answered; 8,001 is refused and not stored", async ({ baseURL }) => {
  const api = await person(baseURL);
  const started = await api.post("/api/interviews", { data: { scenarioId: "video-recommendation" } });
  expect(started.status()).toBe(201);
  const { id } = await started.json();
  const send = (content: string) =>
    api.post(`/api/interviews/${id}/messages`, { data: { id: crypto.randomUUID(), content } });
  // 8,000 code points (8,001 UTF-16 units): the emoji counts once.
  expect((await send(`${"x".repeat(7999)}${EMOJI}`)).status()).toBe(200);
  const turns = (await (await api.get(`/api/interviews/${id}`)).json()).turns.length;
  const over = await send(`${"x".repeat(8000)}${EMOJI}`);
  expect(over.status()).toBe(400);
  expect((await over.json()).error).toEqual({
    code: "bad_request:input",
    message: "content: a message can be at most 8000 characters",
  });
  expect((await (await api.get(`/api/interviews/${id}`)).json()).turns.length).toBe(turns);
  await api.dispose();
});

test("POST /api/score takes 2,000 turns of 20,000 characters at most", async ({ baseURL }) => {
  const api = await person(baseURL);
  const turns = (count: number, content: string) =>
    Array.from({ length: count }, (_, i) => ({ role: i % 2 ? "candidate" : "interviewer", content }));
  const score = (value: unknown) => api.post("/api/score", { data: value });
  expect((await score({ ...TRANSCRIPT, turns: turns(2000, "Watch time.") })).status()).toBe(200);
  const tooMany = await score({ ...TRANSCRIPT, turns: turns(2001, "Watch time.") });
  expect(tooMany.status()).toBe(400);
  expect((await tooMany.json()).error.message).toBe("turns: a transcript can have at most 2,000 turns");
  expect((await score({ ...TRANSCRIPT, turns: turns(2, `${"x".repeat(19_999)}${EMOJI}`) })).status()).toBe(200);
  const tooLong = await score({ ...TRANSCRIPT, turns: turns(2, "x".repeat(20_001)) });
  expect(tooLong.status()).toBe(400);
  expect((await tooLong.json()).error.message).toContain("a turn can be at most 20,000 characters");
  await api.dispose();
});

test("an import of 500,000 characters is stored; 500,001 is refused and nothing is stored", async ({ baseURL }) => {
  const api = await person(baseURL);
  const text = (length: number) => IMPORT_TEXT + " ".repeat(length - IMPORT_TEXT.length);
  const send = (value: string) =>
    api.post("/api/imports", { data: { scenarioId: "video-recommendation", text: value } });
  expect((await send(text(500_000))).status()).toBe(201);
  expect(await attempts(api)).toBe(1);
  const over = await send(text(500_001));
  expect(over.status()).toBe(400);
  expect((await over.json()).error).toEqual({
    code: "bad_request:import",
    message: "The transcript can be at most 500,000 characters.",
  });
  expect(await attempts(api)).toBe(1);
  await api.dispose();
});

test("a body of exactly the limit is read and one byte more is a 413 naming it, on every limit", async ({
  baseURL,
}) => {
  const api = await person(baseURL);
  const limits = [
    { method: "patch", path: "/api/me", bytes: MB, value: { displayName: "Ada" }, status: 200, named: "1 MB" },
    { method: "post", path: "/api/score", bytes: 8 * MB, value: TRANSCRIPT, status: 200, named: "8 MB" },
    {
      method: "post",
      path: "/api/imports",
      bytes: 3 * MB,
      value: { scenarioId: "video-recommendation", text: IMPORT_TEXT },
      status: 201,
      named: "3 MB",
    },
  ] as const;
  for (const limit of limits) {
    const send = (bytes: number) =>
      api.fetch(limit.path, { method: limit.method, headers: JSON_HEADERS, data: padded(limit.value, bytes) });
    expect((await send(limit.bytes)).status(), limit.path).toBe(limit.status);
    const before = await attempts(api);
    const over = await send(limit.bytes + 1);
    expect(over.status(), limit.path).toBe(413);
    expect((await over.json()).error).toEqual({
      code: "too_large:body",
      message: `The request body can be at most ${limit.named}.`,
    });
    expect(await attempts(api), limit.path).toBe(before);
  }
  await api.dispose();
});

/**
 * Sends a chunked body (no Content-Length) in 64 KB chunks every 10 ms, up to `limit + 1 MB`,
 * without ending it; if no answer has come 3 s later, ends it and waits for the answer. Says
 * whether the answer came while the upload was still open.
 */
function sendSlowly(url: URL, method: string, prefix: string, limit: number) {
  return new Promise<{ status: number; body: string; answeredBeforeEnd: boolean }>((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const request = http.request(url, { method, headers: { ...JSON_HEADERS, "transfer-encoding": "chunked" } });
    request.on("response", (response) => {
      answered = true;
      const answeredBeforeEnd = !request.writableEnded;
      let body = "";
      response.on("data", (chunk) => {
        body += chunk;
      });
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, body, answeredBeforeEnd });
        request.destroy();
      });
    });
    // Once answered, the server may close its side mid-upload: that is the point, not a failure.
    request.on("error", (error) => (answered ? undefined : reject(error)));
    const chunk = "x".repeat(64 * 1024);
    const pump = async () => {
      request.write(prefix);
      sent += Buffer.byteLength(prefix);
      while (!answered && sent < limit + MB) {
        if (!request.write(chunk)) await new Promise((drained) => request.once("drain", drained));
        sent += chunk.length;
        await new Promise((wait) => setTimeout(wait, 10));
      }
      await new Promise((wait) => setTimeout(wait, 3000));
      if (!answered) request.end();
    };
    pump().catch(reject);
  });
}

const SLOW_ROUTES = [
  { method: "PATCH", path: "/api/me", prefix: '{"displayName":"', limit: MB, named: "1 MB" },
  {
    method: "POST",
    path: "/api/score",
    prefix: '{"scenarioId":"video-recommendation","turns":[',
    limit: 8 * MB,
    named: "8 MB",
  },
];

for (const route of SLOW_ROUTES) {
  test(`${route.method} ${route.path}: a slow chunked body over ${route.named} is a 413 naming the limit`, async ({
    baseURL,
  }) => {
    const answer = await sendSlowly(new URL(route.path, baseURL), route.method, route.prefix, route.limit);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error).toEqual({
      code: "too_large:body",
      message: `The request body can be at most ${route.named}.`,
    });
  });
}

/**
 * What the limits are for, and what `next start` does not do yet: answer while an oversized
 * upload is still arriving. With a proxy, Next.js 16 holds every response, the proxy's own 413
 * included, until the request body has ended (next-server's runMiddleware awaits the body's
 * `finalize()`), so the 413 comes once the client stops sending. Marked as failing so the suite
 * says so; if Next.js changes this, the test passes unexpectedly and README "Limits" should change.
 */
for (const route of SLOW_ROUTES) {
  test(`${route.method} ${route.path}: an oversized chunked body is answered while still being sent`, async ({
    baseURL,
  }) => {
    test.fail(true, "Next.js 16 answers only after the request body has ended (README, Limits)");
    const answer = await sendSlowly(new URL(route.path, baseURL), route.method, route.prefix, route.limit);
    expect(answer.status).toBe(413);
    expect(answer.answeredBeforeEnd).toBe(true);
  });
}

test("the 20th person joins a room and the 21st is refused with its sentence", async ({ baseURL }) => {
  const host = await person(baseURL);
  const created = await host.post("/api/rooms", {
    data: { title: "Limits club", scenarioId: "video-recommendation", displayName: "Ada" },
  });
  expect(created.status()).toBe(201);
  const room = await created.json();
  const { token } = await (await host.post(`/api/rooms/${room.id}/invites`, { data: { days: 1 } })).json();
  const members: APIRequestContext[] = [];
  for (let i = 2; i <= 21; i++) {
    const member = await person(baseURL);
    members.push(member);
    const joined = await member.post("/api/rooms/join", { data: { token, displayName: `Member ${i}` } });
    if (i <= 20) {
      expect(joined.status(), `member ${i}`).toBe(200);
      continue;
    }
    expect(joined.status()).toBe(409);
    expect((await joined.json()).error).toEqual({
      code: "conflict:room_full",
      message: "This room is full: a room holds at most 20 people.",
    });
    expect((await member.get(`/api/rooms/${room.id}`)).status()).toBe(404);
  }
  expect((await (await host.get(`/api/rooms/${room.id}`)).json()).members).toHaveLength(20);
  await Promise.all([host, ...members].map((context) => context.dispose()));
});
