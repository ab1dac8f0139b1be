import type { DiagramEdge, DiagramNode, DiagramText } from "@/lib/diagram/types";
import type { ReferenceComponent } from "@/lib/scenarios/schema";
import { cosine, embed } from "@/lib/scoring/evidence/vocabulary";
import { GENERIC_LABEL, headSegment, isKnownStem, labelStems, labelTerms, stemsMeet, stemWeight } from "./words";

/** The weight of one stem of a label: its IDF when the corpus knows it, else that of a common word. */
const weightOf = (s: string) => (isKnownStem(s) ? stemWeight(s) : 1);

/**
 * Which reference components a diagram shows (issue 16). A label matches a component by its
 * IDF-weighted stem overlap with the component's role, terms and description, or by the fallback
 * embedder's similarity (character n-grams meet "calibrate"/"calibration"), plus what its arrows
 * say: a store feeding the ranker is likely the feature store. Thresholds were tuned on
 * bench/diagrams/tuned only.
 */
export const MATCH_THRESHOLD = 0.5;
/** A label counts for every component scoring within this of its best one ("retrieval + ranking"). */
const MARGIN = 0.15;
const DESCRIPTION_WEIGHT = 0.4;
/** Unmatched words count half: "Light ranker" is still a ranker. */
const UNMATCHED_WEIGHT = 0.5;
/** The last word of a label is usually its head noun ("heavy ranker", "risk scoring service"). */
const HEAD_WEIGHT = 2;
const EMBED_SCALE = 1.2;
/** Below this IDF mass of matched words a label is too thin to count on its words alone ("User"). */
const MIN_MASS = 3;
const STORE_BONUS = 0.2;
const FEEDS_BONUS = 0.3;
const OFFLINE_BONUS = 0.1;

const MAX_MET = 50_000;

interface Profile {
  component: ReferenceComponent;
  weights: Map<string, number>;
  vector: Float32Array;
  /** The best weight each stem met, remembered: labels repeat their words across a big diagram. */
  met: Map<string, number>;
}

/** The weight of the component's word that `stem` meets best, 0 when it meets none. */
function meetWeight(profile: Profile, stem: string): number {
  let best = profile.met.get(stem);
  if (best === undefined) {
    best = 0;
    for (const [t, weight] of profile.weights) if (weight > best && stemsMeet(stem, t)) best = weight;
    // Bounded: labels are anyone's words, and the profile lives as long as the process.
    if (profile.met.size >= MAX_MET) profile.met.clear();
    profile.met.set(stem, best);
  }
  return best;
}

const profiles = new WeakMap<ReferenceComponent, Profile>();

function profileOf(component: ReferenceComponent): Profile {
  let profile = profiles.get(component);
  if (!profile) {
    const weights = new Map<string, number>();
    for (const s of labelStems(component.description)) weights.set(s, DESCRIPTION_WEIGHT);
    for (const s of labelStems([component.role, ...component.terms].join(" "))) weights.set(s, 1);
    const vector = embed([component.role, ...component.terms, component.description].join(". "));
    profile = { component, weights, vector, met: new Map() };
    profiles.set(component, profile);
  }
  return profile;
}

/** A label read once, so scoring it against each component repeats none of the work. */
export interface LabelReading {
  terms: string[][];
  /** The index of the head term (see headSegment). */
  head: number;
  vector: Float32Array;
  /** Names no component at all ("User", "API gateway"), or has no words. */
  blank: boolean;
}

export function readLabel(label: string): LabelReading {
  const terms = labelTerms(label);
  // The head noun ends the segment that names the role; the whole label when that has no words.
  const named = labelTerms(headSegment(label)).length;
  return {
    terms,
    head: named > 0 ? named - 1 : terms.length - 1,
    vector: embed(label),
    blank: terms.length === 0 || GENERIC_LABEL.test(label.trim()),
  };
}

