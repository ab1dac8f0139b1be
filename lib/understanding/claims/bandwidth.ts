/** Bandwidth, as in the Lab's capacity form: QPS × bytes a request. */
import { bitsPerSecond, rate } from "@/lib/pipelines/capacity/format";
import type { Quantity } from "../types";
import { fromContext, isBandwidth, isEstimate, isPerUserRate, isRequestRate, isSizeEach } from "./inputs";
import { bytes, cannotCheck, judge } from "./judge";
import { isClaimedQps } from "./qps";
import { trafficCheck } from "./traffic-check";
import type { ArithmeticCheck } from "./types";

/** "30,000 QPS with 10 KB responses is about 300 MB/s of egress." Beside a bandwidth, any other size is one request's. */
export function checkBandwidth(sentence: string, qs: Quantity[], context: Quantity[]): ArithmeticCheck | undefined {
  const claim = qs.find(isBandwidth);
  if (!claim) return undefined;
  const loadHere = qs.find(isClaimedQps);
  const sizeHere = qs.find(isSizeEach) ?? qs.find((q) => q.kind === "bytes");
  if (!loadHere && !sizeHere && !isEstimate(sentence, claim)) return undefined;
  const load = loadHere ?? fromContext(context, (q) => isRequestRate(q) && !isPerUserRate(q));
  const size = sizeHere ?? fromContext(context, isSizeEach);
  if (!load || !size) {
    const missing: Array<[string, string]> = [];
    if (!load) missing.push(["the requests per second", "how many requests a second are there?"]);
    if (!size) missing.push(["the bytes per request", "how large is one request or response?"]);
    return cannotCheck("bandwidth", sentence, claim.text, missing, "QPS × bytes a request");
  }
  const expected = load.value * size.value;
  const formula = `${rate(load.value)} × ${bytes(size.value)} = ${bytes(expected)}/s = ${bitsPerSecond(expected)}`;
  return trafficCheck("bandwidth", sentence, claim, expected, judge(claim.value, expected), {
    formula,
    subject: `${load.text} × ${bytes(size.value)}`,
    said: `${bytes(expected)}/s (${bitsPerSecond(expected)})`,
    rows: [{ label: "Bandwidth", value: `${bytes(expected)}/s`, formula }],
    assumptions: ["Decimal units; 1 byte = 8 bits."],
  });
}
