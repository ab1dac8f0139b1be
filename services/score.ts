import { getScenarioLibrary } from "@/lib/scenarios/library";
import type { ScoreReport, TranscriptInput } from "@/lib/scoring/schema";
import { scoreTranscript } from "@/lib/scoring/score-transcript";
import { toCitation } from "@/lib/search/search-grounding";
import { retrieveGrounding } from "./grounding";

/** Scores a transcript with citations from the grounding search of this process. */
export function scoreWithCitations(transcript: TranscriptInput): Promise<ScoreReport> {
  return scoreTranscript(transcript, {
    library: getScenarioLibrary(),
    retrieve: async (input) => (await retrieveGrounding(input)).map(toCitation),
  });
}
