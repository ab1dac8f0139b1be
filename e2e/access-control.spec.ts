import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import { createSampleRoom, type SampleRoom } from "./fixtures/sample-room";

/**
 * Nobody reads or changes what is not theirs: a table of every route and event stream that
 * holds someone's data, each called by another identity, a tampered cookie and a forged one.
 * Each must answer exactly like a missing thing (404), and change nothing, which the owner then
 * checks. Links that expired or were revoked are dead.
 */

const COOKIE = "probe_uid";

interface Owned {
  interviewId: string;
  shareToken: string;
  room: SampleRoom;
  roundMessageId: string;
}

interface Probe {
  name: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: (o: Owned) => string;
  body?: (o: Owned) => unknown;
}

const round = (o: Owned) => `/api/rooms/${o.room.roomId}/rounds/${o.room.runningRound}`;
const ended = (o: Owned) => `/api/rooms/${o.room.roomId}/rounds/${o.room.endedRound}`;

/** Every route that reads or writes something one identity owns. */
const PROBES: Probe[] = [
  { name: "read an interview", method: "GET", path: (o) => `/api/interviews/${o.interviewId}` },
  { name: "export a transcript", method: "GET", path: (o) => `/api/interviews/${o.interviewId}/export` },
  { name: "watch an interview", method: "GET", path: (o) => `/api/interviews/${o.interviewId}/events` },
  { name: "read a diagram", method: "GET", path: (o) => `/api/interviews/${o.interviewId}/diagram` },
  {
    name: "draw over a diagram",
    method: "PUT",
    path: (o) => `/api/interviews/${o.interviewId}/diagram`,
    body: () => ({ scene: { type: "excalidraw", elements: [] } }),
  },
  {
    name: "answer in an interview",
    method: "POST",
    path: (o) => `/api/interviews/${o.interviewId}/messages`,
    body: () => ({ id: randomUUID(), content: "hijacked answer" }),
  },
  {
    name: "share an interview",
    method: "POST",
    path: (o) => `/api/interviews/${o.interviewId}/shares`,
    body: () => ({ days: 7 }),
  },
  { name: "delete an interview", method: "DELETE", path: (o) => `/api/interviews/${o.interviewId}` },
  { name: "revoke a share link", method: "DELETE", path: (o) => `/api/shares/${o.shareToken}` },
  { name: "read a room", method: "GET", path: (o) => `/api/rooms/${o.room.roomId}` },
  { name: "watch a room", method: "GET", path: (o) => `/api/rooms/${o.room.roomId}/events` },
  { name: "invite to a room", method: "POST", path: (o) => `/api/rooms/${o.room.roomId}/invites`, body: () => ({}) },
  {
    name: "revoke a room's link",
    method: "DELETE",
    path: (o) => `/api/rooms/${o.room.roomId}/invites/${o.room.inviteToken}`,
  },
  { name: "close a room", method: "POST", path: (o) => `/api/rooms/${o.room.roomId}/close` },
  {
    name: "take a room over",
    method: "PUT",
    path: (o) => `/api/rooms/${o.room.roomId}/host`,
    body: () => ({ userId: randomUUID() }),
  },
  {
    name: "remove a member",
    method: "DELETE",
    path: (o) => `/api/rooms/${o.room.roomId}/members/${randomUUID()}`,
  },
  {
    name: "start a round",
    method: "POST",
    path: (o) => `/api/rooms/${o.room.roomId}/rounds`,
    body: () => ({ candidateId: randomUUID(), interviewerId: null, scenarioId: "news-feed" }),
  },
  { name: "read a round", method: "GET", path: round },
  { name: "read an ended round's scores", method: "GET", path: ended },
  { name: "watch a round", method: "GET", path: (o) => `${round(o)}/events` },
  {
    name: "speak in a round",
    method: "POST",
    path: (o) => `${round(o)}/messages`,
    body: () => ({ id: randomUUID(), content: "hijacked question" }),
  },
  {
    name: "move a round's step",
    method: "PUT",
    path: (o) => `${round(o)}/step`,
    body: () => ({ step: "frame-problem" }),
  },
  {
    name: "score a round",
    method: "PUT",
    path: (o) => `${round(o)}/scores`,
    body: () => ({ step: "clarify-requirements", items: [] }),
  },
  {
    name: "comment in a round",
    method: "POST",
    path: (o) => `${ended(o)}/comments`,
    body: (o) => ({ messageId: o.roundMessageId, body: "hijacked comment" }),
  },
  {
    name: "note in a round",
    method: "POST",
    path: (o) => `${ended(o)}/notes`,
    body: () => ({ messageId: null, body: "hijacked note" }),
  },
  { name: "end a round", method: "POST", path: (o) => `${round(o)}/end` },
];

async function call(context: APIRequestContext, probe: Probe, owned: Owned, headers: Record<string, string> = {}) {
  return context.fetch(probe.path(owned), {
    method: probe.method,
    headers: { "content-type": "application/json", ...headers },
    ...(probe.body ? { data: probe.body(owned) } : {}),
    timeout: 15_000,
  });
}

