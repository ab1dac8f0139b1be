/**
 * The earlier conversation as a check sees it: every earlier quantity with its sentence and order,
 * read once more now that its sentence is known, corrected by later statements, and ranked by how
 * well its own words match the claim being checked.
 *
 * Mechanisms, in order:
 * 1. Readings a sentence gives a bare figure: "DAU is 50 million" counts DAU (the subject names
 *    it); "1 billion monthly users but 200 million daily" counts daily users (the noun is elided);
 *    "An impression record is 100 bytes" is one record's size (a record-sized figure of a
 *    singular subject); "2 million documents, and we split each into 10 chunks" also states 20
 *    million chunks (a count said of "each" multiplies the count before it).
 * 2. Corrections: in a sentence that corrects ("actually", "make that", "let's go with"), a
 *    figure after the correction word replaces figures of the same role said before it, in that
 *    sentence or earlier ones.
 * 3. Relevance: each figure's own words (its noun and the words leading to it in its clause) are
 *    compared with the claim sentence and with the sentences that state what each item is made of
 *    (a dimension, a record size, a per-user rate). `fromContext` picks the most relevant match,
 *    then the most recent, so "the item embeddings" take the item count, not the user count.
 */
import { parseQuantities } from "../quantities/parse-quantities";
import { PERIOD_WORDS } from "../quantities/units";
import { STOP, singular } from "../quantities/what";
import type { Quantity } from "../types";
import { copiesOf, isPerServerRate, isPerUserRate, isPlainCount, isUsers, REPLICAS, SERVERS } from "./inputs";
import type { ClaimContext, ContextQuantity } from "./types";

/** Every earlier quantity, oldest first: the given quantities, then the given sentences' figures. */
export function contextEntries(context: ClaimContext | undefined): ContextQuantity[] {
  const given = context?.quantities ?? [];
  const base = given.reduce((m, q) => Math.max(m, (q.order ?? 0) + 1), given.length);
  const parsed = (context?.sentences ?? []).flatMap((sentence, i) =>
    parseQuantities(sentence).map((q): ContextQuantity => ({ ...q, sentence, order: base + i })),
  );
  return reread([...given.map((q, i): ContextQuantity => ({ order: i, ...q })), ...parsed]);
}

/** The context a claim sentence is checked against: corrected, and ranked for this claim. */
export function contextFor(claim: string, entries: ContextQuantity[]): ContextQuantity[] {
  return rank(claim, corrected(entries));
}

// ---------------------------------------------------------------------------------------------
// 1. Readings a sentence gives a bare figure.

/** Groups entries by their sentence (entries without one stand alone), keeping order. */
function bySentence(entries: ContextQuantity[]): ContextQuantity[][] {
  const groups: ContextQuantity[][] = [];
  for (const q of entries) {
    const last = groups[groups.length - 1];
    if (last && q.sentence !== undefined && last[0]?.sentence === q.sentence && last[0]?.order === q.order)
      last.push(q);
    else groups.push([q]);
  }
  return groups;
}

/** The clause before a quantity: from the last , ; : — or start of sentence. */
const clauseBefore = (sentence: string, q: Quantity) => {
  const before = sentence.slice(0, q.start);
  const cut = Math.max(...[",", ";", ":", "—", " - ", "."].map((c) => before.lastIndexOf(c)));
  return before.slice(cut + 1);
};

// General English: a subject named before a copula ("DAU is", "daily actives are", "Peak traffic:").
const SUBJECT_IS =
  /^\s*(?:(?:the|our|each|every|an?|one|average|avg)\s+)?([A-Za-z][\w\s-]*?)\s+(?:is|are|was|were)\s+(?:about|around|roughly|approximately|~)?\s*$/i;
// Words that make a size a total rather than one record's (general storage vocabulary).
const TOTAL_WORDS = /\b(?:ram|memory|disk|storage|total|index|corpus|cache|footprint|dataset|volume|archive|store)\b/i;
/** A record is smaller than this; a given size of a subject at or above it is a total. */
const RECORD_MAX_BYTES = 1e9;

