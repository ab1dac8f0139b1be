import { type APIRequestContext, type APIResponse, expect, request as playwrightRequest, test } from "@playwright/test";

/** A browser identity of its own (the first request gets the cookie). */
async function person(baseURL: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  expect((await context.get("/api/health")).status()).toBe(200);
  return context;
}

async function errorOf(response: APIResponse, status: number): Promise<string> {
  expect(response.status()).toBe(status);
  const body = (await response.json()) as { error: { message: string } };
  return body.error.message;
}

test("round routes check seats and input, and keep peer scores private until the round ends", async ({ baseURL }) => {
  if (!baseURL) throw new Error("no baseURL");
  const [host, grace, linus, stranger] = await Promise.all([
    person(baseURL),
    person(baseURL),
    person(baseURL),
    person(baseURL),
  ]);
  const room = await (
    await host.post("/api/rooms", { data: { title: "Round API", scenarioId: null, displayName: "Ada" } })
  ).json();
  const { token } = await (await host.post(`/api/rooms/${room.id}/invites`, { data: { days: 1 } })).json();
  const graceId = (await (await grace.post("/api/rooms/join", { data: { token, displayName: "Grace" } })).json())
    .viewerId;
  const linusId = (await (await linus.post("/api/rooms/join", { data: { token, displayName: "Linus" } })).json())
    .viewerId;
  const rounds = `/api/rooms/${room.id}/rounds`;

  // A room that chooses per round needs a scenario; bad ids are 400s with a sentence; only the host starts.
  expect(
    await errorOf(await host.post(rounds, { data: { candidateId: graceId, interviewerId: null } }), 400),
  ).toContain("Choose a scenario");
  expect(await errorOf(await host.post(rounds, { data: { candidateId: "me", interviewerId: null } }), 400)).toContain(
    "not a member id",
  );
  const start = { candidateId: graceId, interviewerId: null, scenarioId: "video-recommendation" };
  expect((await linus.post(rounds, { data: start })).status()).toBe(403);
  expect((await stranger.post(rounds, { data: start })).status()).toBe(404);
  const started = await host.post(rounds, { data: start });
  expect(started.status()).toBe(201);
  const round = await started.json();
  expect(round).toMatchObject({ number: 1, status: "running", seat: "observer", panel: null, peerReport: null });
  expect((await host.post(rounds, { data: start })).status()).toBe(409);
  const at = `${rounds}/${round.id}`;

  // Only the candidate (and a member interviewer) write; the candidate does not score.
  const answer = { id: crypto.randomUUID(), content: "How many daily active users do we serve, and what latency?" };
  expect((await linus.post(`${at}/messages`, { data: { id: crypto.randomUUID(), content: "hi" } })).status()).toBe(403);
  expect((await grace.post(`${at}/messages`, { data: { id: "not-a-uuid", content: "hi" } })).status()).toBe(400);
  expect((await grace.post(`${at}/messages`, { data: answer })).status()).toBe(200);
  const item = round.rubric[0].items[0].id as string;
  const sheet = (quote: string | null) => ({
    step: "clarify-requirements",
    items: [{ rubricId: item, ticked: true, quote, quoteMessageId: quote ? answer.id : null }],
  });
  expect((await grace.put(`${at}/scores`, { data: sheet(null) })).status()).toBe(403);
  expect(await errorOf(await linus.put(`${at}/scores`, { data: sheet("words Grace never wrote") }), 400)).toContain(
    "own words",
  );
  expect((await linus.put(`${at}/scores`, { data: sheet("How many daily active users") })).status()).toBe(200);
  expect(
    await errorOf(await linus.post(`${at}/comments`, { data: { messageId: answer.id, body: "a\u0007b" } }), 400),
  ).toContain("control characters");
  expect(
    (await linus.post(`${at}/comments`, { data: { messageId: answer.id, body: "Sharp question" } })).status(),
  ).toBe(201);
  expect(
    (await linus.post(`${at}/notes`, { data: { messageId: answer.id, body: "line one\nline two" } })).status(),
  ).toBe(201);

  // Private until the end: the candidate sees no scores and no comments; strangers see nothing at all.
  const before = await (await grace.get(at)).json();
  expect(before.comments).toEqual([]);
  expect(before.peerReport).toBeNull();
  expect((await stranger.get(at)).status()).toBe(404);
  expect((await stranger.get(`${at}/events`)).status()).toBe(404);
  expect((await host.get(`${at}/events?after=-1`)).status()).toBe(400);

  expect((await linus.post(`${at}/end`)).status()).toBe(403);
  const ended = await (await grace.post(`${at}/end`)).json();
  expect(ended.status).toBe("ended");
  expect(ended.peerReport.scorers.map((s: { displayName: string }) => s.displayName)).toEqual(["Linus"]);
  expect(ended.comments.map((c: { body: string }) => c.body)).toEqual(["Sharp question"]);
  expect(ended.myNotes).toEqual([]);
  const notes = (await (await linus.get("/api/rooms/notes")).json()).notes;
  expect(notes.map((n: { body: string; roomTitle: string }) => [n.body, n.roomTitle])).toEqual([
    ["line one\nline two", "Round API"],
  ]);
  expect(linusId).toBeTruthy();
  await Promise.all([host, grace, linus, stranger].map((c) => c.dispose()));
});
