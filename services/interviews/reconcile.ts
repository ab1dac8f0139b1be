import { Command } from "@langchain/langgraph";
import type { InterviewerGraph } from "@/agents/interviewer/graph";
import type { State } from "@/agents/interviewer/state";
import type { Database } from "@/db/client";
import { updateInterviewProgress } from "@/db/queries/interviews";
import { listMessagesByInterview, saveMessage } from "@/db/queries/messages";
import type { Interview } from "@/db/schema";
import { type ScenarioId, STEP_IDS, type StepId } from "@/lib/framework";

export function threadConfig(interviewId: string) {
  return { configurable: { thread_id: interviewId } };
}

/** What the graph's nodes stream while they speak. */
export type InterviewEvent =
  | { type: "token"; token: string }
  | { type: "reset" }
  | { type: "progress"; message: string };

/** Runs the graph; with a listener, nodes' tokens are streamed to it as they are produced. */
async function runGraph(
  graph: InterviewerGraph,
  input: Parameters<InterviewerGraph["invoke"]>[0],
  interviewId: string,
  onEvent?: (event: InterviewEvent) => void,
): Promise<void> {
  if (!onEvent) {
    await graph.invoke(input, { ...threadConfig(interviewId), durability: "exit" });
    return;
  }
  const stream = await graph.stream(input, { ...threadConfig(interviewId), streamMode: "custom", durability: "exit" });
  for await (const chunk of stream) onEvent(chunk as InterviewEvent);
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
  if (!state.values.interviewId) {
    const startedAt = interview.createdAt.toISOString();
    await runGraph(
      graph,
      {
        interviewId: interview.id,
        scenarioId: interview.scenarioId as ScenarioId,
        level: interview.level,
        step: (interview.drillStep as StepId | null) ?? STEP_IDS[0],
        drill: interview.drillStep !== null,
        minutes: interview.minutes,
        stepStartedAt: startedAt,
        lastMessageAt: startedAt,
      },
      interview.id,
      onEvent,
    );
    state = await readState(graph, interview.id);
    ran = true;
  } else if (state.next.length > 0 && !state.waiting) {
    await runGraph(graph, null, interview.id, onEvent);
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
    await runGraph(graph, new Command({ resume }), interview.id, onEvent);
    state = await readState(graph, interview.id);
  }

  const saved = new Set(stored.map((row) => row.id));
  let wrote = false;
  for (const stateTurn of state.values.turns ?? []) {
    if (stateTurn.role !== "interviewer" || saved.has(stateTurn.id)) continue;
    const card = stateTurn.check ?? state.values.cards?.[stateTurn.id];
    const turn = card ? { ...stateTurn, check: card } : stateTurn;
    await saveMessage({
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
    wrote = true;
  }
  const rows = wrote ? await listMessagesByInterview({ db: database.db, interviewId: interview.id }) : stored;
  const currentStep = state.values.step ?? (interview.currentStep as StepId);
  const status = state.values.status ?? "active";
  const report = state.values.report ?? null;
  let current = interview;
  if (currentStep !== interview.currentStep || status !== interview.status || (report && !interview.report)) {
    await updateInterviewProgress({ db: database.db, id: interview.id, currentStep, status, report });
    current = { ...interview, currentStep, status, report: report ?? interview.report };
  }
  return { interview: current, state, rows };
}