/** How well a label's words fit a component, 0 to about 1, before structure. */
export function lexicalScore(label: string | LabelReading, component: ReferenceComponent): number {
  const reading = typeof label === "string" ? readLabel(label) : label;
  if (reading.blank) return 0;
  const profile = profileOf(component);
  const { terms, head } = reading;
  let matched = 0;
  let total = 0;
  terms.forEach((group, i) => {
    // An abbreviation weighs as one word: its most telling expansion. A word the case-study
    // corpus never uses is a product name or a coinage: it says little about the role.
    const w = Math.max(...group.map(weightOf)) * (i === head ? HEAD_WEIGHT : 1);
    let best = 0;
    for (const s of group) best = Math.max(best, meetWeight(profile, s));
    matched += w * best;
    total += w * best + UNMATCHED_WEIGHT * w * (1 - best);
  });
  const overlap = (matched / total) * Math.min(1, matched / MIN_MASS);
  return Math.max(overlap, cosine(reading.vector, profile.vector) * EMBED_SCALE);
}

/** One place a component was found: the label as written, and its score. */
export interface ComponentMatch {
  label: string;
  score: number;
}

/** For each component id, the labels that show it (empty when the diagram lacks it). */
export function matchReference(diagram: DiagramText, design: ReferenceComponent[]): Map<string, ComponentMatch[]> {
  const found = new Map<string, ComponentMatch[]>(design.map((c) => [c.id, []]));
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const lexical = new Map<DiagramNode, number[]>(
    diagram.nodes.map((n) => {
      const reading = readLabel(n.label);
      return [n, design.map((c) => lexicalScore(reading, c))];
    }),
  );
  const outgoingOf = new Map<string, DiagramEdge[]>();
  const touchingOf = new Map<string, DiagramEdge[]>();
  for (const e of diagram.edges) {
    if (e.from) outgoingOf.set(e.from, [...(outgoingOf.get(e.from) ?? []), e]);
    for (const end of new Set([e.from, e.to])) if (end) touchingOf.set(end, [...(touchingOf.get(end) ?? []), e]);
  }
  // First pass on words alone tells which node is the ranker, so the second can credit what feeds it.
  const wordsOnly = (node: DiagramNode, i: number) => lexical.get(node)?.[i] ?? 0;
  const nodeMatches = (node: DiagramNode, id: string) => {
    const i = design.findIndex((c) => c.id === id);
    return i >= 0 && wordsOnly(node, i) >= MATCH_THRESHOLD;
  };
  const record = (label: string, scores: number[]) => {
    const best = Math.max(0, ...scores);
    scores.forEach((score, i) => {
      const component = design[i];
      if (component && score >= MATCH_THRESHOLD && score >= best - MARGIN) {
        found.get(component.id)?.push({ label, score });
      }
    });
  };
  for (const node of diagram.nodes) {
    if (node.kind === "note" && node.label.length > 80) continue;
    const outgoing = outgoingOf.get(node.id) ?? [];
    const touching = touchingOf.get(node.id) ?? [];
    const offlineOnly = touching.length > 0 && touching.every((e) => e.dashed);
    const scores = design.map((c, i) => {
      let score = wordsOnly(node, i);
      if (c.store && node.kind === "store") score += STORE_BONUS;
      if (c.offline && offlineOnly) score += OFFLINE_BONUS;
      const feedsTarget = outgoing.some((e) => {
        const target = e.to ? byId.get(e.to) : undefined;
        return target !== undefined && c.feeds.some((id) => nodeMatches(target, id));
      });
      if (feedsTarget && (!c.store || node.kind === "store")) score += FEEDS_BONUS;
      return score;
    });
    record(node.label, scores);
  }
  for (const edge of diagram.edges) {
    if (edge.label.trim()) {
      const reading = readLabel(edge.label);
      record(
        edge.label,
        design.map((c) => lexicalScore(reading, c)),
      );
    }
  }
  return found;
}
