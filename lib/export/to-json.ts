import { toTranscriptDocument } from "@/lib/interview/transcript";
import type { InterviewView } from "@/lib/types";

/**
 * The interview in DESIGN.md's interchange format, so it can be re-imported or re-scored, with the
 * score report alongside (the format allows extra fields, and readers ignore them).
 */
export function exportJson({ view }: { view: InterviewView }): string {
  return `${JSON.stringify({ ...toTranscriptDocument(view), report: view.report }, null, 2)}\n`;
}
