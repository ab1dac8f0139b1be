/**
 * The numbers a diagram label states (issue 16): its quantities, read by the same parser as the
 * candidate's messages, and a "from N to M" count change ("1000 to 100", "10k → 500") that says a
 * stage narrows (or widens) the candidate set.
 */
import type { Annotations, CountChange } from "@/lib/diagram/types";
import { numberSpans } from "@/lib/understanding/quantities/numbers";
import { parseQuantities } from "@/lib/understanding/quantities/parse-quantities";
import type { Quantity } from "@/lib/understanding/types";

/**
 * What may stand between the two numbers of a count change: NUMBER (to|->|→|⇒|=>|down to|into)
 * NUMBER, with any spacing. The numbers themselves are the project's number reading ("10k",
 * "1,000", "two thousand"), so the grammar only names the connector.
 */
const CONNECTOR = /^\s*(?:down\s+to|to|into|-+>|→|⇒|=+>|⟶|⟹)\s*$/i;
/** A connector is a few characters; a longer gap is never one, so it is not even matched. */
const MAX_CONNECTOR = 16;

/**
 * Only this much of a label is read: a label is a few words, and 10,000 characters of one is
 * already a pasted document. Reading stays linear below it; above, it stays bounded.
 */
export const MAX_ANNOTATED_CHARS = 10_000;

const MAY_HOLD_NUMBER =
  /\d|\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|hundred|thousand|million|billion|trillion|dozen|few|several|couple|half|quarter|single|pair|handful)\b/i;

/**
 * Labels read lately, by their text: the interviewer reads the same diagram at every message, and
 * the number recognizer is most of what that costs (bench/diagrams/cost.ts). Bounded, oldest out.
 */
const recent = new Map<string, Annotations>();
const MAX_RECENT = 5000;

/** The quantities and count change of one label; linear in its length (labels can be long). */
export function readAnnotations(whole: string): Annotations {
  let read = recent.get(whole);
  if (!read) {
    read = readFresh(whole);
    if (recent.size >= MAX_RECENT) recent.delete(recent.keys().next().value as string);
    recent.set(whole, read);
  }
  // A copy of its own for each caller: one that edits what it was given cannot change another's.
  return {
    quantities: read.quantities.map((q) => ({ ...q })),
    countChange: read.countChange && { ...read.countChange },
  };
}

/** Forgets every label read, so a benchmark can time a first reading as a fresh server does. */
export function forgetReadLabels(): void {
  recent.clear();
}

function readFresh(whole: string): Annotations {
  const label = whole.length > MAX_ANNOTATED_CHARS ? whole.slice(0, MAX_ANNOTATED_CHARS) : whole;
  if (!MAY_HOLD_NUMBER.test(label)) {
    // No digit and no word that can be a number: nothing to read, and the recognizer is not woken.
    return { quantities: [], countChange: null };
  }
  const quantities = parseQuantities(label);
  return { quantities, countChange: countChange(label, quantities) };
}

/** The first "N to M" of the label whose second number is a count, not a duration or a size. */
function countChange(label: string, quantities: Quantity[]): CountChange | null {
  // Keyed by start: "20 to 30 ms" is a latency range, not a narrowing; "1000 to 100" is.
  const kindAt = new Map<number, Quantity["kind"]>();
  const countEnd = new Map<number, number>();
  for (const q of quantities) {
    if (!kindAt.has(q.start)) kindAt.set(q.start, q.kind);
    // "1000 candidates to 100": the counted noun may sit between the number and the connector.
    if (q.kind === "count") countEnd.set(q.start, Math.max(q.end, countEnd.get(q.start) ?? 0));
  }
  // "a" read as one ("a second") is no count a stage narrows from.
  const spans = numberSpans(label).filter((s) => !s.article);
  for (let i = 0; i + 1 < spans.length; i += 1) {
    const a = spans[i];
    const b = spans[i + 1];
    if (!a || !b) continue;
    const after = Math.min(b.start, Math.max(a.end, countEnd.get(a.start) ?? 0));
    if (b.start - after > MAX_CONNECTOR) continue;
    if (!CONNECTOR.test(label.slice(after, b.start))) continue;
    if (!isCount(kindAt.get(a.start)) || !isCount(kindAt.get(b.start))) continue;
    if (!(a.value >= 0 && b.value >= 0)) continue;
    return { from: a.value, to: b.value, text: label.slice(a.start, b.end) };
  }
  return null;
}

/** A bare number the quantity parser left unread (no unit) counts too. */
function isCount(kind: Quantity["kind"] | undefined): boolean {
  return kind === undefined || kind === "count";
}
