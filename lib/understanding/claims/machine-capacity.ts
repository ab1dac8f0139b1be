/** A fleet or a bound said beside an index's size: "10 machines with 128 GB each", "it won't fit in 256 GB". */
import { ceilTolerant } from "@/lib/pipelines/capacity/compute";
import { grouped } from "@/lib/pipelines/capacity/format";
import { singular } from "../quantities/what";
import type { Quantity } from "../types";
import { isPlainCount, REPLICAS, SERVERS } from "./inputs";
import { bytes, judge, TOLERANCE, TOLERANCE_NOTE, times } from "./judge";
import type { ArithmeticCheck } from "./types";
import { type Sizes, vectorPhrase } from "./vector-size";

/** General English for a need exceeding a size: "won't fit in", "doesn't fit into", "can't fit on", "too big for". */
export const NOT_FIT =
  /\b(?:(?:won't|wouldn't|doesn't|don't|can't|cannot|will not|would not|does not|do not|can not|not)\s+(?:\w+\s+)?fit\s+(?:in|into|on|within)|too (?:big|large) for|exceeds?|more than)\s+(?:a |one |the |our )?(?:single )?$/i;

const PER_MACHINE_CORPUS =
  /\b(?:each|every|per|one)\s+(?:[a-z-]+\s+)?(?:servers?|machines?|nodes?|shards?|hosts?|gpus?|box|instances?)\s+(?:holds?|stores?|has|keeps?|carries|contains?)\b/i;

export interface Fleet {
  machines: Quantity;
  each: Quantity;
}

/**
 * "at least 10 machines with 128 GB each", "4 nodes of 256 GB apiece", "3 servers at 512 GB per
 * server": a count of machines (general infrastructure vocabulary) and each one's memory, a
 * capacity claim: the index needs ⌈size / memory a machine⌉ of them.
 */
export function machineCapacity(sentence: string, qs: Quantity[]): Fleet | undefined {
  // "Each shard holds 10 million vectors … 8 shards with 32 GB each": the corpus said is one
  // machine's, so the fleet is no division of it.
  if (PER_MACHINE_CORPUS.test(sentence)) return undefined;
  const each = qs.find(
    (q) =>
      q.kind === "bytes" &&
      (q.what === "each" || /^per\s+\w+$/.test(q.what ?? "")) &&
      (q.what === "each" || SERVERS.test(q.what ?? "")),
  );
  if (!each) return machineSized(qs);
  const machines = [...qs]
    .reverse()
    .find(
      (q) =>
        isPlainCount(q) &&
        SERVERS.test(q.what ?? "") &&
        !REPLICAS.test(q.what ?? "") &&
        q.end <= each.start &&
        /^\s*(?:with|of|at|having|each with|that have|carrying)?\s*(?:about|around|roughly|~)?\s*$/i.test(
          sentence.slice(q.end, each.start),
        ),
    );
  return machines ? { machines, each } : undefined;
}

/** A fleet count: machines by name (general infrastructure vocabulary), not the copies they keep. */
const isMachineCount = (q: Quantity) => isPlainCount(q) && SERVERS.test(q.what ?? "") && !REPLICAS.test(q.what ?? "");

/**
 * "with 128 GB boxes that's roughly 48 machines": a size whose noun is a machine is one machine's
 * memory, and a count of machines elsewhere in the sentence is the fleet.
 */
function machineSized(qs: Quantity[]): Fleet | undefined {
  const each = qs.find((q) => q.kind === "bytes" && SERVERS.test(q.what ?? "") && !/^per\s/.test(q.what ?? ""));
  const machines = each && qs.find((q) => isMachineCount(q) && q.value > 1);
  return each && machines ? { machines, each } : undefined;
}

export function judgeFleet(
  sentence: string,
  fleet: Fleet,
  s: Sizes,
  n: Quantity,
  dim: number,
  format: Quantity | undefined,
): ArithmeticCheck {
  const { machines, each } = fleet;
  const raw = ceilTolerant(s.raw / each.value);
  const hnsw = ceilTolerant(s.hnsw / each.value);
  const j = judge(machines.value, raw, hnsw);
  const formula = `${bytes(s.raw)} / ${bytes(each.value)} = ${grouped(s.raw / each.value)} → ${grouped(raw)}`;
  const subject = vectorPhrase(n, dim, format);
  const said = `${grouped(raw)} ${raw === 1 ? singular(machines.what ?? "machine") : (machines.what ?? "machines")}${hnsw !== raw ? ` (${grouped(hnsw)} with HNSW links)` : ""}`;
  return {
    kind: "memory",
    quote: sentence,
    verdict: j.verdict,
    claimed: { value: machines.value, text: machines.text },
    expected: raw,
    factor: j.factor,
    formula,
    missing: [],
    headline:
      j.verdict === "consistent"
        ? `Right: ${subject} take about ${bytes(s.raw)}, which needs ${said} of ${bytes(each.value)}.`
        : `${subject} take about ${bytes(s.raw)}, which needs ${said} of ${bytes(each.value)}, not ${machines.text}.`,
    rows: [
      { label: "Your figure", value: `${machines.text} × ${bytes(each.value)}` },
      ...s.rows,
      { label: "Machines needed", value: grouped(raw), formula },
      { label: "Off by", value: times(j.factor) },
    ],
    assumptions: [...s.assumptions, "The index is split evenly; no headroom or copies are added.", TOLERANCE_NOTE],
  };
}

/** "it won't fit in 256 GB": right when the index (raw or with links) is within tolerance of the size or above it. */
export function judgeBound(
  sentence: string,
  bound: Quantity,
  s: Sizes,
  n: Quantity,
  dim: number,
  format: Quantity | undefined,
): ArithmeticCheck {
  const need = Math.max(s.raw, s.hnsw);
  const holds = need * TOLERANCE >= bound.value;
  const factor = bound.value / need;
  const subject = vectorPhrase(n, dim, format);
  return {
    kind: "memory",
    quote: sentence,
    verdict: holds ? "consistent" : "too_high",
    claimed: { value: bound.value, text: bound.text },
    expected: need,
    factor: Math.max(factor, 1 / factor),
    formula: s.formula,
    missing: [],
    headline: holds
      ? `Right: ${subject} take about ${bytes(need)} with HNSW links, more than ${bound.text} holds comfortably.`
      : `${subject} take about ${bytes(need)} even with HNSW links, which fits in ${bound.text} with ${times(factor)} to spare.`,
    rows: [{ label: "Your limit", value: bound.text }, ...s.rows, { label: "Room", value: times(factor) }],
    assumptions: [...s.assumptions, TOLERANCE_NOTE],
  };
}
