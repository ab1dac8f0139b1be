/**
 * Memory of a vector index: n × dim × bytes per value, plus HNSW's links (2·M four-byte ids a
 * vector, M = 16), the same arithmetic as the Lab's capacity form.
 */
import { ceilTolerant, HNSW_LINK_BYTES } from "@/lib/pipelines/capacity/compute";
import { grouped, valueType } from "@/lib/pipelines/capacity/format";
import { singular } from "../quantities/what";
import type { Quantity } from "../types";
import {
  copiesOf,
  fromContext,
  isEstimate,
  isLastOf,
  isMemorySize,
  isPlainCount,
  isSizeEach,
  isUsers,
  isVectors,
  numberText,
  REPLICAS,
  SERVERS,
  VECTORS,
} from "./inputs";
import { bytes, cannotCheck, comparedWith, judge, TOLERANCE, TOLERANCE_NOTE, times } from "./judge";
import { refersBack } from "./storage";
import type { ArithmeticCheck } from "./types";

export const HNSW_M = 16;
export const FLOAT32_BYTES = 4;
/** What one large machine holds in RAM, for the one-machine rule. */
export const MACHINE_RAM_BYTES = 1e12;
/** The dimension assumed for the one-machine rule when none was stated (a common embedding width). */
export const DEFAULT_DIM = 128;

const MEMORY_TALK = /\b(memory|ram|index|indexes|embeddings?|vectors?|fits?|hold|store|hnsw|faiss)\b/i;

interface VectorInputs {
  n?: Quantity;
  dim?: Quantity;
  format?: Quantity;
  /** Whether any input came from the sentence itself (otherwise the claim is a bare figure). */
  stated: boolean;
}

/** Bytes a value of the usual number formats (int4 to float64): "x 4 bytes" beside a dimension is a value width. */
const VALUE_WIDTHS = [0.5, 1, 2, 4, 8];

/** A count that can be the rows of an index: any noun but the machines and copies that hold it. */
const isRowCount = (q: Quantity) => isPlainCount(q) && !SERVERS.test(q.what ?? "") && !REPLICAS.test(q.what ?? "");
/** Below this a ledger count is not taken for a corpus unless it names vectors. */
const CONTEXT_CORPUS_MIN = 1e5;

/**
 * The inputs of n × dim × bytes a value. Beside a dimension the largest count is the number of
 * vectors whatever it counts ("500M users times 128 floats", "5M panoramas each indexed by a
 * 1024-d vector"); without one, a count of vectors by name ("200 million item embeddings"). A
 * size of a value width ("x 4 bytes") beside a dimension is the format. Missing inputs come from
 * the ledger, the most recent first.
 */
export function vectorInputs(qs: Quantity[], context: Quantity[], allowUnnamed = false): VectorInputs {
  const dim = qs.find((q) => q.kind === "dimension");
  const counts = qs.filter(
    (q) => (dim ? isRowCount(q) : isVectors(q)) || (allowUnnamed && isPlainCount(q) && !q.what && !isUsers(q)),
  );
  const n = counts.sort((a, b) => b.value - a.value)[0];
  const format =
    qs.find((q) => q.kind === "bytes_per_value") ??
    (dim ? valueWidth(qs) : undefined) ??
    fromContext(context, (q) => q.kind === "bytes_per_value");
  return {
    n:
      n ??
      fromContext(context, isVectors) ??
      fromContext(context, (q) => isRowCount(q) && Boolean(q.what) && q.value >= CONTEXT_CORPUS_MIN),
    dim: dim ?? fromContext(context, (q) => q.kind === "dimension"),
    format,
    stated: Boolean(n || dim),
  };
}

/**
 * "30 million documents split into about 10 chunks each": beside a dimension, a smaller count of
 * what an index holds (chunks, passages, vectors), said after the corpus as each one's share,
 * multiplies it; the index holds 300 million chunks.
 */
