/** The transcript and report schemas live in the domain core; this module keeps the older import path working. */
export { type Citation, citationSchema } from "@/lib/domain/citation";
export {
  LEVEL_SIGNALS,
  type LevelSignal,
  type ScoreReport,
  type StepReport,
  scoreReportSchema,
  stepReportSchema,
} from "@/lib/domain/report";
export { type Transcript, type TranscriptInput, transcriptSchema } from "@/lib/domain/transcript";