let owner: APIRequestContext;
let owned: Owned;
let ownerCookie = "";

test.beforeAll(async ({ baseURL }) => {
  owner = await playwrightRequest.newContext({ baseURL });
  const started = await owner.post("/api/interviews", { data: { scenarioId: "news-feed", level: "senior" } });
  expect(started.status()).toBe(201);
  const interviewId = (await started.json()).id as string;
  const share = await (await owner.post(`/api/interviews/${interviewId}/shares`, { data: { days: 7 } })).json();
  const room = await createSampleRoom(owner);
  const endedRound = await (await owner.get(`/api/rooms/${room.roomId}/rounds/${room.endedRound}`)).json();
  const roundMessageId = endedRound.interview.turns.find((t: { role: string }) => t.role === "candidate").id;
  owned = { interviewId, shareToken: share.token, room, roundMessageId };
  const state = await owner.storageState();
  ownerCookie = state.cookies.find((c) => c.name === COOKIE)?.value ?? "";
  expect(ownerCookie).toContain(".");
});

test.afterAll(async () => owner.dispose());

/** What the owner sees of their things, to prove nothing changed. */
async function ownersView() {
  const interview = await (await owner.get(`/api/interviews/${owned.interviewId}`)).json();
  const room = await (await owner.get(`/api/rooms/${owned.room.roomId}`)).json();
  const running = await (await owner.get(`/api/rooms/${owned.room.roomId}/rounds/${owned.room.runningRound}`)).json();
  const endedRound = await (await owner.get(`/api/rooms/${owned.room.roomId}/rounds/${owned.room.endedRound}`)).json();
  const shares = await (await owner.get("/api/shares")).json();
  const diagram = await (await owner.get(`/api/interviews/${owned.interviewId}/diagram`)).json();
  return {
    turns: interview.turns.length,
    diagram: [diagram.revision, diagram.scene?.elements.length ?? null],
    room: [room.status, room.hostUserId, room.members.length, room.rounds.length],
    running: [running.status, running.interview.turns.length, running.interview.currentStep],
    comments: endedRound.comments.length,
    shares: shares.shares.length,
  };
}

for (const [who, cookieOf] of [
  ["another identity", () => null],
  // The owner's id with its signature altered: the server must not believe it.
  ["a tampered cookie", () => `${ownerCookie.slice(0, -2)}${ownerCookie.endsWith("A") ? "B" : "A"}A`],
  // The owner's id with no signature, or someone else's valid-looking shape.
  ["a forged cookie", () => `${ownerCookie.split(".")[0]}.${"x".repeat(43)}`],
] as const) {
  test(`${who} gets 404 for every route of someone else's interview, shares, room and rounds, and changes nothing`, async ({
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const before = await ownersView();
    const cookie = cookieOf();
    const stranger = await playwrightRequest.newContext({
      baseURL,
      ...(cookie ? { extraHTTPHeaders: { cookie: `${COOKIE}=${cookie}` } } : {}),
    });
    const failures: string[] = [];
    for (const probe of PROBES) {
      const response = await call(stranger, probe, owned);
      if (response.status() !== 404) {
        failures.push(`${probe.name}: ${probe.method} ${probe.path(owned)} answered ${response.status()}`);
      }
    }
    // Pages answer like missing ones too.
    for (const page of [
      `/interview/${owned.interviewId}`,
      `/rooms/${owned.room.roomId}`,
      `/rooms/${owned.room.roomId}/rounds/${owned.room.endedRound}`,
    ]) {
      const status = (await stranger.get(page)).status();
      if (status !== 404) failures.push(`page ${page} answered ${status}`);
    }
    // A stranger's own lists hold none of the owner's things.
    expect((await (await stranger.get("/api/shares")).json()).shares).toEqual([]);
    expect((await (await stranger.get("/api/rooms")).json()).rooms).toEqual([]);
    expect((await (await stranger.get("/api/rooms/notes")).json()).notes).toEqual([]);
    await stranger.dispose();
    expect(failures, failures.join("\n")).toEqual([]);
    expect(await ownersView()).toEqual(before);
  });
}

test("links that were revoked are dead, and the owner's own requests still work", async ({ baseURL }) => {
  const visitor = await playwrightRequest.newContext({ baseURL });
  expect((await visitor.get(`/s/${owned.shareToken}`)).status()).toBe(200);
  const extra = await (await owner.post(`/api/interviews/${owned.interviewId}/shares`, { data: { days: 1 } })).json();
  expect((await owner.delete(`/api/shares/${extra.token}`)).status()).toBe(204);
  expect((await visitor.get(`/s/${extra.token}`)).status()).toBe(404);
  const invite = await (await owner.post(`/api/rooms/${owned.room.roomId}/invites`, { data: { days: 1 } })).json();
  expect((await owner.delete(`/api/rooms/${owned.room.roomId}/invites/${invite.token}`)).status()).toBe(204);
  const join = await visitor.post("/api/rooms/join", { data: { token: invite.token, displayName: "Eve" } });
  expect(join.status()).toBe(404);
  await visitor.dispose();
});
