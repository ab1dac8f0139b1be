import type { Extrapolation } from "./extrapolate";
import type { SweepPoint } from "./hnsw";
import type { Claim } from "./params";

export type Verdict = "plausible" | "optimistic" | "implausible";

export interface ClaimCheck {
  figure: "recall" | "latencyMs" | "memoryGB";
  claimed: number;
  expected: number;
  basis: "measured" | "extrapolated";
  verdict: Verdict;
  reason: string;
}

const gb = (bytes: number) => bytes / 1e9;
const fmt = (value: number, digits = 3) => Number(value.toPrecision(digits)).toLocaleString("en-US");

/**
 * Compares each figure the candidate stated with this run: measured when the claim's scale is
 * the run's n, otherwise the extrapolation to that scale (`atScale`, built for the claim's n).
 * Latency and memory are judged with a factor-of-2 band (hardware, threads and implementations
 * differ by about that); below a tenth of the expected latency a claim is implausible.
 */
export function checkClaim(claim: Claim, n: number, sweep: SweepPoint[], atScale: Extrapolation): ClaimCheck[] {
  const scale = atScale.targetN;
  const basis = scale === n ? "measured" : "extrapolated";
  const checks: ClaimCheck[] = [];
  const best = [...sweep].sort((a, b) => b.recall - a.recall)[0];
  if (!best) return checks;
  const point = [...sweep].sort((a, b) => a.ef - b.ef).find((p) => p.recall >= (claim.recall ?? 0.95)) ?? best;
  if (claim.recall !== undefined) checks.push(recallCheck(claim.recall, n, scale, point, best));
  if (claim.latencyMs !== undefined) {
    const expected = point.p50Ms * (Math.log(Math.max(scale, 2)) / Math.log(n));
    const factor = claim.latencyMs / expected;
    const where = `the ${basis} p50 of ${fmt(expected)} ms for one query on one core at ef = ${point.ef}`;
    checks.push({
      figure: "latencyMs",
      claimed: claim.latencyMs,
      expected,
      basis,
      verdict: factor >= 0.5 ? "plausible" : factor >= 0.1 ? "optimistic" : "implausible",
      reason:
        factor >= 0.5
          ? `at or above half ${where}${factor > 20 ? "; generous, leaving room for network and re-ranking" : ""}`
          : `${fmt(1 / factor, 2)}x faster than ${where}: needs faster hardware, quantised vectors or a lower recall`,
    });
  }
  if (claim.memoryGB !== undefined) checks.push(memoryCheck(claim.memoryGB, atScale, basis));
  return checks;
}

function recallCheck(claimed: number, n: number, scale: number, point: SweepPoint, best: SweepPoint): ClaimCheck {
  const reached = best.recall >= claimed;
  const grows = scale > n;
  return {
    figure: "recall",
    claimed,
    expected: best.recall,
    basis: "measured",
    verdict: reached && !(grows && claimed >= 0.99) ? "plausible" : "optimistic",
    reason: reached
      ? `reached here at ef = ${point.ef} (recall ${fmt(point.recall)} at n = ${n.toLocaleString("en-US")})${grows ? "; at the larger scale recall at that ef drops, so M, the build width and ef must grow" : ""}`
      : `the best recall measured here was ${fmt(best.recall)} (ef = ${best.ef}); it needs a larger ef, M or build width`,
  };
}

/** The claim fits the first (largest) layout whose size is within 25% above the claimed total. */
function memoryCheck(claimed: number, atScale: Extrapolation, basis: ClaimCheck["basis"]): ClaimCheck {
  const layouts: Array<[string, number]> = [
    ["HNSW with float32 vectors", atScale.hnswBytes],
    ["HNSW with int8 vectors", atScale.hnswInt8Bytes],
    ["IVF-PQ (plus full vectors on SSD for re-ranking)", atScale.ivfPqBytes],
  ];
  const index = layouts.findIndex(([, bytes]) => gb(bytes) <= claimed * 1.25);
  const fits = layouts[index];
  return {
    figure: "memoryGB",
    claimed,
    expected: gb(atScale.hnswBytes),
    basis,
    verdict: fits ? "plausible" : "implausible",
    reason: fits
      ? `${index === 0 ? "fits" : "fits only"} ${fits[0]} (${fmt(gb(fits[1]))} GB in total across shards)`
      : `below even IVF-PQ's ${fmt(gb(atScale.ivfPqBytes))} GB at n = ${atScale.targetN.toLocaleString("en-US")}`,
  };
}
