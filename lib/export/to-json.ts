import { toTranscriptDocument } from "@/lib/interview/transcript";
import type { InterviewView } from "@/lib/types";

/**
 * The interview in the interchange format (docs/transcript-format.md), so it can be re-imported or re-scored, with the
 * score report alongside (the format allows extra fields, and readers ignore them).
 */
export function exportJson({ view }: { view: InterviewView }): string {
  return `${JSON.stringify({ ...toTranscriptDocument(view), report: view.report }, null, 2)}\n`;
}
