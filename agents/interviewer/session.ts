import { Command } from "@langchain/langgraph";
import { z } from "zod";
import type { Database } from "@/db/client";
import {
  createInterview,
  deleteInterviewById,
  getInterviewById,
  updateInterviewProgress,
} from "@/db/queries/interviews";
import { listMessagesByInterview, saveMessage } from "@/db/queries/messages";
import type { Interview } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { type Level, type ScenarioId, STEP_IDS, type StepId } from "@/lib/framework";
import { DEFAULT_INTERVIEW_MINUTES, stepBudgets } from "@/lib/interview/timing";
import { getScenario } from "@/lib/scenarios/library";
import type { ScoreReport, Transcript } from "@/lib/scoring/schema";
import type { CheckCard, InterviewView, Turn } from "@/lib/types";
import type { InterviewerGraph } from "./graph";
import { stepCoverage } from "./routers";
import { getInterviewerGraph } from "./runtime";
import type { State } from "./state";

const locks = new Map<string, Promise<unknown>>();

/**
 * Runs `work` for one interview at a time in this process, so two requests cannot resume the
 * same thread at once. (Several app servers would need a Postgres advisory lock instead.)
 */
async function withInterviewLock<T>(interviewId: string, work: () => Promise<T>): Promise<T> {
  const previous = locks.get(interviewId) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(work);
  locks.set(interviewId, run);
  try {
    return await run;
  } finally {
    if (locks.get(interviewId) === run) locks.delete(interviewId);
  }
}