export function withSplitCorpus(sentence: string, qs: Quantity[]): Quantity[] {
  if (!qs.some((q) => q.kind === "dimension")) return qs;
  const corpus = qs.filter(isRowCount).sort((a, b) => b.value - a.value)[0];
  if (!corpus) return qs;
  const each = qs.find(
    (q) =>
      q !== corpus &&
      isRowCount(q) &&
      q.start > corpus.end &&
      q.value >= 2 &&
      q.value * 100 <= corpus.value &&
      VECTORS.test(q.what ?? "") &&
      /^\s*(?:each|apiece|per\s+[a-z]+)\b/i.test(sentence.slice(q.end)),
  );
  if (!each) return qs;
  const split: Quantity = {
    ...corpus,
    value: corpus.value * each.value,
    text: `${grouped(corpus.value * each.value)} ${each.what ?? ""}`.trim(),
    ...(each.what ? { what: each.what } : {}),
  };
  return qs.filter((q) => q !== each).map((q) => (q === corpus ? split : q));
}

/**
 * "250M vectors x 768 x 2 bytes": in a product of a count of vectors, a bare number and a value
 * width, the bare number is the dimension (n × d × bytes a value).
 */
export function withProductDimension(sentence: string, qs: Quantity[]): Quantity[] {
  if (qs.some((q) => q.kind === "dimension") || !qs.some(isVectors)) return qs;
  const factor = (q: Quantity) => /[x×*]\s*$/i.test(sentence.slice(Math.max(0, q.start - 3), q.start));
  const dim = qs.find((q) => isPlainCount(q) && !q.what && factor(q) && Number.isInteger(q.value) && q.value >= 2);
  if (!dim || !qs.some((q) => q !== dim && factor(q) && q.kind === "bytes" && VALUE_WIDTHS.includes(q.value))) {
    return qs;
  }
  return qs.map((q): Quantity => (q === dim ? { ...q, kind: "dimension", unit: "d" } : q));
}

/**
 * "100 million rows with 200 features each at 4 bytes": a small count of values each row holds
 * ("each", "per row") beside a value width and a larger count is the row's dimension.
 */
export function withEachDimension(sentence: string, qs: Quantity[]): Quantity[] {
  if (qs.some((q) => q.kind === "dimension")) return qs;
  const hasWidth = qs.some(
    (q) => (q.kind === "bytes" && !q.what && VALUE_WIDTHS.includes(q.value)) || q.kind === "bytes_per_value",
  );
  if (!hasWidth) return qs;
  const dim = qs.find(
    (q) =>
      isPlainCount(q) &&
      q.what &&
      Number.isInteger(q.value) &&
      q.value >= 2 &&
      q.value < 1e5 &&
      /^\s*(?:each|apiece|per (?:row|item|record|entry|user|vector|document|example|sample))\b/i.test(
        sentence.slice(q.end),
      ) &&
      qs.some((r) => isPlainCount(r) && r.value > q.value * 100),
  );
  return dim ? qs.map((q): Quantity => (q === dim ? { ...q, kind: "dimension", unit: "d" } : q)) : qs;
}

/** Both readings of a dimension said as a product or as values each row holds. */
export const withDimensions = (sentence: string, qs: Quantity[]) =>
  withEachDimension(sentence, withProductDimension(sentence, qs));

/** "20M chunks x 1536 dims x 4 bytes": a bare size of a value's width, read as the format. */
function valueWidth(qs: Quantity[]): Quantity | undefined {
  const width = qs.find((q) => q.kind === "bytes" && !q.what && VALUE_WIDTHS.includes(q.value));
  return width ? { ...width, kind: "bytes_per_value" } : undefined;
}

function vectorPhrase(n: Quantity, dim: number, format: Quantity | undefined): string {
  const what = n.what && VECTORS.test(n.what) ? n.what.replace(/^.*?\b(\w+)$/, "$1") : "vectors";
  return `${numberText(n)} ${dim}-dim ${format ? format.text : "float32"} ${what}`;
}

