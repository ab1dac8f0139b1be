/**
 * The measurement of `npm run bench:rooms`: a full room on the servers, every member watching
 * the round over SSE, the candidate answering one message at a time through the servers in
 * turn. For each message, the time from its being stored (stored-times.ts) to its arrival at
 * each member's stream; the AI interviewer's replies are timed the same way on the side.
 */
import { randomUUID } from "node:crypto";
import type { RoundView } from "@/lib/rooms/types";
import { now } from "../events/clock";
import { openRoundStream, type RoundStream } from "./observers";
import { fillRoom, type Person, type Room, sendAnswer, startAiRound } from "./room-setup";
import { readStoredTimes } from "./stored-times";

/** A message not at a stream this long after it was sent (or its reply came back) counts as lost there. */
export const LOST_AFTER_MS = 5_000;
/**
 * Answers sent before timing starts by default, alternating between the servers: a server's
 * first turns load and compile what the interviewer needs, and the streams on that server wait
 * for it (see BENCHMARKS.md); `--warm-up 0` measures from a cold start.
 */
export const DEFAULT_WARM_UP = 10;
/** How long a round's streams stay open after its last message, so that a late repeat is counted. */
const GRACE_MS = 250;
const ANSWERS = [
  "We optimise long-term watch time rather than clicks, because clicks reward clickbait.",
  "I would log impressions, plays and watch time per session, with the surface and position.",
  "Retrieval then ranking: a two-tower model for candidates, a ranker for the final order.",
  "Peak traffic is about 50,000 requests per second, so retrieval gets 50 ms of the 200 ms budget.",
  "For cold-start videos I would explore with a small share of traffic and boost fresh uploads.",
  "Offline I would track recall at 100 for retrieval and NDCG at 10 for ranking, online watch time.",
];

/** One message's journey to every stream. */
export interface Sample {
  /** The slowest stream's latency, or null when some stream never got it. */
  slowestMs: number | null;
  /** Each stream's latency for the message (the ones that got it). */
  deliveriesMs: number[];
  /** The same, split by where the stream was: the server the answer was posted to, or the other. */
  postingServerMs: number[];
  otherServerMs: number[];
  lost: number;
}

export interface RoomRun {
  observers: number;
  answers: Sample[];
  replies: Sample[];
  /** Repeated deliveries of timed answers and of timed replies; other events that came twice. */
  doubled: { answers: number; replies: number; other: number };
  rounds: number;
  /** Answers sent before timing started. */
  warmUp: number;
}

/** Where one message got to: its arrival time at each stream that received it. */
interface Arrivals {
  messageId: string;
  at: Array<{ at: number; posting: boolean }>;
  lost: number;
}

async function collect(streams: RoundStream[], messageId: string, poster: string, deadline: number): Promise<Arrivals> {
  await Promise.all(streams.map((stream) => stream.waitFor(messageId, deadline)));
  const at = streams.flatMap((stream) => {
    const arrival = stream.arrivals.get(messageId);
    return arrival ? [{ at: arrival.at, posting: stream.server === poster }] : [];
  });
  return { messageId, at, lost: streams.length - at.length };
}

/** Latencies from each message's stored time. */
function toSamples(arrivals: Arrivals[], storedAt: Map<string, number>): Sample[] {
  return arrivals.map(({ messageId, at, lost }) => {
    const stored = storedAt.get(messageId);
    if (stored === undefined) throw new Error(`message ${messageId} reached the members but is not stored`);
    const latency = (posting: boolean) => at.flatMap((a) => (a.posting === posting ? [a.at - stored] : []));
    const deliveriesMs = at.map((a) => a.at - stored);
    return {
      slowestMs: lost === 0 ? Math.max(...deliveriesMs) : null,
      deliveriesMs,
      postingServerMs: latency(true),
      otherServerMs: latency(false),
      lost,
    };
  });
}

/** A round with every member's stream open on their own server, from the round's first event. */
async function openRound(room: Room, members: Person[]) {
  const round = await startAiRound(room, room.others[0] as Person);
  const ids = { roomId: room.id, roundId: round.id };
  const streams = await Promise.all(
    members.map((member) => openRoundStream(member.server, member.cookie, ids, round.interview.eventSeq)),
  );
  return { round, streams, timed: { answers: [] as string[], replies: [] as string[] } };
}

export async function measureRoom(
  servers: string[],
  databaseUrl: string,
  options: { observers: number; messages: number; warmUp: number },
): Promise<RoomRun> {
  const room = await fillRoom(servers, options.observers);
  const candidate = room.others[0] as Person;
  const members = [room.host, ...room.others];
  const run: RoomRun = {
    observers: members.length,
    answers: [],
    replies: [],
    doubled: { answers: 0, replies: 0, other: 0 },
    rounds: 0,
    warmUp: options.warmUp,
  };
  const answers: Arrivals[] = [];
  const replies: Arrivals[] = [];
  let inRound = 0;
  let current: Awaited<ReturnType<typeof openRound>> | null = null;
  const closeRound = async () => {
    if (!current) return;
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS));
    for (const stream of current.streams) {
      for (const id of current.timed.answers) run.doubled.answers += stream.repeats(id);
      for (const id of current.timed.replies) run.doubled.replies += stream.repeats(id);
      run.doubled.other += stream.otherRepeats();
    }
    await Promise.all(current.streams.map((stream) => stream.close()));
    current = null;
  };
  try {
    for (let sent = 0; sent < options.warmUp + options.messages; sent++) {
      if (!current) {
        current = await openRound(room, members);
        run.rounds += 1;
        inRound = 0;
      }
      const { round, streams, timed } = current;
      const timing = sent >= options.warmUp;
      const server = servers[sent % servers.length] as string;
      const message = { id: randomUUID(), content: ANSWERS[sent % ANSWERS.length] as string };
      const ids = { roomId: room.id, roundId: round.id };
      const sentAt = now();
      const [view, answer] = await Promise.all([
        sendAnswer(server, candidate, ids, message),
        collect(streams, message.id, server, sentAt + LOST_AFTER_MS),
      ]);
      inRound += 1;
      const reply = replyTo(view, message.id);
      const replied = reply ? await collect(streams, reply, server, now() + LOST_AFTER_MS) : null;
      if (timing) {
        answers.push(answer);
        timed.answers.push(message.id);
        if (reply && replied) {
          replies.push(replied);
          timed.replies.push(reply);
        }
      }
      if (view.status === "ended" || view.interview.status === "completed") {
        process.stderr.write(`  round ${run.rounds} ended after ${inRound} answers: starting the next\n`);
        await closeRound();
      }
      if ((sent + 1) % 20 === 0) process.stderr.write(`  ${sent + 1}/${options.warmUp + options.messages} answers\n`);
    }
    await closeRound();
    const storedAt = await readStoredTimes(
      databaseUrl,
      [...answers, ...replies].map((a) => a.messageId),
    );
    run.answers = toSamples(answers, storedAt);
    run.replies = toSamples(replies, storedAt);
    return run;
  } finally {
    await closeRound();
  }
}

/** The interviewer's reply to the candidate's `messageId`, if the round's view has one. */
function replyTo(view: RoundView, messageId: string): string | null {
  const turns = view.interview.turns;
  const at = turns.findIndex((turn) => turn.id === messageId);
  if (at < 0) throw new Error("the candidate's answer is missing from the round");
  return turns.slice(at + 1).find((turn) => turn.role === "interviewer")?.id ?? null;
}
