/** A claimed memory figure of a vector index, judged against n × dim × bytes a value (raw and with HNSW links). */
import { grouped } from "@/lib/pipelines/capacity/format";
import type { Quantity } from "../types";
import { copiesOf, isEstimate, isLastOf, isMemorySize, isSizeEach, refersBack } from "./inputs";
import { bytes, cannotCheck, comparedWith, judge, TOLERANCE_NOTE, times } from "./judge";
import { judgeBound, judgeFleet, machineCapacity, NOT_FIT } from "./machine-capacity";
import type { ArithmeticCheck } from "./types";
import { valueWidth, withDimensions, withSplitCorpus } from "./vector-dimensions";
import { FLOAT32_BYTES, sizes, vectorInputs, vectorPhrase } from "./vector-size";

const MEMORY_TALK = /\b(memory|ram|index|indexes|embeddings?|vectors?|fits?|hold|store|hnsw|faiss)\b/i;

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