export interface Sizes {
  raw: number;
  hnsw: number;
  formula: string;
  rows: ArithmeticCheck["rows"];
  assumptions: string[];
}

export function sizes(n: number, dim: number, bytesPerValue: number, formatStated: boolean): Sizes {
  const raw = n * dim * bytesPerValue;
  const links = n * HNSW_M * 2 * HNSW_LINK_BYTES;
  const formula = `${grouped(n)} × ${dim} × ${bytesPerValue} B = ${bytes(raw)}`;
  return {
    raw,
    hnsw: raw + links,
    formula,
    rows: [
      { label: "Raw vectors", value: bytes(raw), formula },
      {
        label: "With HNSW links",
        value: bytes(raw + links),
        formula: `${bytes(raw)} + ${grouped(n)} × ${HNSW_M} × 2 × ${HNSW_LINK_BYTES} B = ${bytes(raw + links)}`,
      },
    ],
    assumptions: [
      ...(formatStated
        ? []
        : [`${valueType(bytesPerValue)} (${bytesPerValue} bytes a value), since no format was stated.`]),
      `HNSW adds about 2·M four-byte links a vector with M = ${HNSW_M}; the claim is judged against the raw size and the size with links.`,
    ],
  };
}

/**
 * A memory claim: a plain size beside a dimension (whatever the nouns), or beside memory talk. With
 * no count or dimension in the sentence, only a hedged figure ("about 40 GB") is a claim, checked
 * against the ledger.
 */
