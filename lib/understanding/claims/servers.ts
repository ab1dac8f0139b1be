/** Servers a load needs, as in the Lab's capacity form: peak QPS / QPS a server × replicas, rounded up. */
import { ceilTolerant, SECONDS_PER_DAY } from "@/lib/pipelines/capacity/compute";
import { grouped, rate } from "@/lib/pipelines/capacity/format";
import { singular } from "../quantities/what";
import type { Quantity } from "../types";
import { contextCopies } from "./context";
import {
  copiesOf,
  fromContext,
  headNoun,
  isEstimate,
  isLastOf,
  isPerServerRate,
  isPerUserRate,
  isPlainCount,
  isRequestRate,
  isSubDayRate,
  isUsers,
  perDay,
  perUnit,
  population,
  REPLICAS,
  SERVERS,
} from "./inputs";
import { cannotCheck, judge } from "./judge";
import { trafficCheck } from "./traffic-check";
import type { ArithmeticCheck, ContextQuantity } from "./types";

/**
 * The load a fleet is sized for when the sentence gives none: the ledger's latest request rate,
 * times a peak factor said after it ("average is 20k QPS and peak is about 5x average") when the
 * sentence sizes for the peak.
 */
function ledgerLoad(sentence: string, context: ContextQuantity[]): { load: Quantity; factor?: Quantity } | undefined {
  const isFactor = (q: Quantity) => q.kind === "count" && q.unit === "x" && q.value > 1 && q.value <= 20;
  // The most relevant load ("search peaks at 120k" for "search needs 40 servers"), else the latest.
  const load = fromContext(context, (q) => isRequestRate(q) && !isPerUserRate(q) && q.value >= 1);
  if (!load) return dailyLoad(context, isFactor);
  const index = context.indexOf(load);
  const factor = context.slice(index + 1).find(isFactor);
  // "Average is 2,000 QPS with a peak factor of 5": a load called an average is sized at its peak.
  const average = load.sentence !== undefined && /\b(?:average|avg|mean)\b/i.test(load.sentence);
  return factor && (/\bpeak/i.test(sentence) || average) ? { load, factor } : { load };
}

/**
 * "100 million daily users, each making 20 searches a day … peak is 3x the average": with no load
 * stated, the average is users × actions a day / 86,400 s, and a fleet is sized for the peak, so a
 * peak factor said anywhere applies.
 */
function dailyLoad(
  context: Quantity[],
  isFactor: (q: Quantity) => boolean,
): { load: Quantity; factor?: Quantity } | undefined {
  const users = fromContext(context, isUsers) ?? population(context);
  const actions = fromContext(context, isPerUserRate);
  if (!users || !actions) return undefined;
  const load: Quantity = {
    ...actions,
    kind: "rate",
    value: (users.value * perDay(actions)) / SECONDS_PER_DAY,
    unit: "qps",
    what: "requests",
    text: `${users.text} × ${actions.text}`,
  };
  const factor = fromContext(context, isFactor);
  return factor ? { load, factor } : { load };
}

/** "One recommendation server handles 400 QPS": a count of one whose clause goes on to its share. */
const isShareSubject = (sentence: string, q: Quantity, share: Quantity) =>
  share.start > q.start && !/[,;:.]\s/.test(sentence.slice(q.end, share.start));

/** A load a fleet is sized for: a request rate said per second, minute or hour (normalised), a whole service's. */
const isFleetLoad = (q: Quantity) =>
  isRequestRate(q) && isSubDayRate(q) && !isPerUserRate(q) && q.value * SECONDS_PER_DAY >= 1e4;

/**
 * Servers as units that cancel: requests a second / requests a second one unit handles, rounded
 * up, × copies. The claim is a count of the unit the per-unit rate names ("each replica takes 1k …
 * 4 replicas"), else of a fleet word; a bare figure after it is a further claim when copies are
 * said ("150 workers, two replicas each for 300"). The last claim carries the copies; an earlier
 * one may be one copy. A fleet sized "at peak" with nothing to divide is a claim that cannot be
 * checked yet.
 */
