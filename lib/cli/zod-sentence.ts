import type { z } from "zod";

/** The first problem of a zod error as one sentence, naming the field by `labels` where given. */
export function zodSentence(error: z.ZodError, labels: Record<string, string> = {}): string {
  const issue = error.issues[0];
  if (!issue) return "The input is not valid.";
  const key = String(issue.path[0] ?? "");
  // A label of "" means the message already names its subject.
  const field = key in labels ? labels[key] : key;
  const message = issue.message.replace(/^Invalid option: expected one of /, "must be one of ");
  // Messages that already name their field ("n must be at most …") are not prefixed twice.
  const sentence = field && !message.startsWith(`${key} `) ? `${field} ${message}` : message;
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}${sentence.endsWith(".") ? "" : "."}`;
}