function reread(entries: ContextQuantity[]): ContextQuantity[] {
  return bySentence(entries).flatMap((group) => {
    const sentence = group[0]?.sentence;
    if (sentence === undefined) return group;
    const read = group.map((q) => rereadOne(sentence, q));
    return [...read, ...splitCounts(sentence, read)];
  });
}

function rereadOne(sentence: string, q: ContextQuantity): ContextQuantity {
  const lead = clauseBefore(sentence, q);
  // "a peak factor of 5", "replication factor 3": a bare number called a factor is a multiplier.
  if (isPlainCount(q) && !q.what && /\bfactor\s*(?:of|is|=|:)?\s*(?:about|around|~)?\s*$/i.test(lead)) {
    return { ...q, unit: "x" };
  }
  const subject = SUBJECT_IS.exec(lead)?.[1]?.trim();
  // "DAU is 50 million", "daily actives are 200 million": the subject names what is counted.
  if (isPlainCount(q) && !q.what && subject && !STOP.has(subject.toLowerCase())) return { ...q, what: subject };
  // "1 billion monthly users but 200 million daily": a period adjective alone after a big number,
  // beside people, is a count of the people active in that period, not a rate.
  const period = PERIOD_WORDS[q.unit.toLowerCase()];
  if (
    q.kind === "rate" &&
    period &&
    q.what === q.unit &&
    q.value * period >= 1e4 &&
    /\b(?:users?|actives?|dau|mau)\b/i.test(sentence)
  ) {
    return { ...q, kind: "count", value: Math.round(q.value * period), unit: "", what: `${q.unit} users` };
  }
  // "An impression record is 100 bytes", "Events are 500 bytes": a record-sized figure of a subject is one record's.
  if (q.kind === "bytes" && !q.what && subject && q.value < RECORD_MAX_BYTES && !TOTAL_WORDS.test(sentence)) {
    const head = /([A-Za-z][\w-]*)\s*$/.exec(subject)?.[1];
    if (head) return { ...q, what: `per ${singular(head)}` };
  }
  return q;
}

/**
 * "2 million documents, and we split each into about 10 chunks", "100k images per day and each
 * yields 10 crops", "50 million daily users, each generating 20 events": a small count said of
 * "each" multiplies the count or rate before it; daily users make it a rate a day.
 */
