import type { InterviewView, TranscriptDocument } from "@/lib/types";

/** The interchange document (docs/transcript-format.md) for an interview (ids and other extras left out). */
export function toTranscriptDocument(view: InterviewView): TranscriptDocument {
  return {
    scenarioId: view.scenarioId,
    level: view.level,
    turns: view.turns.map((turn) => ({
      role: turn.role,
      ...(turn.step ? { step: turn.step } : {}),
      content: turn.content,
    })),
  };
}