function threadConfig(interviewId: string) {
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

async function readState(graph: InterviewerGraph, interviewId: string) {
  const snapshot = await graph.getState(threadConfig(interviewId));
  const values = snapshot.values as Partial<State>;
  const waiting = snapshot.tasks.some((task) => task.interrupts.length > 0);
  return { values, next: snapshot.next, waiting };
}

type GraphState = Awaited<ReturnType<typeof readState>>;
type MessageRow = Awaited<ReturnType<typeof listMessagesByInterview>>[number];

interface Reconciled {
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
async function reconcile(
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
  for (const turn of state.values.turns ?? []) {
    if (turn.role !== "interviewer" || saved.has(turn.id)) continue;
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

const messageMetaSchema = z
  .object({
    citations: z
      .array(z.object({ chunkId: z.string(), scenarioId: z.string().nullable(), step: z.string(), title: z.string() }))
      .optional(),
    notice: z.string().optional(),
    check: z.custom<CheckCard>((value) => typeof value === "object" && value !== null).optional(),
  })
  .nullable()
  .catch(null);

/** The page's view of an interview, from what reconcile has just read: no further I/O. */
function toView({ interview, state, rows }: Reconciled): InterviewView {
  const turns: Turn[] = rows.map((row) => {
    const meta = messageMetaSchema.parse(row.meta ?? null);
    return {
      id: row.id,
      role: row.role,
      step: (row.step ?? undefined) as StepId | undefined,
      content: row.content,
      ...(meta?.citations ? { citations: meta.citations } : {}),
      ...(meta?.notice ? { notice: meta.notice } : {}),
      ...(meta?.check ? { check: meta.check } : {}),
    };
  });
  const { values } = state;
  const scenario = getScenario(interview.scenarioId);
  const coverage = Object.fromEntries(
    STEP_IDS.map((step) => [
      step,
      stepCoverage(scenario.steps[step].rubric, values.coverage?.[step] ?? {}, interview.level),
    ]),
  );
  return {
    id: interview.id,
    scenarioId: interview.scenarioId as ScenarioId,
    scenarioTitle: scenario.title,
    level: interview.level,
    status: interview.status,
    currentStep: interview.currentStep as StepId,
    turns,
    stepStartedAt: values.stepStartedAt ?? interview.createdAt.toISOString(),
    stepBudgetsMs: stepBudgets(values.minutes ?? interview.minutes ?? DEFAULT_INTERVIEW_MINUTES),
    coverage,
    report: (interview.report as ScoreReport | null) ?? null,
    createdAt: interview.createdAt.toISOString(),
  };
}

/**
 * The interview, if `viewer` may see it. Someone else's interview answers exactly like a missing
 * one, so ids reveal nothing. Without a viewer (tests, the terminal) ownership is not checked.
 */
async function requireInterview(database: Database, id: string, viewer?: Viewer): Promise<Interview> {
  const interview = await getInterviewById({ db: database.db, id });
  if (!interview || (viewer && interview.userId !== viewer.userId)) {
    throw new AppError("not_found:interview", "This interview does not exist.");
  }
  return interview;
}

/** Who is asking: the owner of the interviews they may read and write. */
export interface Viewer {
  userId: string;
}

const EMPTY_STATE: GraphState = { values: {}, next: [], waiting: false };

/** Imported transcripts have no interviewer thread: their view is the stored turns and report. */
async function reconcileOrRead(database: Database, graph: InterviewerGraph, interview: Interview): Promise<Reconciled> {
  if (interview.source === "import") {
    return {
      interview,
      state: EMPTY_STATE,
      rows: await listMessagesByInterview({ db: database.db, interviewId: interview.id }),
    };
  }
  return reconcile(database, graph, interview);
}

/** Creates an interview and lets the interviewer open it. */
export async function startInterview(
  database: Database,
  input: { scenarioId: ScenarioId; level: Level; minutes?: number; userId?: string; drillStep?: StepId },
): Promise<InterviewView> {
  getScenario(input.scenarioId);
  const interview = await createInterview({
    db: database.db,
    values: {
      scenarioId: input.scenarioId,
      level: input.level,
      userId: input.userId,
      currentStep: input.drillStep ?? STEP_IDS[0],
      drillStep: input.drillStep ?? null,
      ...(input.minutes ? { minutes: input.minutes } : {}),
    },
  });
  const graph = await getInterviewerGraph(database);
  return toView(await withInterviewLock(interview.id, () => reconcile(database, graph, interview)));
}

/** The interview as it stands, after repairing anything a crash left half done. */
export async function getInterviewView(database: Database, id: string, viewer?: Viewer): Promise<InterviewView> {
  const interview = await requireInterview(database, id, viewer);
  const graph = await getInterviewerGraph(database);
  return toView(await withInterviewLock(id, () => reconcileOrRead(database, graph, interview)));
}

/** Stores the candidate's message first, then lets the interviewer respond. */
export async function sendCandidateMessage(
  database: Database,
  input: { interviewId: string; messageId: string; content: string; viewer?: Viewer },
  onEvent?: (event: InterviewEvent) => void,
): Promise<InterviewView> {
  const graph = await getInterviewerGraph(database);
  const result = await withInterviewLock(input.interviewId, async () => {
    const before = await reconcileOrRead(
      database,
      graph,
      await requireInterview(database, input.interviewId, input.viewer),
    );
    if (before.interview.status === "completed" || before.interview.source === "import") {
      throw new AppError("conflict:interview", "This interview has ended; start a new one to keep practising.");
    }
    const message = {
      id: input.messageId,
      interviewId: input.interviewId,
      role: "candidate" as const,
      step: before.interview.currentStep,
      content: input.content,
    };
    await saveMessage({ db: database.db, message });
    // A retried send is stored once; the graph must not read it twice either.
    const rows = before.rows.some((row) => row.id === message.id)
      ? before.rows
      : await listMessagesByInterview({ db: database.db, interviewId: input.interviewId });
    return reconcile(database, graph, before.interview, onEvent, { state: before.state, rows });
  });
  return toView(result);
}

/** Deletes an interview the viewer owns, with its transcript, share links and checkpoints. */
export async function deleteInterview(database: Database, id: string, viewer: Viewer): Promise<void> {
  await requireInterview(database, id, viewer);
  const graph = await getInterviewerGraph(database);
  await withInterviewLock(id, async () => {
    const checkpointer = graph.checkpointer;
    if (checkpointer && typeof checkpointer !== "boolean") await checkpointer.deleteThread(id);
    await deleteInterviewById({ db: database.db, id });
  });
}

/**
 * Stores a transcript of a human mock interview, already scored, as a finished interview of
 * `viewer`'s. Nothing is stored unless the whole transcript is.
 */
export async function storeImportedInterview(
  database: Database,
  input: { transcript: Transcript; report: ScoreReport; viewer: Viewer },
): Promise<string> {
  const { transcript, report, viewer } = input;
  return database.db.transaction(async (tx) => {
    const interview = await createInterview({
      db: tx,
      values: {
        userId: viewer.userId,
        scenarioId: transcript.scenarioId,
        level: transcript.level,
        source: "import",
        status: "completed",
        currentStep: STEP_IDS[STEP_IDS.length - 1] as StepId,
        report,
        completedAt: new Date(),
      },
    });
    for (const [index, turn] of transcript.turns.entries()) {
      await saveMessage({
        db: tx,
        message: {
          id: `${interview.id}:${index}`,
          interviewId: interview.id,
          role: turn.role,
          step: report.stepAssignment[index]?.step ?? turn.step,
          content: turn.content,
        },
      });
    }
    return interview.id;
  });
}
