import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { listInterviewSummariesByUser } from "@/db/queries/interviews";
import { openTestDatabase } from "@/db/testing/test-database";
import { AppError } from "@/lib/errors";
import type { StreamEvent } from "@/lib/streams/stream-event";
import { closeRoom, createRoom, getRoom, inviteToRoom, joinRoom, removeMember } from "./room-service";
import { openRoomWatch, openRoundWatch } from "./room-watch";
import { addRoundNote, listNotesOf } from "./round-notes";
import { addRoundComment, saveRoundScores } from "./round-scoring";
import { endRound, getRoundView, sendRoundMessage, setRoundStep, startRound } from "./round-service";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

/** A room with a host (Ada), a candidate (Grace) and an observer (Linus). */
async function roomOfThree() {
  const host = randomUUID();
  const candidate = randomUUID();
  const observer = randomUUID();
  const room = await createRoom(database, {
    hostUserId: host,
    hostName: "Ada",
    title: "Round tests",
    scenarioId: "video-recommendation",
    level: "senior",
    minutes: 45,
  });
  const { token } = await inviteToRoom(database, { roomId: room.id, userId: host, days: 1 });
  await joinRoom(database, { token, userId: candidate, displayName: "Grace" });
  await joinRoom(database, { token, userId: observer, displayName: "Linus" });
  return { roomId: room.id, host, candidate, observer };
}

