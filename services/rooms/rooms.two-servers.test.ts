import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoomView, RoundView } from "@/lib/rooms/types";
import { identityCookie, type Server, type ServerPair, startServerPair } from "@/services/testing/app-servers";
import { callJson, deadline, type Received, type Watched, watchEvents } from "@/services/testing/sse-watch";

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

const isMessage = (role: "candidate" | "interviewer") => (r: Received) =>
  r.event.type === "message" && r.event.turn.role === role;

describe.skipIf(!adminUrl)("a study room across two app servers", () => {
  const streams: Watched[] = [];
  let pair: ServerPair | undefined;
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
    pair = await startServerPair(adminUrl as string, { label: "probe-rooms-two-servers" });
    [a, b] = pair.servers;
    cookies.ada = await identityCookie(a);
    cookies.mallory = await identityCookie(a);
    cookies.grace = await identityCookie(b);
    cookies.linus = await identityCookie(b);
  }, 150_000);

  afterAll(async () => {
    for (const stream of streams) stream.close();
    await pair?.close();
  });

  it("a round started on one server reaches a member's room stream on the other", async () => {
    const created = await callJson<RoomView>(a, cookies.ada, "POST", "/api/rooms", {
      title: "Two servers club",
      scenarioId: "video-recommendation",
      displayName: "Ada",
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    roomId = created.json.id;
    ids.ada = created.json.viewerId;
    const invite = await callJson<{ token: string }>(a, cookies.ada, "POST", `/api/rooms/${roomId}/invites`, {
      days: 1,
    });
    expect(invite.status).toBe(201);
    for (const [who, server, name] of [
      ["grace", b, "Grace"],
      ["linus", b, "Linus"],
      ["mallory", a, "Mallory"],
    ] as const) {
      const joined = await callJson<RoomView>(server, cookies[who], "POST", "/api/rooms/join", {
        token: invite.json.token,
        displayName: name,
      });
      expect(joined.status, JSON.stringify(joined.json)).toBe(200);
      ids[who] = joined.json.viewerId;
    }
    expect(new Set(Object.values(ids)).size).toBe(4);

    // Linus reads the room on B (every join is in it, written by both servers) and watches from there.
    const seen = await callJson<RoomView>(b, cookies.linus, "GET", `/api/rooms/${roomId}`);
    expect(seen.status).toBe(200);
    expect(seen.json.members.map((m) => m.displayName)).toEqual(["Ada", "Grace", "Linus", "Mallory"]);
    expect(seen.json.currentRoundId).toBeNull();
    linusRoom = await watchEvents(
      `${b.url}/api/rooms/${roomId}/events?after=${seen.json.eventSeq}`,
      cookies.linus,
      WAIT_MS,
    );
    streams.push(linusRoom);
    expect(linusRoom.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(linusRoom.events).toEqual([]);

    const started = await callJson<RoundView>(a, cookies.ada, "POST", `/api/rooms/${roomId}/rounds`, {
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
    const linusView = await callJson<RoundView>(b, cookies.linus, "GET", `/api/rooms/${roomId}/rounds/${roundId}`);
    const malloryView = await callJson<RoundView>(a, cookies.mallory, "GET", `/api/rooms/${roomId}/rounds/${roundId}`);
    expect([linusView.status, malloryView.status]).toEqual([200, 200]);
    expect(linusView.json.seat).toBe("observer");
    // Both servers read the same interview: the AI's opening question, and the same latest event.
    expect(linusView.json.interview.eventSeq).toBe(malloryView.json.interview.eventSeq);
    expect(linusView.json.interview.turns.map((t) => t.role)).toEqual(["interviewer"]);
    const after = linusView.json.interview.eventSeq;
    const eventsPath = `/api/rooms/${roomId}/rounds/${roundId}/events?after=${after}`;
    linusRound = await watchEvents(`${b.url}${eventsPath}`, cookies.linus, WAIT_MS);
    malloryRound = await watchEvents(`${a.url}${eventsPath}`, cookies.mallory, WAIT_MS);
    streams.push(linusRound, malloryRound);
    expect([linusRound.status, malloryRound.status]).toEqual([200, 200]);
    await new Promise((resolve) => setTimeout(resolve, 300));

    graceMessageId = randomUUID();
    const sent = await callJson<RoundView>(
      b,
      cookies.grace,
      "POST",
      `/api/rooms/${roomId}/rounds/${roundId}/messages`,
      {
        id: graceMessageId,
        content: ANSWER,
      },
    );
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

    const removed = await callJson<null>(a, cookies.ada, "DELETE", `/api/rooms/${roomId}/members/${ids.linus}`);
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
      expect((await callJson(server, cookies.linus, "GET", `/api/rooms/${roomId}`)).status).toBe(404);
      expect((await callJson(server, cookies.linus, "GET", `/api/rooms/${roomId}/rounds/${roundId}`)).status).toBe(404);
      for (const route of [`/api/rooms/${roomId}/events`, `/api/rooms/${roomId}/rounds/${roundId}/events`]) {
        const again = await watchEvents(`${server.url}${route}?after=0`, cookies.linus, WAIT_MS);
        streams.push(again);
        expect(again.status, `${server.url}${route}`).toBe(404);
      }
    }
    // Only the removed member's streams end: Mallory's on A stays open, and she still reads the room.
    expect(malloryRound.endedAt()).toBeNull();
    const mallory = await callJson<RoomView>(a, cookies.mallory, "GET", `/api/rooms/${roomId}`);
    expect(mallory.status).toBe(200);
    expect(mallory.json.members.map((m) => m.displayName)).toEqual(["Ada", "Grace", "Mallory"]);
  }, 30_000);

  it("a peer's scores and comment written on A stay hidden from the candidate on B until the round ends", async () => {
    const roundPath = `/api/rooms/${roomId}/rounds/${roundId}`;
    const before = await callJson<RoundView>(a, cookies.mallory, "GET", roundPath);
    expect(before.status).toBe(200);
    const clarify = before.json.rubric.find((s) => s.step === "clarify-requirements");
    const item = clarify?.items[0];
    expect(item?.id).toBeTruthy();
    const scored = await callJson<{ myScores: unknown[] }>(a, cookies.mallory, "PUT", `${roundPath}/scores`, {
      step: "clarify-requirements",
      items: [{ rubricId: item?.id, ticked: true, quote: QUOTE, quoteMessageId: graceMessageId }],
    });
    expect(scored.status, JSON.stringify(scored.json)).toBe(200);
    expect(scored.json.myScores).toEqual([
      expect.objectContaining({ rubricId: item?.id, ticked: true, quote: QUOTE, quoteMessageId: graceMessageId }),
    ]);
    const commented = await callJson<{ id: string }>(a, cookies.mallory, "POST", `${roundPath}/comments`, {
      messageId: graceMessageId,
      body: COMMENT,
    });
    expect(commented.status, JSON.stringify(commented.json)).toBe(201);

    // Mallory reads her own comment on A; Grace on B reads neither it nor any peer report.
    const mallorys = await callJson<RoundView>(a, cookies.mallory, "GET", roundPath);
    expect(mallorys.json.comments.map((c) => c.body)).toEqual([COMMENT]);
    const hidden = await callJson<RoundView>(b, cookies.grace, "GET", roundPath);
    expect(hidden.status).toBe(200);
    expect(hidden.json.status).toBe("running");
    expect(hidden.json.peerReport).toBeNull();
    expect(hidden.json.myScores).toEqual([]);
    expect(hidden.json.comments.map((c) => c.body)).not.toContain(COMMENT);

    const ended = await callJson<RoundView>(a, cookies.ada, "POST", `${roundPath}/end`);
    expect(ended.status, JSON.stringify(ended.json)).toBe(200);
    expect(ended.json.status).toBe("ended");

    // The round's end, read through the other server.
    let shown = await callJson<RoundView>(b, cookies.grace, "GET", roundPath);
    const until = Date.now() + WAIT_MS;
    while (shown.json.peerReport === null && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      shown = await callJson<RoundView>(b, cookies.grace, "GET", roundPath);
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
