import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import type { InterviewerDependencies } from "@/agents/interviewer/dependencies";
import { buildInterviewerGraph, type InterviewerGraph } from "@/agents/interviewer/graph";
import { createModelDiagramReviewer } from "@/agents/interviewer/model-diagram-reviewer";
import { createModelPhraser } from "@/agents/interviewer/model-phraser";
import { createModelUnderstander } from "@/agents/interviewer/model-understander";
import type { Database } from "@/db/client";
import { withSchemaLock } from "@/db/migrate";
import { updateMessageCheck } from "@/db/queries/messages";
import { type CheckQueue, createCheckQueue } from "@/lib/checks/check-queue";
import { createFactSimilarity } from "@/lib/interview/fact-similarity";
import { logger } from "@/lib/logger";
import { checkClaim } from "@/lib/pipelines/check-claim";
import { getScenarioLibrary } from "@/lib/scenarios/library";
import { createLlmJudge } from "@/lib/scoring/llm-judge";
import { scoreTranscript } from "@/lib/scoring/score-transcript";
import { toCitation } from "@/lib/search/search-grounding";
import { getEmbedder } from "@/services/embedder";
import { getInterviewEventBus } from "@/services/events/interview-event-bus";
import { searchGroundingIn } from "@/services/grounding";
import { loadDiagramText } from "@/services/interviews/diagram-service";
import { getLlmClient } from "@/services/llm-client";

/** The schema that holds LangGraph's own checkpoint tables, apart from the app's tables. */
export const CHECKPOINT_SCHEMA = "langgraph";

const graphs = new WeakMap<Database, Promise<InterviewerGraph>>();
const queues = new WeakMap<Database, CheckQueue>();
const wired = new WeakMap<Database, InterviewerDependencies>();

/** Checks waiting beyond the one running: enough for a busy room, few enough that a card still arrives soon. */
const MAX_QUEUED_CHECKS = 32;

/**
 * The process's queue of pipeline checks for interviews in this database, built once, running
 * checks with the same runner the graph was wired with.
 */
export function getCheckQueue(database: Database): CheckQueue {
  let queue = queues.get(database);
  if (!queue) {
    const runner = (wired.get(database) ?? dependenciesFor(database)).runCheck;
    queue = createCheckQueue({
      concurrency: 1,
      maxQueued: MAX_QUEUED_CHECKS,
      run: (claim, onProgress) =>
        runner ? runner(claim, onProgress) : Promise.reject(new Error("checks are switched off")),
      store: async (job, card) => {
        if (await updateMessageCheck({ db: database.db, id: job.turnId, interviewId: job.interviewId, check: card })) {
          await getInterviewEventBus(database).publish(job.interviewId, "check", { turnId: job.turnId });
        }
      },
      onError: (error, job) =>
        logger.warn(`check ${job.claim.pipeline} for ${job.turnId} failed: ${(error as Error).message}`),
    });
    queues.set(database, queue);
  }
  return queue;
}

/** The production wiring: grounding from this database, and the configured model if there is one. */
export function dependenciesFor(database: Database): InterviewerDependencies {
  const client = getLlmClient();
  const judge = client ? createLlmJudge(client) : null;
  const retrieve: InterviewerDependencies["retrieve"] = async (input) =>
    (await searchGroundingIn(database, input)).map(toCitation);
  return {
    retrieve,
    judge,
    phrase: client ? createModelPhraser(client) : null,
    runCheck: checkClaim,
    readDiagram: (interviewId) => loadDiagramText(database, interviewId),
    reviewDiagram: client ? createModelDiagramReviewer(client) : null,
    understand: client ? createModelUnderstander(client) : null,
    factSimilarity: createFactSimilarity(getEmbedder),
    scoreTranscript: (transcript, options) =>
      scoreTranscript(
        transcript,
        {
          library: getScenarioLibrary(),
          retrieve,
          ...(judge ? { judge } : {}),
        },
        options,
      ),
  };
}

/** The compiled interviewer graph, checkpointing into the same database as the app. */
export function getInterviewerGraph(database: Database, given?: InterviewerDependencies): Promise<InterviewerGraph> {
  let graph = graphs.get(database);
  if (!graph) {
    // Built once per database, when the graph is: later calls reuse the graph and its wiring.
    const deps = given ?? dependenciesFor(database);
    wired.set(database, deps);
    graph = (async () => {
      const checkpointer = new PostgresSaver(database.pool, undefined, { schema: CHECKPOINT_SCHEMA });
      // Two servers' first turns could otherwise both create LangGraph's tables at once.
      await withSchemaLock(database, () => checkpointer.setup());
      return buildInterviewerGraph(checkpointer, deps);
    })();
    graphs.set(database, graph);
  }
  return graph;
}
