import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoomView, RoundView } from "@/lib/rooms/types";
import { readSseEvents } from "@/lib/streams/read-stream";
import type { StreamEvent } from "@/lib/streams/stream-event";
import {
  createFreshDatabase,
  freePort,
  kill,
  type Server,
  spawnServer,
  waitForHealth,
} from "@/services/testing/app-servers";

/**
 * A study room across two `next start` processes on one Postgres: members connected to
 * different servers see the same room live. The host (Ada) and Mallory talk to server A, the
 * candidate (Grace) and an observer (Linus) to server B. A round started on A reaches Linus's
 * room stream on B; Grace's answer through B and the AI's reply reach round streams on both
 * servers; the host's removal of Linus on A ends his streams on B at once and shuts him out of
 * both; Mallory's scores and comment written on A stay hidden from Grace on B until the round ends.
 * Runs without a model: the offline interviewer answers.
 */
const adminUrl = process.env.PROBE_TEST_DATABASE_URL;
if (!adminUrl) console.info("rooms.two-servers.test.ts: skipped, PROBE_TEST_DATABASE_URL is unset");

/** No single wait in this file is longer. */
const WAIT_MS = 10_000;
const ANSWER = "We optimise long-term watch time per user, not clicks, and keep the feed fresh within a day.";
const QUOTE = "long-term watch time per user";
const COMMENT = "Good: she named the goal before the model.";

interface Received {
  id: number | null;
  event: StreamEvent;
  at: number;
}

/** An open server-sent event stream being read in the background. */
interface Watched {
  status: number;
  events: Received[];
  /** When the body finished (the server closed it); null while it is open. */
  endedAt: () => number | null;
  /** Resolves with the time the body finished. */
  ended: Promise<number>;
  /** Resolves once an event satisfies `match`, or fails after WAIT_MS. */
  waitFor: (what: string, match: (r: Received) => boolean) => Promise<Received>;
  close: () => void;
}

function deadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function watch(url: string, cookie: string): Promise<Watched> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { cookie, accept: "text/event-stream" }, signal: abort.signal });
  const events: Received[] = [];
  const waiters = new Set<() => void>();
  let endedAt: number | null = null;
  let markEnded: (at: number) => void = () => undefined;
  const ended = new Promise<number>((resolve) => {
    markEnded = resolve;
  });
  const finish = () => {
    endedAt = Date.now();
    markEnded(endedAt);
    for (const wake of waiters) wake();
  };
  if (response.status === 200 && response.body) {
    const body = response.body;
    void (async () => {
      try {
        for await (const { id, event } of readSseEvents(body)) {
          events.push({ id, event, at: Date.now() });
          for (const wake of waiters) wake();
        }
      } catch {
        // Aborted by the test.
      }
      finish();
    })();
  } else {
    await response.body?.cancel();
    finish();
  }
  return {
    status: response.status,
    events,
    endedAt: () => endedAt,
    ended,
    waitFor: (what, match) =>
      deadline(
        new Promise<Received>((resolve, reject) => {
          const check = () => {
            const found = events.find(match);
            if (found) resolve(found);
            else if (endedAt !== null) reject(new Error(`the stream ended before ${what}`));
            else return;
            waiters.delete(check);
          };
          waiters.add(check);
          check();
        }),
        WAIT_MS,
        what,
      ),
    close: () => abort.abort(),
  };
}

async function call<T>(
  server: Server,
  cookie: string,
  method: string,
  route: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : null) as T };
}

