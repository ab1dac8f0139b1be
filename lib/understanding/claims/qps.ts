/**
 * Request rates, as in the Lab's capacity form: average QPS = users × actions a day / 86,400 s;
 * peak = average × peak factor.
 */
import { SECONDS_PER_DAY } from "@/lib/pipelines/capacity/compute";
import { count, grouped, rate } from "@/lib/pipelines/capacity/format";
import type { Quantity } from "../types";
import {
  fromContext,
  isBytesRate,
  isEstimate,
  isPerSecond,
  isPerUserRate,
  isPlainCount,
  isRequestRate,
  isUsers,
  PER_USER_DAILY_MAX,
  perDay,
  population,
  SERVERS,
} from "./inputs";
import { about, cannotCheck, judge, TOLERANCE } from "./judge";
import { trafficCheck } from "./traffic-check";
import type { ArithmeticCheck, ContextQuantity } from "./types";

/** With no peak factor stated, a peak between 1× and this many times the average is believable. */
export const MAX_PEAK_FACTOR = 5;

/** A load a candidate claims: a request rate said per second, not one unit's or one user's. */
export const isClaimedQps = (q: Quantity) =>
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
    return trafficCheck("qps", sentence, claim, average, judge(claim.value, average), {
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
    return trafficCheck("qps", sentence, claim, expected, judge(claim.value, expected), {
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
  return trafficCheck("qps", sentence, claim, average, judged, {
    formula: averageFormula,
    subject,
    said: `${about(average)} requests per second on average, so a peak of ${about(average)} to ${about(average * MAX_PEAK_FACTOR)}`,
    rows,
    assumptions,
  });
}

/** "Peak is 3x the average", "peak factor of 5" said earlier: a multiplier in a sentence about the peak. */
function contextPeakFactor(context: ContextQuantity[]): Quantity | undefined {
  return fromContext(
    context,
    (q) => q.kind === "count" && q.unit === "x" && q.value > 1 && q.value <= 20 && /\bpeak/i.test(q.sentence ?? ""),
  );
}
