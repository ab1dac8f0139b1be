import { type BaseCheckpointSaver, END, START, StateGraph } from "@langchain/langgraph";
import type { InterviewerDependencies } from "./dependencies";
import { createAdvanceStep } from "./nodes/advance-step";
import { createAnswerQuestion } from "./nodes/answer-question";
import { createAskAboutDiagram } from "./nodes/ask-about-diagram";
import { createAskFollowUp } from "./nodes/ask-follow-up";
import { createAssessAnswer } from "./nodes/assess-answer";
import { awaitCandidate } from "./nodes/await-candidate";
import { createCheckNumber } from "./nodes/check-number";
import { createClarifyQuestion } from "./nodes/clarify-question";
import { createGiveHint } from "./nodes/give-hint";
import { createOpenInterview } from "./nodes/open-interview";
import { createPushBack } from "./nodes/push-back";
import { createWrapUp } from "./nodes/wrap-up";
import { routeAfterAssessment } from "./routers";
import { InterviewerState } from "./state";

const REPLIES = [
  "askFollowUp",
  "pushBack",
  "checkNumber",
  "askAboutDiagram",
  "giveHint",
  "answerQuestion",
  "clarifyQuestion",
  "advanceStep",
] as const;

/** Wires the interviewer: open, then a loop of wait → assess → reply until the wrap-up. */
export function buildInterviewerGraph(checkpointer: BaseCheckpointSaver, deps: InterviewerDependencies) {
  return new StateGraph(InterviewerState)
    .addNode("openInterview", createOpenInterview(deps))
    .addNode("awaitCandidate", awaitCandidate)
    .addNode("assessAnswer", createAssessAnswer(deps))
    .addNode("askFollowUp", createAskFollowUp(deps))
    .addNode("pushBack", createPushBack(deps))
    .addNode("checkNumber", createCheckNumber(deps))
    .addNode("askAboutDiagram", createAskAboutDiagram(deps))
    .addNode("clarifyQuestion", createClarifyQuestion(deps))
    .addNode("giveHint", createGiveHint(deps))
    .addNode("answerQuestion", createAnswerQuestion(deps))
    .addNode("advanceStep", createAdvanceStep(deps))
    .addNode("wrapUp", createWrapUp(deps))
    .addEdge(START, "openInterview")
    .addEdge("openInterview", "awaitCandidate")
    .addEdge("awaitCandidate", "assessAnswer")
    .addConditionalEdges("assessAnswer", routeAfterAssessment, [...REPLIES, "wrapUp"])
    .addEdge("askFollowUp", "awaitCandidate")
    .addEdge("pushBack", "awaitCandidate")
    .addEdge("checkNumber", "awaitCandidate")
    .addEdge("askAboutDiagram", "awaitCandidate")
    .addEdge("clarifyQuestion", "awaitCandidate")
    .addEdge("giveHint", "awaitCandidate")
    .addEdge("answerQuestion", "awaitCandidate")
    .addEdge("advanceStep", "awaitCandidate")
    .addEdge("wrapUp", END)
    .compile({ checkpointer });
}

export type InterviewerGraph = ReturnType<typeof buildInterviewerGraph>;
