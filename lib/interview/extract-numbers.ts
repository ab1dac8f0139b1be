/**
 * Quantities a candidate stated ("60 GB", "10 ms", "500 million", "0.9 recall"), in order, so the
 * interviewer can answer with the candidate's own numbers.
 */
const QUANTITY =
  /(?<![\w@.])(\d[\d,]*(?:\.\d+)?)\s*(%|x\b|k\b|m\b|b\b|ms\b|milliseconds?|seconds?|s\b|minutes?|hours?|days?|gb\b|tb\b|mb\b|pb\b|bytes?|qps|rps|requests? (?:per|a) second|million|billion|thousand|dimensions?|dims?\b|candidates?|items?|users?|videos?|servers?|gpus?|machines?|shards?|replicas?)?/gi;

export function extractQuantities(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(QUANTITY)) {
    const [whole, number, unit] = match;
    // A bare small integer ("2 options", "step 3") says little; a unit or a large value says more.
    if (!unit && Number(number?.replace(/,/g, "")) < 100) continue;
    found.push(whole.trim().replace(/\s+/g, " "));
  }
  return [...new Set(found)];
}