export function checkServers(
  sentence: string,
  qs: Quantity[],
  context: ContextQuantity[],
): ArithmeticCheck | undefined {
  const perServerHere = qs.find(isPerServerRate);
  const perServerSaid = perServerHere ?? fromContext(context, isPerServerRate);
  const entity = perServerSaid ? perUnit(perServerSaid) : undefined;
  // "each shard replica handles 1k and we want 3 replicas, so 15 machines": beside a count of
  // machines, a count of replicas is the copies, not the fleet.
  const machines = qs.some((q) => isPlainCount(q) && SERVERS.test(q.what ?? "") && !REPLICAS.test(q.what ?? ""));
  const isFleet = (q: Quantity) =>
    isPlainCount(q) &&
    // "One recommendation server handles 400 QPS": the unit a share is said of is no claim.
    !(q.value === 1 && perServerHere && isShareSubject(sentence, q, perServerHere)) &&
    ((entity !== undefined && headNoun(q.what) === singular(entity) && !(machines && REPLICAS.test(q.what ?? ""))) ||
      (SERVERS.test(q.what ?? "") && !REPLICAS.test(q.what ?? "")) ||
      // "so we'll need 70 of them": a bare count of the units a share was just said of.
      (perServerSaid !== undefined &&
        !q.what &&
        (perServerHere === undefined || q.start > perServerHere.end) &&
        /^\s+of\s+(?:them|those)\b/i.test(sentence.slice(q.end))));
  const claim = qs.find(isFleet);
  if (!claim) return undefined;
  const loadHere = qs.find(isFleetLoad);
  const sizing = /\b(?:peak|traffic|load)\b/i.test(sentence);
  if (!perServerHere && !loadHere && !isEstimate(sentence, claim) && !sizing) return undefined;
  const perServer = perServerSaid;
  const fromLedger = loadHere ? undefined : ledgerLoad(sentence, context);
  const load = loadHere ?? fromLedger?.load;
  if (!load || !perServer) {
    const missing: Array<[string, string]> = [];
    if (!load) missing.push(["the peak QPS", "what is the peak QPS?"]);
    if (!perServer) missing.push(["the QPS one server handles", "how many requests a second does one server handle?"]);
    return cannotCheck("servers", sentence, claim.text, missing, "peak QPS / QPS a server × replicas");
  }
  // Copies said earlier ("We keep 2 replicas") count when the sentence says none.
  const copies =
    copiesOf(
      sentence,
      qs.filter((q) => !isFleet(q)),
    ) ?? (loadHere && perServerHere ? undefined : contextCopies(context));
  const k = copies?.value ?? 1;
  // "so 150 workers, two replicas each for 300": with copies said, a bare figure after the claim is the total.
  const claims = [
    ...qs.filter(isFleet),
    ...(copies ? qs.filter((q) => isPlainCount(q) && !q.what && q.start > claim.start && q.value > 1) : []),
  ].sort((a, b) => a.start - b.start);
  const peakFactor = fromLedger?.factor;
  const peak = load.value * (peakFactor?.value ?? 1);
  const exact = peak / perServer.value;
  const one = ceilTolerant(exact);
  const all = ceilTolerant(exact * k);
  const loadText = peakFactor ? `${rate(load.value)} × ${grouped(peakFactor.value)}` : rate(load.value);
  const formula = `${loadText} / ${rate(perServer.value)}${copies ? ` × ${grouped(k)} replicas` : ""} = ${grouped(exact * k)} → ${grouped(all)}`;
  const checks = claims.map((c) => {
    const expected = copies && isLastOf(c, claims) ? [all] : copies ? [one, all] : [one];
    const judged = judge(c.value, ...expected);
    const best =
      expected.includes(all) && (expected.length === 1 || judged.factor === Math.max(c.value / all, all / c.value))
        ? all
        : one;
    return trafficCheck("servers", sentence, c, best, judged, {
      formula,
      subject: `${peakFactor ? `${load.text} × ${peakFactor.text} at peak` : load.text} at ${perServer.text}${copies && best === all ? ` with ${copies.text}` : ""}`,
      said: `${grouped(best)} ${claim.what ?? "servers"}`,
      rows: [{ label: "Servers needed", value: grouped(best), formula }],
      assumptions: [
        ...(copies ? [] : ["One copy, since no replication was stated."]),
        ...(peakFactor ? [`The peak is the stated average × ${peakFactor.text}.`] : []),
        "No headroom for failures or deploys is added.",
      ],
    });
  });
  return checks.find((c) => c.verdict !== "consistent") ?? checks[0];
}
