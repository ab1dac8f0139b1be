/**
 * Traffic arithmetic, as in the Lab's capacity form: average QPS = users × actions a day /
 * 86,400 s; peak = average × peak factor; servers = peak QPS / QPS a server × replicas, rounded
 * up; bandwidth = QPS × bytes a request.
 */
import { ceilTolerant, SECONDS_PER_DAY } from "@/lib/pipelines/capacity/compute";
import { bitsPerSecond, count, grouped, rate } from "@/lib/pipelines/capacity/format";
import type { Quantity } from "../types";
import {
  fromContext,
  isBandwidth,
  isBytesRate,
  isPerServerRate,
  isPerUserRate,
  isRequestRate,
  isSizeEach,
  isUsers,
  numberText,
  perDay,
  REPLICAS,
  SERVERS,
} from "./inputs";
import { about, bytes, cannotCheck, judge, TOLERANCE, TOLERANCE_NOTE, times } from "./judge";
import type { ArithmeticCheck } from "./types";

/** "3,000" of "3,000 requests per second": the figure as the candidate said it, without the unit the sentence repeats. */
const leadingNumber = (q: Quantity) =>
  /^[\d.,]+(?:\s?(?:thousand|million|billion|k|m|b)\b)?|^[a-z -]+?(?= (qps|requests|servers|machines|nodes|gpus))/i.exec(
    q.text,
  )?.[0] ?? numberText(q);

/** With no peak factor stated, a peak between 1× and this many times the average is believable. */
export const MAX_PEAK_FACTOR = 5;

const isClaimedQps = (q: Quantity, sentence: string) =>
  isRequestRate(q) && !isPerUserRate(q) && !isPerServerRate(q, sentence) && q.value * 86_400 >= 1e4;

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

/** "500 million users × 5 visits a day is about 3,000 requests per second." */
export function checkQps(sentence: string, qs: Quantity[], context: Quantity[]): ArithmeticCheck | undefined {
  const claim = [...qs].reverse().find((q) => isClaimedQps(q, sentence));
  if (!claim) return undefined;
  const usersHere = qs.find(isUsers);
  const actionsHere = qs.find(isPerUserRate);
  // "1 billion events per day is about 11,600 QPS": a whole service's daily total.
  const totalDaily = qs.find(
    (q) =>
      q !== claim &&
      q.kind === "rate" &&
      !isBytesRate(q) &&
      !isPerUserRate(q) &&
      !/second|sec|\/s|qps|rps|tps/.test(q.unit),
  );
  if (!usersHere && !actionsHere && !totalDaily) return undefined;
  const users = usersHere ?? fromContext(context, isUsers);
  const actions = actionsHere ?? fromContext(context, isPerUserRate);
  const peak = /\bpeak/i.test(sentence);
  const factor = qs.find((q) => q.unit === "x");
  let eventsPerDay: number;
  let subject: string;
  if (users && actions) {
    eventsPerDay = users.value * perDay(actions);
    subject = `${users.text} × ${actions.text}`;
  } else if (totalDaily && !users) {
    eventsPerDay = perDay(totalDaily);
    subject = totalDaily.text;
  } else {
    const missing: Array<[string, string]> = [];
    if (!users) missing.push(["the number of users", "how many daily users are there?"]);
    if (!actions) missing.push(["the actions per user a day", "how many requests does a user make a day?"]);
    return cannotCheck("qps", sentence, claim.text, missing, "users × actions a day / 86,400 s");
  }
  const average = eventsPerDay / SECONDS_PER_DAY;
  const averageFormula = `${count(users?.value ?? eventsPerDay)}${users && actions ? ` × ${grouped(perDay(actions))}` : ""} / 86,400 s = ${rate(average)}`;
  const rows: ArithmeticCheck["rows"] = [{ label: "Average QPS", value: rate(average), formula: averageFormula }];
  const assumptions = ["A day is 86,400 s and every action is one request."];
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

/** "At 100,000 peak QPS and 2,000 QPS per server with 3 replicas we need 150 servers." */
export function checkServers(sentence: string, qs: Quantity[], context: Quantity[]): ArithmeticCheck | undefined {
  const claim = qs.find(
    (q) => q.kind === "count" && q.unit === "" && SERVERS.test(q.what ?? "") && !REPLICAS.test(q.what ?? ""),
  );
  if (!claim) return undefined;
  const perServer = qs.find((q) => isPerServerRate(q, sentence));
  const loadHere = qs.find((q) => q !== perServer && isClaimedQps(q, sentence));
  if (!perServer && !loadHere) return undefined;
  const load = loadHere ?? fromContext(context, (q) => isRequestRate(q) && !isPerUserRate(q) && q.value >= 1);
  if (!load || !perServer) {
    const missing: Array<[string, string]> = [];
    if (!load) missing.push(["the peak QPS", "what is the peak QPS?"]);
    if (!perServer) missing.push(["the QPS one server handles", "how many requests a second does one server handle?"]);
    return cannotCheck("servers", sentence, claim.text, missing, "peak QPS / QPS a server × replicas");
  }
  const replicas = qs.find((q) => q.kind === "count" && REPLICAS.test(q.what ?? ""));
  const copies = replicas?.value ?? 1;
  const exact = (load.value / perServer.value) * copies;
  const needed = ceilTolerant(exact);
  const formula = `${rate(load.value)} / ${rate(perServer.value)} × ${copies} ${copies === 1 ? "copy" : "replicas"} = ${grouped(exact)} → ${grouped(needed)}`;
  return result("servers", sentence, claim, needed, judge(claim.value, needed), {
    formula,
    subject: `${load.text} at ${perServer.text}${replicas ? ` with ${replicas.text}` : ""}`,
    said: `${grouped(needed)} ${claim.what ?? "servers"}`,
    rows: [{ label: "Servers needed", value: grouped(needed), formula }],
    assumptions: [
      ...(replicas ? [] : ["One copy, since no replication was stated."]),
      "No headroom for failures or deploys is added.",
    ],
  });
}

/** "30,000 QPS with 10 KB responses is about 300 MB/s of egress." */
export function checkBandwidth(sentence: string, qs: Quantity[], context: Quantity[]): ArithmeticCheck | undefined {
  const claim = qs.find(isBandwidth);
  if (!claim) return undefined;
  const loadHere = qs.find((q) => isClaimedQps(q, sentence));
  const sizeHere = qs.find(isSizeEach);
  if (!loadHere && !sizeHere) return undefined;
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
