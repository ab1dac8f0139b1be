import { Command } from "@langchain/langgraph";
import type { InterviewerGraph } from "@/agents/interviewer/graph";
import type { State } from "@/agents/interviewer/state";
import type { Database } from "@/db/client";
import { updateInterviewProgress } from "@/db/queries/interviews";
import { listMessagesByInterview, saveMessage } from "@/db/queries/messages";
import type { Interview } from "@/db/schema";
import { STEP_IDS } from "@/lib/framework";
import type { GraphEvent } from "@/lib/streams/stream-event";
import { getInterviewEventBus } from "@/services/events/interview-event-bus";
import { createLiveReply, type LiveReply } from "@/services/events/live-reply";

export function threadConfig(interviewId: string) {
  return { configurable: { thread_id: interviewId } };
}

/** What the graph's nodes stream while they speak. */
export type InterviewEvent = GraphEvent;

/**
 * Runs the graph, streaming what its nodes emit to `live` (the caller's reply and every watcher),
 * and returns once all of it is published, so the stored reply's event always comes after its words.
 */
async function runGraph(
  graph: InterviewerGraph,
  input: Parameters<InterviewerGraph["invoke"]>[0],
  interviewId: string,
  live: LiveReply,
): Promise<void> {
  const stream = await graph.stream(input, { ...threadConfig(interviewId), streamMode: "custom", durability: "exit" });
  for await (const chunk of stream) live.onEvent(chunk as GraphEvent);
  await live.flush();
}

export async function readState(graph: InterviewerGraph, interviewId: string) {
  const snapshot = await graph.getState(threadConfig(interviewId));
  const values = snapshot.values as Partial<State>;
  const waiting = snapshot.tasks.some((task) => task.interrupts.length > 0);
  return { values, next: snapshot.next, waiting };
}

export type GraphState = Awaited<ReturnType<typeof readState>>;
export type MessageRow = Awaited<ReturnType<typeof listMessagesByInterview>>[number];

export interface Reconciled {
  interview: Interview;
  state: GraphState;
  rows: MessageRow[];
}

/**
 * Brings the graph and the transcript table into agreement after anything, a crash included:
 * starts a thread that never ran, finishes a run cut off between nodes, feeds the graph any
 * stored candidate message it has not read, and stores interviewer turns not yet saved.
 * `known` skips the first reads when the caller has just made them.
 */
export async function reconcile(
  database: Database,
  graph: InterviewerGraph,
  interview: Interview,
  onEvent?: (event: InterviewEvent) => void,
  known?: { state: GraphState; rows: MessageRow[] },
): Promise<Reconciled> {
  let state = known?.state ?? (await readState(graph, interview.id));
  let ran = false;
  const bus = getInterviewEventBus(database);
  const live = createLiveReply(bus, interview.id, onEvent);
  if (!state.values.interviewId) {
    const startedAt = interview.createdAt.toISOString();
    await runGraph(
      graph,
      {
        interviewId: interview.id,
        scenarioId: interview.scenarioId,
        level: interview.level,
        step: interview.drillStep ?? STEP_IDS[0],
        drill: interview.drillStep !== null,
        minutes: interview.minutes,
        stepStartedAt: startedAt,
        lastMessageAt: startedAt,
      },
      interview.id,
      live,
    );
    state = await readState(graph, interview.id);
    ran = true;
  } else if (state.next.length > 0 && !state.waiting) {
    await runGraph(graph, null, interview.id, live);
    state = await readState(graph, interview.id);
    ran = true;
  }

  const stored =
    known && !ran ? known.rows : await listMessagesByInterview({ db: database.db, interviewId: interview.id });
  const read = new Set((state.values.turns ?? []).map((turn) => turn.id));
  for (const row of stored) {
    if (row.role !== "candidate" || read.has(row.id)) continue;
    if (!state.waiting) break;
    const resume = { id: row.id, content: row.content, at: row.createdAt.toISOString() };
    await runGraph(graph, new Command({ resume }), interview.id, live);
    state = await readState(graph, interview.id);
  }

  const saved = new Set(stored.map((row) => row.id));
  // Rows stored below extend the transcript read above: the turn lock keeps other writers out.
  const written: MessageRow[] = [];
  for (const stateTurn of state.values.turns ?? []) {
    if (stateTurn.role !== "interviewer" || saved.has(stateTurn.id)) continue;
    const card = stateTurn.check ?? state.values.cards?.[stateTurn.id];
    const turn = card ? { ...stateTurn, check: card } : stateTurn;
    const row = await saveMessage({
      db: database.db,
      message: {
        id: turn.id,
        interviewId: interview.id,
        role: "interviewer",
        step: turn.step,
        content: turn.content,
        meta:
          turn.citations || turn.notice || turn.check
            ? { citations: turn.citations, notice: turn.notice, check: turn.check }
            : null,
      },
    });
    if (row) {
      written.push(row);
      await bus.publish(interview.id, "message", { messageId: turn.id });
    }
  }
  const rows = written.length > 0 ? [...stored, ...written] : stored;
  const currentStep = state.values.step ?? interview.currentStep;
  // An interview only ever moves forward: one ended from a study room (scored outside the
  // graph) stays ended with its report.
  const status = interview.status === "completed" ? "completed" : (state.values.status ?? "active");
  const report = state.values.report ?? null;
  let current = interview;
  if (currentStep !== interview.currentStep || status !== interview.status || (report && !interview.report)) {
    await updateInterviewProgress({ db: database.db, id: interview.id, currentStep, status, report });
    if (currentStep !== interview.currentStep) await bus.publish(interview.id, "step", { step: currentStep });
    if (report && !interview.report) await bus.publish(interview.id, "report");
    current = { ...interview, currentStep, status, report: report ?? interview.report };
  }
  return { interview: current, state, rows };
}