function splitCounts(sentence: string, qs: ContextQuantity[]): ContextQuantity[] {
  const out: ContextQuantity[] = [];
  for (const [i, each] of qs.entries()) {
    if (!isPlainCount(each) || !each.what || each.value < 2 || each.value > 1e4) continue;
    const base = [...qs.slice(0, i)]
      .reverse()
      .find((q) => (isPlainCount(q) || (q.kind === "rate" && !isPerUserRate(q) && !isPerServerRate(q))) && q.value > 0);
    if (!base || (base.kind === "count" && base.value < each.value * 100)) continue;
    if (!/\beach\b/i.test(sentence.slice(base.end, each.start))) continue;
    const daily = isUsers(base) && /\b(?:daily|dau)\b/i.test(base.what ?? "");
    const value = base.value * each.value;
    out.push({
      ...each,
      ...(daily
        ? { kind: "rate", value: value / 86_400, unit: "a day", what: `${each.what} a day` }
        : { kind: base.kind, value, unit: base.unit }),
      text: `${base.text} × ${each.text}`,
      start: each.start,
      end: each.end,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 2. Corrections.

// General English for revising an earlier figure.
const CORRECTION =
  /\b(?:actually|make (?:that|it)|correct(?:ing)? (?:that|it|myself)|let'?s (?:go with|say|use|make it)|instead|rather|scratch that|i mean|on second thought|change (?:that|it) to|revis\w+ (?:that|it) to|update (?:that|it) to)\b/i;

/** Whether two figures play the same part: same kind and unit class, and the same noun when both name one. */
function sameRole(a: Quantity, b: Quantity, sameSentence: boolean): boolean {
  if (a.kind !== b.kind || (a.unit === "x") !== (b.unit === "x")) return false;
  if (a.kind !== "count" || a.unit === "x") return true;
  const copies = (q: Quantity) => REPLICAS.test(q.what ?? "");
  if (copies(a) && copies(b)) return true;
  if (!a.what || !b.what) return sameSentence;
  return singular(a.what.split(/\s+/).pop() ?? "") === singular(b.what.split(/\s+/).pop() ?? "");
}

function corrected(entries: ContextQuantity[]): ContextQuantity[] {
  const dropped = new Set<ContextQuantity>();
  for (const [i, q] of entries.entries()) {
    const sentence = q.sentence;
    if (!sentence) continue;
    const marker = CORRECTION.exec(sentence);
    if (!marker || q.start < marker.index) continue;
    for (const p of entries.slice(0, i)) {
      const same = p.sentence === sentence && p.order === q.order;
      if (same && p.start >= marker.index) continue;
      if (sameRole(p, q, same)) dropped.add(p);
    }
  }
  return entries.filter((q) => !dropped.has(q));
}

// ---------------------------------------------------------------------------------------------
// 3. Relevance to the claim.

// Words too common in sizing talk to tell two figures apart (numbers, units, periods: general vocabulary).
const GENERIC = new Set(
  (
    "thousand million billion trillion hundred k m b qps rps tps request query second minute hour day week month year " +
    "byte kb mb gb tb pb dim dimension float fp int vector embedding total peak average so have has we our there " +
    "keep store serve need around about roughly approximately"
  ).split(" "),
);

/** Content words of a text, singular. */
function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z][a-z'-]*/g) ?? [];
  return new Set(
    words.map((w) => singular(w.replace(/'s$/, ""))).filter((w) => w.length > 1 && !STOP.has(w) && !GENERIC.has(w)),
  );
}

/** A figure's own words: its noun, and the words of its clause leading to it since the previous figure. */
function ownWords(q: ContextQuantity, siblings: ContextQuantity[]): Set<string> {
  if (!q.sentence) return contentWords(q.what ?? "");
  const previous = siblings.filter((p) => p.end <= q.start).reduce((m, p) => Math.max(m, p.end), 0);
  const cut = Math.max(previous, q.sentence.slice(0, q.start).search(/[;.][^;.]*$/) + 1);
  return contentWords(`${q.sentence.slice(cut, q.start)} ${q.what ?? ""}`);
}

/** A figure that says what each item is made of: the sentences naming the counted thing. */
const isSpec = (q: Quantity) =>
  q.kind === "dimension" ||
  q.kind === "bytes_per_value" ||
  (q.kind === "bytes" && /^(?:per |each$)/.test(q.what ?? "")) ||
  isPerUserRate(q) ||
  isPerServerRate(q);

function rank(claim: string, entries: ContextQuantity[]): ContextQuantity[] {
  const claimWords = contentWords(claim);
  const specSentences = [...new Set(entries.filter(isSpec).map((q) => q.sentence ?? ""))]
    .filter(Boolean)
    .map((s) => ({ s, words: contentWords(s) }));
  const groups = bySentence(entries);
  return groups.flatMap((group) =>
    group.map((q) => {
      const own = ownWords(q, group);
      let relevance = 0;
      for (const w of own) {
        if (claimWords.has(w)) relevance += 2;
        if (specSentences.some((spec) => spec.s !== q.sentence && spec.words.has(w))) relevance += 1;
      }
      return { ...q, relevance };
    }),
  );
}

/** Copies said earlier ("We keep 3 replicas", "replicated 3 times", "3 regions, each able to take full load"). */
export function contextCopies(context: ContextQuantity[]): ContextQuantity | undefined {
  return [...context].reverse().find((q) => {
    if (!q.sentence || SERVERS.test(q.what ?? "")) return false;
    if (copiesOf(q.sentence, [q]) === q) return true;
    // "We replicate across 3 regions": a small count in a sentence about copies is the copies.
    return isPlainCount(q) && q.value >= 2 && q.value <= 10 && /\breplic\w*|\bcop(?:y|ies)\b/i.test(q.sentence);
  });
}