export function checkMemory(
  sentence: string,
  sentenceQs: Quantity[],
  context: Quantity[],
): ArithmeticCheck | undefined {
  const qs = withSplitCorpus(sentence, withDimensions(sentence, sentenceQs));
  const hasDim = qs.some((q) => q.kind === "dimension");
  const width = hasDim && !qs.some((q) => q.kind === "bytes_per_value") ? valueWidth(qs) : undefined;
  const fleet = machineCapacity(sentence, qs);
  const sized = qs.filter((q) => isMemorySize(q, sentence) && q.start !== width?.start);
  // "it won't fit in 256 GB": a size the need is said to exceed, a bound rather than a figure.
  const bound = sized.find((q) => NOT_FIT.test(sentence.slice(Math.max(0, q.start - 40), q.start)));
  const memorySizes = sized.filter((q) => q !== bound);
  const claim = memorySizes[0] ?? bound ?? fleet?.machines;
  // "So the whole table is around 20 GB" after the dimension was given: a concluded size of the index.
  const ledgerDim = !hasDim && context.some((q) => q.kind === "dimension") && claim && isEstimate(sentence, claim);
  if (!claim || !(hasDim || MEMORY_TALK.test(sentence) || fleet || ledgerDim)) return undefined;
  // Records of a stated size each with no dimension are storage's arithmetic ("1 billion images at 20 KB each").
  if (!hasDim && qs.some((q) => q.kind === "bytes" && q !== fleet?.each && /^(?:per |each$)/.test(q.what ?? "")))
    return undefined;
  // "Each log line is 1 KB … So total storage is around 200 TB": with no dimension anywhere, a
  // size borrowed beside records of a stated size is storage's.
  if (!hasDim && !context.some((q) => q.kind === "dimension") && context.some(isSizeEach)) return undefined;
  const { n, dim, format, stated } = vectorInputs(qs, context, !hasDim && context.some((q) => q.kind === "dimension"));
  if (!stated && !isEstimate(sentence, claim) && !refersBack(sentence)) return undefined;
  const formula = "vectors × dimension × bytes per value";
  if (!n || !dim) {
    const missing: Array<[string, string]> = [];
    if (!n) missing.push(["the number of vectors", "how many vectors are there?"]);
    if (!dim) missing.push(["the embedding dimension", "what dimension are the vectors?"]);
    return cannotCheck("memory", sentence, claim.text, missing, formula);
  }
  const bpv = format?.value ?? FLOAT32_BYTES;
  const s = sizes(n.value, dim.value, bpv, Boolean(format));
  // "Each of the 3 replicas holds the full index … about 150 GB total": the last size carries the copies.
  const copies = copiesOf(sentence, qs);
  const k = copies?.value ?? 1;
  const withCopies = [s.raw * k, s.hnsw * k];
  const expectedSet =
    copies && isLastOf(claim, memorySizes) ? withCopies : copies ? [s.raw, s.hnsw, ...withCopies] : [s.raw, s.hnsw];
  if (claim !== memorySizes[0]) {
    // No figure of the index's size: the bound or the fleet is the claim.
    const checks = [
      ...(bound ? [judgeBound(sentence, bound, s, n, dim.value, format)] : []),
      ...(fleet ? [judgeFleet(sentence, fleet, s, n, dim.value, format)] : []),
    ];
    return checks.find((c) => c.verdict !== "consistent") ?? checks[0];
  }
  const j = judge(claim.value, ...expectedSet);
  if (copies) {
    s.rows.push({ label: `With ${copies.text}`, value: bytes(s.raw * k), formula: `${bytes(s.raw)} × ${grouped(k)}` });
    s.assumptions.push(
      `${copies.text}: the last figure is judged as ${grouped(k)} copies, an earlier one as one copy or all.`,
    );
  }
  const subject = vectorPhrase(n, dim.value, format);
  const short = `${grouped(n.value)} × ${dim.value} × ${bpv} B`;
  const headline =
    j.verdict === "consistent"
      ? `Right: ${subject} take about ${bytes(s.raw)} (${short})${copies ? `, ${bytes(s.raw * k)} for ${copies.text}` : `, ${bytes(s.hnsw)} with HNSW links`}, so ${claim.text} holds.`
      : `${subject} take about ${bytes(s.raw)} (${short})${copies ? `, ${bytes(s.raw * k)} for ${copies.text}` : ""}, ${comparedWith(claim.text, j)}.`;
  const sizeCheck: ArithmeticCheck = {
    kind: "memory",
    quote: sentence,
    verdict: j.verdict,
    claimed: { value: claim.value, text: claim.text },
    expected: s.raw,
    factor: j.factor,
    formula: s.formula,
    missing: [],
    headline,
    rows: [{ label: "Your figure", value: claim.text }, ...s.rows, { label: "Off by", value: times(j.factor) }],
    assumptions: [...s.assumptions, TOLERANCE_NOTE],
  };
  // "that's about 460 GB, so it needs at least 4 machines with 128 GB each": every claim is judged;
  // the first wrong one is reported.
  const checks = [
    sizeCheck,
    ...(bound ? [judgeBound(sentence, bound, s, n, dim.value, format)] : []),
    ...(fleet ? [judgeFleet(sentence, fleet, s, n, dim.value, format)] : []),
  ];
  return checks.find((c) => c.verdict !== "consistent") ?? sizeCheck;
}

