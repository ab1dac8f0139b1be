import { readFileSync } from "node:fs";
import { type Transcript, transcriptSchema } from "@/lib/scoring/schema";
import { UsageError } from "./usage-error";

/** A file's text, or a UsageError (exit 2) naming the file and why it could not be read. */
export function readTextFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`Cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? "error"}).`);
  }
}

/**
 * A transcript file in the interchange format (docs/transcript-format.md), for the CLIs that
 * take one (`score`, `diagram:check`): a UsageError naming the first bad field otherwise.
 */
export function readTranscriptFile(file: string): Transcript {
  let json: unknown;
  try {
    json = JSON.parse(readTextFile(file));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}.`);
  }
  const parsed = transcriptSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.join(".") : "the file";
    throw new UsageError(`${file} is not a transcript: ${field}: ${issue?.message ?? "invalid"}.`);
  }
  return parsed.data;
}
