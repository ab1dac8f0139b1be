/**
 * Traffic arithmetic, as in the Lab's capacity form: average QPS = users × actions a day /
 * 86,400 s; peak = average × peak factor; servers = peak QPS / QPS a server × replicas, rounded
 * up; bandwidth = QPS × bytes a request.
 */
import { ceilTolerant, SECONDS_PER_DAY } from "@/lib/pipelines/capacity/compute";
import { bitsPerSecond, count, grouped, rate } from "@/lib/pipelines/capacity/format";
import { singular } from "../quantities/what";
import type { Quantity } from "../types";
import { contextCopies } from "./context";
import {
  copiesOf,
  fromContext,
  headNoun,
  isBandwidth,
  isBytesRate,
  isEstimate,
  isLastOf,
  isPerSecond,
  isPerServerRate,
  isPerUserRate,
  isPlainCount,
  isRequestRate,
  isSizeEach,
  isSubDayRate,
  isUsers,
  numberText,
  PER_USER_DAILY_MAX,
  perDay,
  perUnit,
  population,
  REPLICAS,
  SERVERS,
} from "./inputs";
import { about, bytes, cannotCheck, judge, TOLERANCE, TOLERANCE_NOTE, times } from "./judge";
import type { ArithmeticCheck, ContextQuantity } from "./types";

/** "3,000" of "3,000 requests per second": the figure as the candidate said it, without the unit the sentence repeats. */
const leadingNumber = (q: Quantity) =>
  /^[\d.,]+(?:\s?(?:thousand|million|billion|k|m|b)\b)?|^[a-z -]+?(?= (qps|requests|servers|machines|nodes|gpus))/i.exec(
    q.text,
  )?.[0] ?? numberText(q);

/** With no peak factor stated, a peak between 1× and this many times the average is believable. */
export const MAX_PEAK_FACTOR = 5;

/** A load a candidate claims: a request rate said per second, not one unit's or one user's. */
const isClaimedQps = (q: Quantity) =>
  isRequestRate(q) && isPerSecond(q) && !isPerUserRate(q) && q.value * 86_400 >= 1e4;

/** The clause around a quantity: from the last ", ; : ." before it to the next after it (not a digit group's comma). */
export function clauseOf(sentence: string, q: Quantity): string {
  const boundary = /[,;:.](?=\s|$)/g;
  let from = 0;
  let to = sentence.length;
  for (const m of sentence.matchAll(boundary)) {
    if (m.index < q.start) from = m.index + 1;
    else if (m.index >= q.end) {
      to = m.index;
      break;
    }
  }
  return sentence.slice(from, to);
}

/**
 * "10 feed refreshes each", "25 queries per user": a small count of one user's actions with no
 * period; the period is taken to be a day, as daily-user figures are (DAU).
 */
function actionsEach(sentence: string, qs: Quantity[]): Quantity | undefined {
  const q = qs.find(
    (c) =>
      isPlainCount(c) &&
      c.what &&
      !isUsers(c) &&
      !SERVERS.test(c.what) &&
      c.value < PER_USER_DAILY_MAX &&
      (/^\s*(?:each|apiece|per (?:user|person|head|member|customer|visitor|viewer))\b/i.test(sentence.slice(c.end)) ||
        // "40M DAU × 25 requests": a small count multiplying the users is each one's.
        qs.some(
          (u) => isUsers(u) && u.end <= c.start && /^\s*(?:[×x*]|times)\s*$/i.test(sentence.slice(u.end, c.start)),
        )),
  );
  return q ? { ...q, kind: "rate", value: q.value / SECONDS_PER_DAY, unit: "a day" } : undefined;
}

function result(
  kind: ArithmeticCheck["kind"],
  sentence: string,
  claim: Quantity,
  expected: number,
  judged: ReturnType<typeof judge>,
  parts: { formula: string; subject: string; said: string; rows: ArithmeticCheck["rows"]; assumptions: string[] },
): ArithmeticCheck {
  return {
    kind,
    quote: sentence,
    verdict: judged.verdict,
    claimed: { value: claim.value, text: claim.text },
    expected,
    factor: judged.factor,
    formula: parts.formula,
    missing: [],
    headline:
      judged.verdict === "consistent"
        ? `Right: ${parts.subject} is about ${parts.said}.`
        : `${parts.subject} is about ${parts.said}, not ${kind === "bandwidth" ? claim.text : leadingNumber(claim)}.`,
    rows: [
      { label: "Your figure", value: claim.text },
      ...parts.rows,
      { label: "Off by", value: times(judged.factor) },
    ],
    assumptions: [...parts.assumptions, TOLERANCE_NOTE],
  };
}

/** Whether a claimed rate is a peak: "peak" in its own clause, or in a sentence with one claim that says no "average". */
function isPeakClaim(sentence: string, claim: Quantity, claims: Quantity[]): boolean {
  const clause = clauseOf(sentence, claim);
  if (/\bpeak/i.test(clause)) return true;
  return claims.length === 1 && /\bpeak/i.test(sentence) && !/\b(average|avg|mean)\b/i.test(clause);
}

/**
 * "500 million users × 5 visits a day is about 3,000 requests per second." Users × actions a day
 * (or a service's daily total) against each claimed rate, an average or, where "peak" is said of
 * it, a peak (× the stated factor, else 1–5× the average). A hedged rate with no inputs in the
 * sentence is checked against the ledger. The first wrong figure is reported, else the first.
 */