/** General English for a need exceeding a size: "won't fit in", "doesn't fit into", "can't fit on", "too big for". */
const NOT_FIT =
  /\b(?:(?:won't|wouldn't|doesn't|don't|can't|cannot|will not|would not|does not|do not|can not|not)\s+(?:\w+\s+)?fit\s+(?:in|into|on|within)|too (?:big|large) for|exceeds?|more than)\s+(?:a |one |the |our )?(?:single )?$/i;

const PER_MACHINE_CORPUS =
  /\b(?:each|every|per|one)\s+(?:[a-z-]+\s+)?(?:servers?|machines?|nodes?|shards?|hosts?|gpus?|box|instances?)\s+(?:holds?|stores?|has|keeps?|carries|contains?)\b/i;

interface Fleet {
  machines: Quantity;
  each: Quantity;
}

/**
 * "at least 10 machines with 128 GB each", "4 nodes of 256 GB apiece", "3 servers at 512 GB per
 * server": a count of machines (general infrastructure vocabulary) and each one's memory, a
 * capacity claim: the index needs ⌈size / memory a machine⌉ of them.
 */
function machineCapacity(sentence: string, qs: Quantity[]): Fleet | undefined {
  // "Each shard holds 10 million vectors … 8 shards with 32 GB each": the corpus said is one
  // machine's, so the fleet is no division of it.
  if (PER_MACHINE_CORPUS.test(sentence)) return undefined;
  const each = qs.find(
    (q) =>
      q.kind === "bytes" &&
      (q.what === "each" || /^per\s+\w+$/.test(q.what ?? "")) &&
      (q.what === "each" || SERVERS.test(q.what ?? "")),
  );
  if (!each) return undefined;
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

function judgeFleet(
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
function judgeBound(
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

const ONE_MACHINE =
  /\b(one|a single|single|1)\s+(machine|server|node|box|core|host|gpu|instance)\b|\b(no|without)\s+sharding\b|\bunsharded\b/i;
const SEARCH_TALK =
  /\b(search|serve|serving|hold|holds|store|index|query|queries|ann|hnsw|faiss|nearest|top\s+\d+|retriev\w*)\b/i;
/** Compressed vector indexes (general ANN vocabulary): product quantisation and its kin, binary codes. */
const COMPRESSED_INDEX = /\b(?:pq|opq|product quanti[sz]\w*|quanti[sz]\w*|binary codes?|scann)\b/i;
/** Below this many vectors one machine is rarely in doubt. */
const LARGE_N = 1e7;

/** "top 100 of 6 billion on one core, no sharding": does the corpus fit on one machine? */
export function checkOneMachine(sentence: string, qs: Quantity[], context: Quantity[]): ArithmeticCheck | undefined {
  if (!ONE_MACHINE.test(sentence) || !SEARCH_TALK.test(sentence)) return undefined;
  // "IVF-PQ on 500 million embeddings … on a single GPU": a compressed index holds codes of a few
  // bytes a vector, not float vectors, so n × d × 4 says nothing about whether it fits.
  if (COMPRESSED_INDEX.test(sentence) && !qs.some((q) => q.kind === "bytes_per_value")) return undefined;
  const { n, dim, format } = vectorInputs(qs, context, true);
  if (!n || n.value < LARGE_N) return undefined;
  const d = dim?.value ?? DEFAULT_DIM;
  const bpv = format?.value ?? FLOAT32_BYTES;
  const s = sizes(n.value, d, bpv, Boolean(format));
  const needed = /\bhnsw\b/i.test(sentence) ? s.hnsw : s.raw;
  const fits = needed <= MACHINE_RAM_BYTES;
  const factor = Math.max(needed / MACHINE_RAM_BYTES, MACHINE_RAM_BYTES / needed);
  const subject = vectorPhrase(n, d, format);
  const where = `one machine (${bytes(MACHINE_RAM_BYTES)} of RAM)`;
  return {
    kind: "memory",
    quote: sentence,
    verdict: fits ? "consistent" : "too_low",
    claimed: { value: MACHINE_RAM_BYTES, text: "one machine" },
    expected: needed,
    factor,
    formula: s.formula,
    missing: [],
    headline: fits
      ? `Right: ${subject} take about ${bytes(needed)}, which fits on ${where}.`
      : `${subject} take about ${bytes(needed)} (${grouped(n.value)} × ${d} × ${bpv} B), about ${times(needed / MACHINE_RAM_BYTES)} what ${where} holds, so they need sharding or compression.`,
    rows: [...s.rows, { label: "One machine holds", value: bytes(MACHINE_RAM_BYTES) }],
    assumptions: [
      ...(dim ? [] : [`${DEFAULT_DIM}-dim vectors, since no dimension was stated.`]),
      ...s.assumptions,
      `One machine is taken to hold ${bytes(MACHINE_RAM_BYTES)} of RAM (a large server).`,
    ],
  };
}
