/**
 * Storage of logged events: events a day × bytes an event, over the claim's period (a day, a week,
 * a 30-day month, a 365-day year), as in the Lab's capacity form.
 */
import { count, grouped } from "@/lib/pipelines/capacity/format";
import { SECONDS } from "../quantities/units";
import type { Quantity } from "../types";
import {
  fromContext,
  isBytesRate,
  isEstimate,
  isPerUserRate,
  isPlainCount,
  isPlainSize,
  isSizeEach,
  isStorageRate,
  isUsers,
  perDay,
} from "./inputs";
import { bytes, cannotCheck, comparedWith, judge, TOLERANCE_NOTE, times } from "./judge";
import type { ArithmeticCheck } from "./types";

const DAY = 86_400;

const isEventRate = (q: Quantity) => q.kind === "rate" && !isBytesRate(q) && !/second|sec|\/s|qps|rps|tps/.test(q.unit);

/** "a day", "a month": the period's name for the card. */
export function periodName(seconds: number): string {
  const names: Array<[number, string]> = [
    [SECONDS.hour ?? 3_600, "an hour"],
    [DAY, "a day"],
    [SECONDS.week ?? 604_800, "a week"],
    [SECONDS.month ?? 2_592_000, "a month"],
    [SECONDS.year ?? 31_536_000, "a year"],
  ];
  return names.find(([s]) => Math.abs(s / seconds - 1) < 1e-9)?.[1] ?? `${grouped(seconds / DAY)} days`;
}

/** The seconds of a storage rate's period, from its unit ("tb a day", "tb annually"). */
function ratePeriod(q: Quantity): number {
  const word =
    /(second|sec|minute|min|hour|hr|day|week|month|year|hourly|daily|nightly|weekly|monthly|yearly|annually)s?$/i
      .exec(q.unit)?.[1]
      ?.toLowerCase();
  const adjectives: Record<string, number> = {
    hourly: 3_600,
    daily: DAY,
    nightly: DAY,
    weekly: 604_800,
    monthly: 2_592_000,
    yearly: 31_536_000,
    annually: 31_536_000,
  };
  return (word && (SECONDS[word] ?? adjectives[word])) || DAY;
}

/**
 * The figure claimed and the period it covers: a storage rate ("2 TB a day", "5.5 TB annually"), or
 * a plain size beside a stated duration of an hour or more ("one month is about 3.6 TB").
 */
function storageClaim(qs: Quantity[]): { claim: Quantity; period: number; total: number } | undefined {
  const rate = qs.find(isStorageRate);
  if (rate) {
    const period = ratePeriod(rate);
    return { claim: rate, period, total: rate.value * period };
  }
  const span = qs.find((q) => q.kind === "duration" && q.value >= 3_600);
  const size = [...qs].reverse().find(isPlainSize);
  if (span && size) return { claim: size, period: span.value, total: size.value };
  return undefined;
}

/** "1 billion events a day at 1 KB each is about 1 TB a day." */
export function checkStorage(sentence: string, qs: Quantity[], context: Quantity[]): ArithmeticCheck | undefined {
  const stated = storageClaim(qs);
  if (!stated) return undefined;
  const { claim, period, total: claimed } = stated;
  // "events of 500 bytes": beside a storage figure, any other size is the size of one event.
  const sizeHere = qs.find(isSizeEach) ?? qs.find((q) => q.kind === "bytes" && q !== claim);
  const eventsHere = qs.find(isEventRate);
  const countHere = qs.find((q) => isPlainCount(q) && q.what && !isUsers(q));
  // A size beside a duration is storage only with an event rate or a per-event size beside it.
  if (claim.kind === "bytes" && !eventsHere && !qs.some(isSizeEach)) return undefined;
  if (!sizeHere && !eventsHere && !countHere && !isEstimate(sentence, claim)) return undefined;
  const size = sizeHere ?? fromContext(context, isSizeEach);
  const events = eventsHere ?? fromContext(context, isEventRate);
  // A per-user rate needs the users: "500 million users each generate 20 events a day".
  const users = events && isPerUserRate(events) ? (qs.find(isUsers) ?? fromContext(context, isUsers)) : undefined;
  if (!size || !events || (isPerUserRate(events) && !users)) {
    const missing: Array<[string, string]> = [];
    if (!events) missing.push(["the events a day", "how many events are logged a day?"]);
    else if (!users) missing.push(["the number of users", "how many daily users are there?"]);
    if (!size) missing.push(["the bytes per event", "how large is one event?"]);
    return cannotCheck("storage", sentence, claim.text, missing, "events a day × bytes an event");
  }
  const eventsPerDay = perDay(events) * (users?.value ?? 1);
  const expected = (eventsPerDay * size.value * period) / DAY;
  const daily = eventsPerDay * size.value;
  const eventsText = users ? `${count(users.value)} × ${grouped(perDay(events))}` : count(eventsPerDay);
  const over = periodName(period);
  const formula = `${eventsText} × ${bytes(size.value)} = ${bytes(daily)} a day${period === DAY ? "" : ` × ${grouped(period / DAY)} = ${bytes(expected)} ${over}`}`;
  const judged = judge(claimed, expected);
  const claimText = claim.text;
  const said = `${bytes(expected)} ${over}`;
  const subject = `${users ? `${users.text} × ${events.text}` : events.text} at ${size.text.replace(/ (per|each|apiece).*$/, "")} each`;
  return {
    kind: "storage",
    quote: sentence,
    verdict: judged.verdict,
    claimed: { value: claimed, text: claimText },
    expected,
    factor: judged.factor,
    formula,
    missing: [],
    headline:
      judged.verdict === "consistent"
        ? `Right: ${subject} is about ${said}.`
        : `${subject} is about ${said}, ${comparedWith(claimText, judged)}.`,
    rows: [
      { label: "Your figure", value: claimText },
      { label: `Storage ${over}`, value: said, formula },
      { label: "Off by", value: times(judged.factor) },
    ],
    assumptions: [
      "Decimal units; one copy, before compression or replication.",
      ...(period === SECONDS.month ? ["A month is 30 days."] : []),
      TOLERANCE_NOTE,
    ],
  };
}
