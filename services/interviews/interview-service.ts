import type { InterviewerGraph } from "@/agents/interviewer/graph";
import type { Database } from "@/db/client";
import { saveDiagramRow } from "@/db/queries/diagrams";
import { createInterview, deleteInterviewById, getInterviewById } from "@/db/queries/interviews";
import { listMessagesByInterview, saveMessage, saveMessageOnce } from "@/db/queries/messages";
import type { Interview } from "@/db/schema";
import { diagramToScene } from "@/lib/diagram/excalidraw/from-text";
import { parseMermaid } from "@/lib/diagram/mermaid/parse";
import { AppError } from "@/lib/errors";
import { type Level, type ScenarioId, STEP_IDS, type StepId } from "@/lib/framework";
import { getScenario } from "@/lib/scenarios/library";
import type { ScoreReport, Transcript } from "@/lib/scoring/schema";
import type { InterviewView } from "@/lib/types";
import { getInterviewEventBus } from "@/services/events/interview-event-bus";
import { getInterviewerGraph } from "./interviewer-runtime";
import { messageIdConflict } from "./message-id-conflict";
import { refuseBeyondMessageLimit } from "./message-limit";
import { schedulePendingChecks } from "./pending-checks";
import { type GraphState, type InterviewEvent, type Reconciled, reconcile } from "./reconcile";
import { withTurnLock } from "./turn-lock";
import { toView } from "./view";

export { MAX_INTERVIEW_MESSAGES } from "./message-limit";
export type { InterviewEvent } from "./reconcile";

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

/**
 * Imported transcripts and member-interviewed rounds have no interviewer thread: their view is
 * the stored turns and report. A round's step clock starts when the step was set (the row's
 * last update).
 */
async function reconcileOrRead(database: Database, graph: InterviewerGraph, interview: Interview): Promise<Reconciled> {
  if (interview.source !== "live") {
    const rows = await listMessagesByInterview({ db: database.db, interviewId: interview.id });
    const state =
      interview.source === "peer"
        ? { ...EMPTY_STATE, values: { stepStartedAt: interview.updatedAt.toISOString(), minutes: interview.minutes } }
        : EMPTY_STATE;
    return { interview, state, rows };
  }
  return reconcile(database, graph, interview);
}

/**
 * The interview as just read, with its latest event number, read under the same turn lock: every
 * event of a turn is published under that lock, so the view holds everything up to the number
 * and a watcher starting after it misses nothing and gets nothing twice. (A check card stored
 * off the turn in between is the exception: a pending card is also polled for.)
 */
async function numbered(database: Database, reconciled: Reconciled): Promise<[Reconciled, number]> {
  return [reconciled, await getInterviewEventBus(database).latestSeq(reconciled.interview.id)];
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
  const [reconciled, eventSeq] = await withTurnLock(database, interview.id, async () =>
    numbered(database, await reconcile(database, graph, interview)),
  );
  return toView(reconciled, eventSeq);
}

/** The interview as it stands, after repairing anything a crash left half done. */
export async function getInterviewView(database: Database, id: string, viewer?: Viewer): Promise<InterviewView> {
  await requireInterview(database, id, viewer);
  const graph = await getInterviewerGraph(database);
  // Read again under the lock: a turn through another server may have just moved it on.
  const [reconciled, eventSeq] = await withTurnLock(database, id, async () =>
    numbered(database, await reconcileOrRead(database, graph, await requireInterview(database, id, viewer))),
  );
  const view = toView(reconciled, eventSeq);
  // A card left pending by a restart is run again here; one already running is left alone.
  schedulePendingChecks(database, view);
  return view;
}

/** Stores the candidate's message first, then lets the interviewer respond. */
export async function sendCandidateMessage(
  database: Database,
  input: {
    interviewId: string;
    messageId: string;
    content: string;
    viewer?: Viewer;
    /** Shown quietly with the message (who sent it, when it was not the candidate's own typing). */
    notice?: string;
  },
  onEvent?: (event: InterviewEvent) => void,
): Promise<InterviewView> {
  const graph = await getInterviewerGraph(database);
  const result = await withTurnLock(database, input.interviewId, async () => {
    // Read afresh under the lock: another server may have stored and answered a message meanwhile.
    const interview = await requireInterview(database, input.interviewId, input.viewer);
    // Counted before the interviewer reads anything, so a full interview costs no graph run.
    // An ended or imported one is refused below with its own sentence.
    if (interview.source === "live" && interview.status !== "completed") {
      await refuseBeyondMessageLimit(database, {
        interviewId: input.interviewId,
        messageId: input.messageId,
        role: "candidate",
      });
    }
    const before = await reconcileOrRead(database, graph, interview);
    if (before.interview.status === "completed" || before.interview.source === "import") {
      throw new AppError("conflict:interview", "This interview has ended; start a new one to keep practising.");
    }
    if (before.interview.source === "peer") {
      throw new AppError("conflict:interview", "A member interviews this study-room round: answer in the room.");
    }
    const message = {
      id: input.messageId,
      interviewId: input.interviewId,
      role: "candidate" as const,
      step: before.interview.currentStep,
      content: input.content,
      meta: input.notice ? { notice: input.notice } : null,
    };
    // Watchers on every server see the candidate's message before any word of the reply.
    const { outcome, row: storedRow } = await saveMessageOnce({ db: database.db, message });
    if (outcome === "conflict") throw messageIdConflict();
    if (outcome === "stored") {
      const bus = getInterviewEventBus(database);
      const seq = await bus.publish(input.interviewId, "message", { messageId: message.id });
      // The earlier replies' words are said by their stored messages; a turn later, no watcher
      // still reading them live is left behind.
      if (seq !== null) await bus.forgetWordsBefore(input.interviewId, seq);
    }
    // A retried send is stored once; the graph must not read it twice either. Under the turn
    // lock nobody else writes this transcript, so the row just stored extends the one read.
    const rows = before.rows.some((row) => row.id === message.id)
      ? before.rows
      : storedRow
        ? [...before.rows, storedRow]
        : await listMessagesByInterview({ db: database.db, interviewId: input.interviewId });
    return numbered(
      database,
      await reconcile(database, graph, before.interview, onEvent, { state: before.state, rows }),
    );
  });
  const view = toView(...result);
  // The reply is complete; a pipeline check it announced runs now, off the turn.
  schedulePendingChecks(database, view);
  return view;
}

/** Deletes an interview the viewer owns, with its transcript, share links and checkpoints. */
export async function deleteInterview(database: Database, id: string, viewer: Viewer): Promise<void> {
  await requireInterview(database, id, viewer);
  const graph = await getInterviewerGraph(database);
  await withTurnLock(database, id, async () => {
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
    // The diagram a transcript carries (a Mermaid flowchart, already checked to parse) is stored
    // as a laid-out scene, so the imported interview shows it like one drawn here.
    if (transcript.diagram) {
      const scene = diagramToScene(parseMermaid(transcript.diagram));
      await saveDiagramRow({ db: tx, interviewId: interview.id, scene, elementCount: scene.elements.length });
    }
    return interview.id;
  });
}