/** A fresh anonymous identity: the first request without a cookie is given one. */
async function identity(server: Server): Promise<string> {
  const health = await fetch(`${server.url}/api/health`);
  const cookie = (health.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  expect(cookie).toContain("=");
  return cookie;
}

const isMessage = (role: "candidate" | "interviewer") => (r: Received) =>
  r.event.type === "message" && r.event.turn.role === role;

describe.skipIf(!adminUrl)("a study room across two app servers", () => {
  const servers: Server[] = [];
  const streams: Watched[] = [];
  let database: { url: string; drop: () => Promise<void> };
  let dataDir: string;
  let a: Server;
  let b: Server;
  const cookies = { ada: "", grace: "", linus: "", mallory: "" };
  const ids = { ada: "", grace: "", linus: "", mallory: "" };
  let roomId = "";
  let roundId = "";
  let linusRoom: Watched;
  let linusRound: Watched;
  let malloryRound: Watched;
  let graceMessageId = "";

  beforeAll(async () => {
    database = await createFreshDatabase(adminUrl as string);
    dataDir = mkdtempSync(path.join(tmpdir(), "probe-rooms-two-servers-"));
    const env = { DATABASE_URL: database.url, PROBE_SECRET: randomBytes(24).toString("hex"), PROBE_DATA_DIR: dataDir };
    for (const port of [await freePort(), await freePort()]) servers.push(spawnServer(port, env));
    await Promise.all(servers.map((server) => waitForHealth(server, 120_000)));
    [a, b] = servers as [Server, Server];
    cookies.ada = await identity(a);
    cookies.mallory = await identity(a);
    cookies.grace = await identity(b);
    cookies.linus = await identity(b);
  }, 150_000);

  afterAll(async () => {
    for (const stream of streams) stream.close();
    await Promise.all(servers.map(kill));
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("a round started on one server reaches a member's room stream on the other", async () => {
    const created = await call<RoomView>(a, cookies.ada, "POST", "/api/rooms", {
      title: "Two servers club",
      scenarioId: "video-recommendation",
      displayName: "Ada",
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    roomId = created.json.id;
    ids.ada = created.json.viewerId;
    const invite = await call<{ token: string }>(a, cookies.ada, "POST", `/api/rooms/${roomId}/invites`, { days: 1 });
    expect(invite.status).toBe(201);
    for (const [who, server, name] of [
      ["grace", b, "Grace"],
      ["linus", b, "Linus"],
      ["mallory", a, "Mallory"],
    ] as const) {
      const joined = await call<RoomView>(server, cookies[who], "POST", "/api/rooms/join", {
        token: invite.json.token,
        displayName: name,
      });
      expect(joined.status, JSON.stringify(joined.json)).toBe(200);
      ids[who] = joined.json.viewerId;
    }
    expect(new Set(Object.values(ids)).size).toBe(4);

    // Linus reads the room on B (every join is in it, written by both servers) and watches from there.
    const seen = await call<RoomView>(b, cookies.linus, "GET", `/api/rooms/${roomId}`);
    expect(seen.status).toBe(200);
    expect(seen.json.members.map((m) => m.displayName)).toEqual(["Ada", "Grace", "Linus", "Mallory"]);
    expect(seen.json.currentRoundId).toBeNull();
    linusRoom = await watch(`${b.url}/api/rooms/${roomId}/events?after=${seen.json.eventSeq}`, cookies.linus);
    streams.push(linusRoom);
    expect(linusRoom.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(linusRoom.events).toEqual([]);

    const started = await call<RoundView>(a, cookies.ada, "POST", `/api/rooms/${roomId}/rounds`, {
      candidateId: ids.grace,
      interviewerId: null,
    });
    expect(started.status, JSON.stringify(started.json)).toBe(201);
    roundId = started.json.id;
    expect(started.json).toMatchObject({ status: "running", seat: "observer", interviewer: null });
    expect(started.json.candidate.userId).toBe(ids.grace);

    const event = await linusRoom.waitFor("round-started on B", (r) => r.event.type === "room");
    expect(event.event).toEqual({ type: "room", kind: "round-started", roundId });
    // The first event after the view Linus read: numbered right after it.
    expect(event.id).toBe(seen.json.eventSeq + 1);
    expect(linusRoom.endedAt()).toBeNull();
  }, 30_000);

  it("the candidate's answer through B and the AI's reply reach round streams on both servers", async () => {
    const linusView = await call<RoundView>(b, cookies.linus, "GET", `/api/rooms/${roomId}/rounds/${roundId}`);
    const malloryView = await call<RoundView>(a, cookies.mallory, "GET", `/api/rooms/${roomId}/rounds/${roundId}`);
    expect([linusView.status, malloryView.status]).toEqual([200, 200]);
    expect(linusView.json.seat).toBe("observer");
    // Both servers read the same interview: the AI's opening question, and the same latest event.
    expect(linusView.json.interview.eventSeq).toBe(malloryView.json.interview.eventSeq);
    expect(linusView.json.interview.turns.map((t) => t.role)).toEqual(["interviewer"]);
    const after = linusView.json.interview.eventSeq;
    const eventsPath = `/api/rooms/${roomId}/rounds/${roundId}/events?after=${after}`;
    linusRound = await watch(`${b.url}${eventsPath}`, cookies.linus);
    malloryRound = await watch(`${a.url}${eventsPath}`, cookies.mallory);
    streams.push(linusRound, malloryRound);
    expect([linusRound.status, malloryRound.status]).toEqual([200, 200]);
    await new Promise((resolve) => setTimeout(resolve, 300));

    graceMessageId = randomUUID();
    const sent = await call<RoundView>(b, cookies.grace, "POST", `/api/rooms/${roomId}/rounds/${roundId}/messages`, {
      id: graceMessageId,
      content: ANSWER,
    });
    expect(sent.status, JSON.stringify(sent.json)).toBe(200);
    expect(sent.json.seat).toBe("candidate");
    const stored = sent.json.interview.turns;
    expect(stored.map((t) => t.role)).toEqual(["interviewer", "candidate", "interviewer"]);
    expect(stored[1]).toMatchObject({ id: graceMessageId, content: ANSWER });
    const reply = stored[2]?.content ?? "";
    expect(reply.length).toBeGreaterThan(0);

    for (const [who, stream] of [
      ["Linus on B", linusRound],
      ["Mallory on A", malloryRound],
    ] as const) {
      const answer = await stream.waitFor(`the answer for ${who}`, isMessage("candidate"));
      const replied = await stream.waitFor(`the reply for ${who}`, isMessage("interviewer"));
      expect(answer.event.type === "message" && answer.event.turn).toMatchObject({
        id: graceMessageId,
        role: "candidate",
        content: ANSWER,
      });
      expect(replied.event.type === "message" && replied.event.turn.content).toBe(reply);
      const upToReply = stream.events.slice(0, stream.events.indexOf(replied) + 1);
      // The answer comes first, the reply last; nothing but the reply's words (and steps) between.
      expect(upToReply[0]).toBe(answer);
      const between = upToReply.slice(1, -1).map((r) => r.event.type);
      expect(
        between.every((type) => type === "token" || type === "step" || type === "reset"),
        between.join(),
      ).toBe(true);
      // The offline interviewer streams its draft word by word too (agents/interviewer/speak.ts), so
      // the words come as token events; batched every 25 ms, a whole reply may be one event. Their
      // text joined is exactly the stored reply.
      console.info(`${who}: ${upToReply.map((r) => r.event.type).join(", ")}`);
      const words = upToReply.flatMap((r) => (r.event.type === "token" ? [r.event.token] : []));
      expect(words.length).toBeGreaterThanOrEqual(1);
      expect(words.join("")).toBe(reply);
      // Numbered right after the view the watcher read, one by one: none missed, none twice.
      const seqs = upToReply.map((r) => r.id);
      expect(seqs).toEqual(seqs.map((_, i) => after + 1 + i));
      const all = stream.events.map((r) => r.id ?? 0);
      expect(all.every((id, i) => i === 0 || id > (all[i - 1] ?? 0))).toBe(true);
      expect(stream.events.some((r) => r.event.type === "error")).toBe(false);
    }
    // Both servers sent the same events under the same numbers.
    const upTo = (stream: Watched) =>
      stream.events.slice(0, stream.events.findIndex(isMessage("interviewer")) + 1).map((r) => [r.id, r.event]);
    expect(upTo(linusRound)).toEqual(upTo(malloryRound));
    expect(linusRound.endedAt()).toBeNull();
    expect(malloryRound.endedAt()).toBeNull();
  }, 30_000);

  it("the host's removal on A ends the member's streams on B at once and shuts them out of both", async () => {
    // Open before the removal: status 200, events received, the body not finished.
    expect(linusRoom.status).toBe(200);
    expect(linusRound.status).toBe(200);
    expect(linusRoom.events.length).toBeGreaterThanOrEqual(1);
    expect(linusRound.events.length).toBeGreaterThanOrEqual(2);
    expect(linusRoom.endedAt()).toBeNull();
    expect(linusRound.endedAt()).toBeNull();

    const removed = await call<null>(a, cookies.ada, "DELETE", `/api/rooms/${roomId}/members/${ids.linus}`);
    expect(removed.status).toBe(204);
    const removedAt = Date.now();
    const [roomEnded, roundEnded] = await deadline(
      Promise.all([linusRoom.ended, linusRound.ended]),
      WAIT_MS,
      "end of Linus's streams",
    );
    console.info(
      `Linus's streams on B ended ${roomEnded - removedAt} ms (room) and ${roundEnded - removedAt} ms (round) after the DELETE on A returned`,
    );
    expect(roomEnded - removedAt).toBeLessThan(2_000);
    expect(roundEnded - removedAt).toBeLessThan(2_000);
    expect([...linusRoom.events, ...linusRound.events].some((r) => r.event.type === "error")).toBe(false);

    for (const server of [a, b]) {
      expect((await call(server, cookies.linus, "GET", `/api/rooms/${roomId}`)).status).toBe(404);
      expect((await call(server, cookies.linus, "GET", `/api/rooms/${roomId}/rounds/${roundId}`)).status).toBe(404);
      for (const route of [`/api/rooms/${roomId}/events`, `/api/rooms/${roomId}/rounds/${roundId}/events`]) {
        const again = await watch(`${server.url}${route}?after=0`, cookies.linus);
        streams.push(again);
        expect(again.status, `${server.url}${route}`).toBe(404);
      }
    }
    // Only the removed member's streams end: Mallory's on A stays open, and she still reads the room.
    expect(malloryRound.endedAt()).toBeNull();
    const mallory = await call<RoomView>(a, cookies.mallory, "GET", `/api/rooms/${roomId}`);
    expect(mallory.status).toBe(200);
    expect(mallory.json.members.map((m) => m.displayName)).toEqual(["Ada", "Grace", "Mallory"]);
  }, 30_000);

  it("a peer's scores and comment written on A stay hidden from the candidate on B until the round ends", async () => {
    const roundPath = `/api/rooms/${roomId}/rounds/${roundId}`;
    const before = await call<RoundView>(a, cookies.mallory, "GET", roundPath);
    expect(before.status).toBe(200);
    const clarify = before.json.rubric.find((s) => s.step === "clarify-requirements");
    const item = clarify?.items[0];
    expect(item?.id).toBeTruthy();
    const scored = await call<{ myScores: unknown[] }>(a, cookies.mallory, "PUT", `${roundPath}/scores`, {
      step: "clarify-requirements",
      items: [{ rubricId: item?.id, ticked: true, quote: QUOTE, quoteMessageId: graceMessageId }],
    });
    expect(scored.status, JSON.stringify(scored.json)).toBe(200);
    expect(scored.json.myScores).toEqual([
      expect.objectContaining({ rubricId: item?.id, ticked: true, quote: QUOTE, quoteMessageId: graceMessageId }),
    ]);
    const commented = await call<{ id: string }>(a, cookies.mallory, "POST", `${roundPath}/comments`, {
      messageId: graceMessageId,
      body: COMMENT,
    });
    expect(commented.status, JSON.stringify(commented.json)).toBe(201);

    // Mallory reads her own comment on A; Grace on B reads neither it nor any peer report.
    const mallorys = await call<RoundView>(a, cookies.mallory, "GET", roundPath);
    expect(mallorys.json.comments.map((c) => c.body)).toEqual([COMMENT]);
    const hidden = await call<RoundView>(b, cookies.grace, "GET", roundPath);
    expect(hidden.status).toBe(200);
    expect(hidden.json.status).toBe("running");
    expect(hidden.json.peerReport).toBeNull();
    expect(hidden.json.myScores).toEqual([]);
    expect(hidden.json.comments.map((c) => c.body)).not.toContain(COMMENT);

    const ended = await call<RoundView>(a, cookies.ada, "POST", `${roundPath}/end`);
    expect(ended.status, JSON.stringify(ended.json)).toBe(200);
    expect(ended.json.status).toBe("ended");

    // The round's end, read through the other server.
    let shown = await call<RoundView>(b, cookies.grace, "GET", roundPath);
    const until = Date.now() + WAIT_MS;
    while (shown.json.peerReport === null && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      shown = await call<RoundView>(b, cookies.grace, "GET", roundPath);
    }
    expect(shown.status).toBe(200);
    expect(shown.json.status).toBe("ended");
    expect(shown.json.peerReport?.scorers).toEqual([{ userId: ids.mallory, displayName: "Mallory" }]);
    const compared = shown.json.peerReport?.items.find((i) => i.rubricId === item?.id);
    expect(compared?.peers).toEqual([{ userId: ids.mallory, displayName: "Mallory", ticked: true, quote: QUOTE }]);
    expect(shown.json.comments).toEqual([
      expect.objectContaining({
        id: commented.json.id,
        authorId: ids.mallory,
        authorName: "Mallory",
        messageId: graceMessageId,
        body: COMMENT,
      }),
    ]);
  }, 30_000);
});
