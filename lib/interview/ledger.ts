import type { StepId } from "@/lib/framework";
import { stemTokens } from "@/lib/scoring/match-phrase";
import { isStopword } from "@/lib/text/stem";
import type { LedgerEntry } from "@/lib/types";
import type { Quantity } from "@/lib/understanding/types";

/** The sentence of `text` that holds offset `at`: from the last sentence end before it to the next. */
function sentenceAround(text: string, at: number): string {
  const before = text.slice(0, at);
  const start = Math.max(before.search(/[^.!?\n]*$/), 0);
  const rest = text.slice(at).search(/[.!?](\s|$)|\n/);
  const end = rest < 0 ? text.length : at + rest + 1;
  return text.slice(start, end).trim();
}

/**
 * A bare small count ("2 options", "step 3") is not worth keeping, nor a number word in prose
 * ("one shared embedding"), nor a number inside a compound word ("2-hop", "3-stage"); a unit, a
 * large value, or a digit count of something is.
 */
function worthKeeping(q: Quantity, text: string): boolean {
  if (q.kind === "count" && text.charAt(q.end) === "-") return false;
  if (q.kind !== "count" || q.value >= 100) return true;
  return Boolean(q.what) && /\d/.test(q.text);
}

/**
 * Ledger lines for the quantities of one message, each with its sentence. `within` limits them
 * to the parts of the message that count (the candidate's answer sentences, never text aimed
 * at the interviewer's instructions).
 */
export function ledgerEntriesFrom({
  text,
  quantities,
  source,
  turn,
  step,
  within,
}: {
  text: string;
  quantities: Quantity[];
  source: LedgerEntry["source"];
  turn: number;
  step: StepId;
  within?: string[];
}): LedgerEntry[] {
  return quantities
    .filter((q) => worthKeeping(q, text))
    .flatMap((q) => {
      const sentence = sentenceAround(text, q.start);
      if (within && !within.some((s) => s.includes(q.text) && (s.includes(sentence) || sentence.includes(s)))) {
        return [];
      }
      return [
        {
          source,
          text: q.text,
          kind: q.kind,
          value: q.value,
          ...(q.what ? { what: q.what } : {}),
          sentence,
          turn,
          step,
        },
      ];
    });
}

/** True when the candidate's figure only repeats one the interviewer gave: never credit them with it. */
export function repeatsInterviewer(entry: Pick<LedgerEntry, "kind" | "value">, ledger: LedgerEntry[]): boolean {
  return ledger.some(
    (e) =>
      e.source === "interviewer" &&
      e.kind === entry.kind &&
      Math.abs(e.value - entry.value) <= 1e-9 * Math.max(1, Math.abs(e.value)),
  );
}

/** Words that shape a question for a number without naming what is counted. */
const QUESTION_WORDS = new Set("many much big large estimate rough roughly need needed would expect".split(" "));

const subjectStems = (text: string) =>
  new Set(stemTokens(text).filter((t) => t.length > 1 && !isStopword(t) && !QUESTION_WORDS.has(t)));

/**
 * The figure already on the table (the candidate's, or a fact the interviewer gave) that a number
 * question would ask for again ("how many GPUs are needed?" after "about 340 GPUs"): the
 * question's subject must be what the figure counts.
 */
export function ledgerAnswers(question: string, ledger: LedgerEntry[]): LedgerEntry | null {
  const asked = subjectStems(question);
  for (const entry of [...ledger].reverse()) {
    if (!entry.what) continue;
    const what = [...subjectStems(entry.what)];
    if (what.length > 0 && what.every((t) => asked.has(t))) return entry;
  }
  return null;
}

/**
 * The figures of an interviewer turn not yet in the ledger (the opening prompt, a question that
 * gives a number, a fact): recorded as the interviewer's, so the candidate is never credited with them.
 */
export function interviewerFigures({
  text,
  quantities,
  turn,
  step,
  ledger,
}: {
  text: string;
  quantities: Quantity[];
  turn: number;
  step: StepId;
  ledger: LedgerEntry[];
}): LedgerEntry[] {
  const fresh: LedgerEntry[] = [];
  for (const entry of ledgerEntriesFrom({ text, quantities, source: "interviewer", turn, step })) {
    const known = [...ledger, ...fresh];
    if (!repeatsInterviewer(entry, known) && !known.some((e) => e.text === entry.text && e.sentence === entry.sentence))
      fresh.push(entry);
  }
  return fresh;
}