export function checkQps(sentence: string, qs: Quantity[], context: ContextQuantity[]): ArithmeticCheck | undefined {
  const claims = qs.filter(isClaimedQps);
  const first = claims[0];
  if (!first) return undefined;
  const perUser = qs.find(isPerUserRate);
  // Beside a per-user rate, the population is any count of people or things that act ("riders").
  const usersHere = perUser ? population(qs) : qs.find(isUsers);
  const actionsHere = perUser ?? (usersHere ? actionsEach(sentence, qs) : undefined);
  // "1 billion events per day is about 11,600 QPS": a whole service's daily total.
  const totalDaily = qs.find(
    (q) =>
      !claims.includes(q) &&
      q.kind === "rate" &&
      !isBytesRate(q) &&
      !isPerUserRate(q) &&
      !/second|sec|\/s|qps|rps|tps/.test(q.unit),
  );
  if (!usersHere && !actionsHere && !totalDaily && !claims.some((c) => isEstimate(sentence, c))) return undefined;
  const users = usersHere ?? fromContext(context, isUsers);
  const actions = actionsHere ?? fromContext(context, isPerUserRate);
  let eventsPerDay: number;
  let subject: string;
  if (users && actions) {
    eventsPerDay = users.value * perDay(actions);
    subject = `${users.text} × ${actions.text}`;
  } else if (totalDaily) {
    eventsPerDay = perDay(totalDaily);
    subject = totalDaily.text;
  } else {
    const missing: Array<[string, string]> = [];
    if (!users) missing.push(["the number of users", "how many daily users are there?"]);
    if (!actions) missing.push(["the actions per user a day", "how many requests does a user make a day?"]);
    return cannotCheck("qps", sentence, first.text, missing, "users × actions a day / 86,400 s");
  }
  const average = eventsPerDay / SECONDS_PER_DAY;
  const averageFormula = `${count(users?.value ?? eventsPerDay)}${users && actions ? ` × ${grouped(perDay(actions))}` : ""} / 86,400 s = ${rate(average)}`;
  const checks = claims.map((claim) => {
    const factors = qs.filter((q) => q.unit === "x");
    // "Peak is 3x the average." said earlier: a peak factor from the ledger when the sentence gives none.
    const factor =
      factors.find((f) => clauseOf(sentence, f) === clauseOf(sentence, claim)) ??
      factors[0] ??
      contextPeakFactor(context);
    return judgeQps(sentence, claim, isPeakClaim(sentence, claim, claims), factor, {
      average,
      averageFormula,
      subject,
      assumptions: [
        "A day is 86,400 s and every action is one request.",
        ...(actions?.unit === "a day" && actions === actionsHere && !isPerUserRate(actions)
          ? [`${actions.text} each is taken as a day's, since users are counted a day.`]
          : []),
      ],
    });
  });
  return checks.find((c) => c.verdict !== "consistent") ?? checks[0];
}

function judgeQps(
  sentence: string,
  claim: Quantity,
  peak: boolean,
  factor: Quantity | undefined,
  base: { average: number; averageFormula: string; subject: string; assumptions: string[] },
): ArithmeticCheck {
  const { average, averageFormula, subject } = base;
  const rows: ArithmeticCheck["rows"] = [{ label: "Average QPS", value: rate(average), formula: averageFormula }];
  const assumptions = [...base.assumptions];
  if (!peak) {
    return result("qps", sentence, claim, average, judge(claim.value, average), {
      formula: averageFormula,
      subject,
      said: `${about(average)} requests per second on average`,
      rows,
      assumptions,
    });
  }
  if (factor) {
    const expected = average * factor.value;
    const formula = `${averageFormula} × ${grouped(factor.value)} = ${rate(expected)}`;
    rows.push({ label: "Peak QPS", value: rate(expected), formula });
    return result("qps", sentence, claim, expected, judge(claim.value, expected), {
      formula,
      subject: `${subject} at ${factor.text} peak`,
      said: `${about(expected)} requests per second at peak`,
      rows,
      assumptions,
    });
  }
  // No peak factor stated: anything from the average to 5× it (with the usual tolerance above) is believable.
  const high = average * MAX_PEAK_FACTOR * TOLERANCE;
  const judged =
    claim.value < average
      ? { verdict: "too_low" as const, factor: average / claim.value }
      : claim.value > high
        ? { verdict: "too_high" as const, factor: claim.value / (average * MAX_PEAK_FACTOR) }
        : { verdict: "consistent" as const, factor: Math.max(claim.value / average, 1) };
  rows.push({ label: "Believable peak", value: `${rate(average)} to ${rate(average * MAX_PEAK_FACTOR)}` });
  assumptions.push(
    `No peak factor was stated: a peak between 1× and ${MAX_PEAK_FACTOR}× the average is believable; below the average it is too low.`,
  );
  return result("qps", sentence, claim, average, judged, {
    formula: averageFormula,
    subject,
    said: `${about(average)} requests per second on average, so a peak of ${about(average)} to ${about(average * MAX_PEAK_FACTOR)}`,
    rows,
    assumptions,
  });
}

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

/** "Peak is 3x the average", "peak factor of 5" said earlier: a multiplier in a sentence about the peak. */
function contextPeakFactor(context: ContextQuantity[]): Quantity | undefined {
  return fromContext(
    context,
    (q) => q.kind === "count" && q.unit === "x" && q.value > 1 && q.value <= 20 && /\bpeak/i.test(q.sentence ?? ""),
  );
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
    return result("servers", sentence, c, best, judged, {
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
  return result("bandwidth", sentence, claim, expected, judge(claim.value, expected), {
    formula,
    subject: `${load.text} × ${bytes(size.value)}`,
    said: `${bytes(expected)}/s (${bitsPerSecond(expected)})`,
    rows: [{ label: "Bandwidth", value: `${bytes(expected)}/s`, formula }],
    assumptions: ["Decimal units; 1 byte = 8 bits."],
  });
}
