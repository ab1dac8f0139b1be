/**
 * Storage of logged events: events a day × bytes an event, a day or a year (× 365), as in the
 * Lab's capacity form.
 */
import { count, grouped } from "@/lib/pipelines/capacity/format";
import type { Quantity } from "../types";
import { fromContext, isBytesRate, isPerUserRate, isSizeEach, isStorageRate, isUsers, perDay } from "./inputs";
import { bytes, cannotCheck, comparedWith, judge, TOLERANCE_NOTE, times } from "./judge";
import type { ArithmeticCheck } from "./types";

const DAY = 86_400;
const YEAR = 365 * DAY;

const isEventRate = (q: Quantity) => q.kind === "rate" && !isBytesRate(q) && !/second|sec|\/s|qps|rps|tps/.test(q.unit);

/** "1 billion events a day at 1 KB each is about 1 TB a day." */
export function checkStorage(sentence: string, qs: Quantity[], context: Quantity[]): ArithmeticCheck | undefined {
  const claim = qs.find(isStorageRate);
  if (!claim) return undefined;
  // "events of 500 bytes": beside a storage figure, any other size is the size of one event.
  const sizeHere = qs.find(isSizeEach) ?? qs.find((q) => q.kind === "bytes");
  const eventsHere = qs.find(isEventRate);
  const countHere = qs.find((q) => q.kind === "count" && q.unit === "" && q.what && !isUsers(q));
  if (!sizeHere && !eventsHere && !countHere) return undefined;
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
  const yearly = /year/.test(claim.unit);
  const period = yearly ? YEAR : DAY;
  const expected = (eventsPerDay * size.value * period) / DAY;
  const claimed = claim.value * period;
  const daily = eventsPerDay * size.value;
  const eventsText = users ? `${count(users.value)} × ${grouped(perDay(events))}` : count(eventsPerDay);
  const formula = `${eventsText} × ${bytes(size.value)} = ${bytes(daily)} a day${yearly ? ` × 365 = ${bytes(expected)} a year` : ""}`;
  const judged = judge(claimed, expected);
  const claimText = claim.text;
  const said = `${bytes(expected)} ${yearly ? "a year" : "a day"}`;
  const subject = `${users ? `${users.text} × ${events.text}` : events.text} at ${size.text.replace(/ (per|each).*$/, "")} each`;
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
      { label: yearly ? "Storage a year" : "Storage a day", value: said, formula },
      { label: "Off by", value: times(judged.factor) },
    ],
    assumptions: ["Decimal units; one copy, before compression or replication.", TOLERANCE_NOTE],
  };
}
