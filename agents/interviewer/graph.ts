import { type BaseCheckpointSaver, END, START, StateGraph } from "@langchain/langgraph";
import type { InterviewerDependencies } from "./dependencies";
import { advanceStep } from "./nodes/advance-step";
import { answerQuestion } from "./nodes/answer-question";
import { askFollowUp } from "./nodes/ask-follow-up";
import { assessAnswer } from "./nodes/assess-answer";
import { awaitCandidate } from "./nodes/await-candidate";
import { giveHint } from "./nodes/give-hint";
import { openInterview } from "./nodes/open-interview";
import { createWrapUp } from "./nodes/wrap-up";
import { routeAfterAssessment } from "./routers";
import { InterviewerState } from "./state";

/** Wires the interviewer: open, then a loop of wait → assess → respond until the wrap-up. */
export function buildInterviewerGraph(checkpointer: BaseCheckpointSaver, deps: InterviewerDependencies) {
  return new StateGraph(InterviewerState)
    .addNode("openInterview", openInterview)
    .addNode("awaitCandidate", awaitCandidate)
    .addNode("assessAnswer", assessAnswer)
    .addNode("askFollowUp", askFollowUp)
    .addNode("giveHint", giveHint)
    .addNode("answerQuestion", answerQuestion)
    .addNode("advanceStep", advanceStep)
    .addNode("wrapUp", createWrapUp(deps))
    .addEdge(START, "openInterview")
    .addEdge("openInterview", "awaitCandidate")
    .addEdge("awaitCandidate", "assessAnswer")
    .addConditionalEdges("assessAnswer", routeAfterAssessment, [
      "askFollowUp",
      "giveHint",
      "answerQuestion",
      "advanceStep",
      "wrapUp",
    ])
    .addEdge("askFollowUp", "awaitCandidate")
    .addEdge("giveHint", "awaitCandidate")
    .addEdge("answerQuestion", "awaitCandidate")
    .addEdge("advanceStep", "awaitCandidate")
    .addEdge("wrapUp", END)
    .compile({ checkpointer });
}

export type InterviewerGraph = ReturnType<typeof buildInterviewerGraph>;