async function codeOf(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

/** Collects a watch's events until `until` says stop or the watch ends by itself; `ended` tells which. */
function collect(watch: (signal: AbortSignal) => AsyncIterable<{ seq: number; event: StreamEvent }>) {
  const controller = new AbortController();
  const events: Array<{ seq: number; event: StreamEvent }> = [];
  const done = (async () => {
    for await (const item of watch(controller.signal)) events.push(item);
    return "ended-by-itself" as const;
  })();
  return { events, done, stop: () => controller.abort() };
}

async function waitFor(check: () => boolean, what: string, ms = 5000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const ANSWER =
  "I would start by asking about scale: how many daily active users, and what latency budget do we have for the ranking call?";

describe("study room rounds", () => {
  it("runs an AI round as the candidate's own interview, live for observers, then ends it", async () => {
    const { roomId, host, candidate, observer } = await roomOfThree();
    const started = await startRound(database, { roomId, userId: host, candidateId: candidate, interviewerId: null });
    expect(started.seat).toBe("observer");
    expect(started.interview.turns[0]?.role).toBe("interviewer");
    const ids = { roomId, roundId: started.id };
    const watch = collect(
      await openRoundWatch(database, { ...ids, userId: observer, afterSeq: started.interview.eventSeq }),
    );
    await sendRoundMessage(database, { ...ids, userId: candidate, messageId: randomUUID(), content: ANSWER });
    await waitFor(
      () => watch.events.filter((e) => e.event.type === "message").length >= 2,
      "the answer and the reply to reach the observer",
    );
    const messages = watch.events.flatMap((e) => (e.event.type === "message" ? [e.event.turn] : []));
    expect(messages.map((t) => t.role)).toEqual(["candidate", "interviewer"]);
    expect(messages[0]?.content).toBe(ANSWER);
    watch.stop();
    // Observers watch; they do not write in the round.
    expect(
      await codeOf(sendRoundMessage(database, { ...ids, userId: observer, messageId: randomUUID(), content: "hi" })),
    ).toBe("forbidden:round_seat");
    // The round is in the candidate's history, like any interview.
    const history = await listInterviewSummariesByUser({ db: database.db, userId: candidate });
    expect(history.map((h) => h.id)).toContain(started.interview.id);
    // One round at a time.
    expect(
      await codeOf(startRound(database, { roomId, userId: host, candidateId: observer, interviewerId: null })),
    ).toBe("conflict:round_running");
    const ended = await endRound(database, { ...ids, userId: host });
    expect(ended.status).toBe("ended");
    expect(ended.interview.status).toBe("completed");
    expect(ended.interview.report?.steps).toHaveLength(7);
    // The transcript says who ended it: the candidate did not type those words.
    const ending = ended.interview.turns.find((t) => t.role === "candidate" && t.content === "end interview");
    expect(ending?.notice).toBe("Ada ended the round from the study room.");
    // The seat rotates: the next round has another candidate.
    const next = await startRound(database, { roomId, userId: host, candidateId: observer, interviewerId: null });
    expect(next.number).toBe(2);
    expect(next.seat).toBe("observer");
    expect((await getRoundView(database, { roomId, roundId: next.id, userId: observer })).seat).toBe("candidate");
    const room = await getRoom(database, roomId, candidate);
    expect(room.rounds.map((r) => [r.number, r.candidate.displayName, r.status])).toEqual([
      [2, "Linus", "running"],
      [1, "Grace", "ended"],
    ]);
    expect(room.currentRoundId).toBe(next.id);
  });

  it("refuses a round message whose id another interview already used, and keeps a retry idempotent", async () => {
    const { roomId, host, candidate, observer } = await roomOfThree();
    const round = await startRound(database, { roomId, userId: host, candidateId: candidate, interviewerId: observer });
    const ids = { roomId, roundId: round.id };
    const messageId = randomUUID();
    await sendRoundMessage(database, { ...ids, userId: candidate, messageId, content: ANSWER });
    await sendRoundMessage(database, { ...ids, userId: candidate, messageId, content: ANSWER });
    expect((await getRoundView(database, { ...ids, userId: host })).interview.turns).toHaveLength(1);
    const other = await roomOfThree();
    const otherRound = await startRound(database, {
      roomId: other.roomId,
      userId: other.host,
      candidateId: other.candidate,
      interviewerId: other.observer,
    });
    const otherIds = { roomId: other.roomId, roundId: otherRound.id };
    expect(
      await codeOf(sendRoundMessage(database, { ...otherIds, userId: other.candidate, messageId, content: ANSWER })),
    ).toBe("conflict:message_id");
    expect(await codeOf(sendRoundMessage(database, { ...ids, userId: observer, messageId, content: ANSWER }))).toBe(
      "conflict:message_id",
    );
    expect((await getRoundView(database, { ...otherIds, userId: other.host })).interview.turns).toEqual([]);
  });

  it("shows the interviewer's panel only to a member in that seat, and lets them lead the round", async () => {
    const { roomId, host, candidate, observer } = await roomOfThree();
    const round = await startRound(database, { roomId, userId: host, candidateId: candidate, interviewerId: observer });
    const ids = { roomId, roundId: round.id };
    expect(round.interview.turns).toEqual([]);
    const asInterviewer = await getRoundView(database, { ...ids, userId: observer });
    expect(asInterviewer.seat).toBe("interviewer");
    expect(asInterviewer.panel?.facts.length).toBeGreaterThan(0);
    expect(asInterviewer.panel?.suggestions.length).toBeGreaterThan(0);
    expect((await getRoundView(database, { ...ids, userId: candidate })).panel).toBeNull();
    expect((await getRoundView(database, { ...ids, userId: host })).panel).toBeNull();

    const question = asInterviewer.panel?.suggestions[0]?.text ?? "";
    await sendRoundMessage(database, { ...ids, userId: observer, messageId: randomUUID(), content: question });
    await sendRoundMessage(database, { ...ids, userId: candidate, messageId: randomUUID(), content: ANSWER });
    const after = await getRoundView(database, { ...ids, userId: observer });
    expect(after.interview.turns.map((t) => [t.role, t.content])).toEqual([
      ["interviewer", question],
      ["candidate", ANSWER],
    ]);
    // The suggestion just asked is not suggested again; the candidate's answer shows in coverage.
    expect(after.panel?.suggestions.map((s) => s.text)).not.toContain(question);
    expect(after.panel?.coverage.find((c) => c.step === "clarify-requirements")?.items.length).toBeGreaterThan(0);
    expect(await codeOf(setRoundStep(database, { ...ids, userId: candidate, step: "frame-problem" }))).toBe(
      "forbidden:round_seat",
    );
    const moved = await setRoundStep(database, { ...ids, userId: observer, step: "frame-problem" });
    expect(moved.interview.currentStep).toBe("frame-problem");
    const ended = await endRound(database, { ...ids, userId: observer });
    expect(ended.interview.report?.steps).toHaveLength(7);
    expect(ended.panel).toBeNull();
  });

  it("keeps peer scores and comments private until the round ends, then compares them with the AI's", async () => {
    const { roomId, host, candidate, observer } = await roomOfThree();
    const round = await startRound(database, { roomId, userId: host, candidateId: candidate, interviewerId: null });
    const ids = { roomId, roundId: round.id };
    const answerId = randomUUID();
    await sendRoundMessage(database, { ...ids, userId: candidate, messageId: answerId, content: ANSWER });
    const rubric = round.rubric.find((s) => s.step === "clarify-requirements")?.items ?? [];
    const [first, second] = rubric;
    if (!first || !second) throw new Error("the scenario has rubric items");
    const quote = "how many daily active users";
    const tick = (ticked: boolean, withQuote: boolean) => ({
      rubricId: first.id,
      ticked,
      quote: withQuote ? quote : null,
      quoteMessageId: withQuote ? answerId : null,
    });
    await saveRoundScores(database, {
      ...ids,
      userId: observer,
      step: "clarify-requirements",
      items: [tick(true, true)],
    });
    await saveRoundScores(database, {
      ...ids,
      userId: host,
      step: "clarify-requirements",
      items: [tick(false, false), { rubricId: second.id, ticked: true, quote: null, quoteMessageId: null }],
    });
    // A quote must be the candidate's own words; the candidate does not score; unknown items are refused.
    const bad = (items: Parameters<typeof saveRoundScores>[1]["items"], userId = observer) =>
      codeOf(saveRoundScores(database, { ...ids, userId, step: "clarify-requirements", items }));
    expect(await bad([{ ...tick(true, true), quote: "words never written" }])).toBe("bad_request:round_quote");
    expect(await bad([tick(true, true)], candidate)).toBe("forbidden:round_seat");
    expect(await bad([{ ...tick(true, false), rubricId: "not-an-item" }])).toBe("bad_request:round_score");
    await addRoundComment(database, { ...ids, userId: observer, messageId: answerId, body: "Good first question." });
    await addRoundNote(database, {
      ...ids,
      userId: observer,
      messageId: answerId,
      body: "Ask Grace about latency later",
    });

    const hostView = await getRoundView(database, { ...ids, userId: host });
    expect(hostView.myScores.map((s) => s.rubricId).sort()).toEqual([first.id, second.id].sort());
    expect(hostView.comments).toEqual([]);
    expect(hostView.myNotes).toEqual([]);
    expect(hostView.peerReport).toBeNull();
    expect((await getRoundView(database, { ...ids, userId: candidate })).comments).toEqual([]);

    await endRound(database, { ...ids, userId: candidate });
    const report = (await getRoundView(database, { ...ids, userId: candidate })).peerReport;
    if (!report) throw new Error("an ended round has a peer report");
    expect(report.scorers.map((s) => s.displayName).sort()).toEqual(["Ada", "Linus"]);
    const item = report.items.find((i) => i.rubricId === first.id);
    expect(item?.peers.find((p) => p.displayName === "Linus")).toMatchObject({ ticked: true, quote });
    expect(item?.peers.find((p) => p.displayName === "Ada")).toMatchObject({ ticked: false, quote: null });
    const disagreements = report.items.map((i) => i.disagreement);
    expect(disagreements).toEqual([...disagreements].sort((a, b) => b - a));
    const candidateView = await getRoundView(database, { ...ids, userId: candidate });
    expect(candidateView.comments.map((c) => [c.authorName, c.body])).toEqual([["Linus", "Good first question."]]);
    // Notes are their author's alone, and stay in their history.
    expect(candidateView.myNotes).toEqual([]);
    const notes = await listNotesOf(database, observer);
    expect(notes.map((n) => [n.body, n.messageId, n.roundNumber])).toEqual([
      ["Ask Grace about latency later", answerId, 1],
    ]);
    expect(await listNotesOf(database, host)).toEqual([]);
  });

  it("ends a running round, scored, when the host closes the room", async () => {
    const { roomId, host, candidate } = await roomOfThree();
    const round = await startRound(database, { roomId, userId: host, candidateId: candidate, interviewerId: null });
    const closed = await closeRoom(database, { roomId, userId: host });
    expect(closed.status).toBe("closed");
    expect(closed.currentRoundId).toBeNull();
    expect(closed.rounds.map((r) => [r.id, r.status])).toEqual([[round.id, "ended"]]);
    const view = await getRoundView(database, { roomId, roundId: round.id, userId: candidate });
    expect(view.interview.report?.steps).toHaveLength(7);
  });

  it("closes a removed member's room and round streams at once, and answers them 404 after", async () => {
    const { roomId, host, candidate, observer } = await roomOfThree();
    const round = await startRound(database, { roomId, userId: host, candidateId: candidate, interviewerId: null });
    const ids = { roomId, roundId: round.id };
    const roomStream = collect(await openRoomWatch(database, { roomId, userId: observer, afterSeq: 0 }));
    const roundStream = collect(await openRoundWatch(database, { ...ids, userId: observer, afterSeq: 0 }));
    const hostStream = collect(await openRoomWatch(database, { roomId, userId: host, afterSeq: 0 }));
    await waitFor(() => roomStream.events.some((e) => e.event.type === "room"), "the room stream to start");
    await removeMember(database, { roomId, userId: host, memberId: observer });
    const outcome = await Promise.race([
      Promise.all([roomStream.done, roundStream.done]),
      new Promise((resolve) => setTimeout(() => resolve("still open"), 3000)),
    ]);
    expect(outcome).toEqual(["ended-by-itself", "ended-by-itself"]);
    // The host's stream stays open and hears of the removal.
    await waitFor(
      () => hostStream.events.some((e) => e.event.type === "room" && e.event.kind === "member-removed"),
      "the host to hear of the removal",
    );
    hostStream.stop();
    expect(await codeOf(getRoundView(database, { ...ids, userId: observer }))).toBe("not_found:room");
    expect(await codeOf(openRoundWatch(database, { ...ids, userId: observer, afterSeq: 0 }))).toBe("not_found:room");
    expect(await codeOf(openRoomWatch(database, { roomId, userId: observer, afterSeq: 0 }))).toBe("not_found:room");
  });
});
