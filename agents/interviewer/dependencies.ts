import type { ScoreReport, TranscriptInput } from "@/lib/scoring/schema";

/** What the interviewer's nodes need from outside the graph, injected so that tests choose them. */
export interface InterviewerDependencies {
  scoreTranscript(transcript: TranscriptInput): Promise<ScoreReport>;
}
