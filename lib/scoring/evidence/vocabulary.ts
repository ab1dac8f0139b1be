import type { IdfTable } from "@/lib/embeddings/fallback-embedder";
import { embedWithIdf } from "@/lib/embeddings/fallback-embedder";
import idfTable from "@/lib/embeddings/fallback-idf.json";
import { STEP_IDS } from "@/lib/framework";
import type { RubricItem, Scenario } from "@/lib/scenarios/schema";
import { normalizeText } from "@/lib/text/normalize";
import { isStopword, stem } from "@/lib/text/stem";
import { stemTokens } from "../match-phrase";

/** Dimension of the similarity vectors: the built-in hashed embedder's, so scoring is the same on every machine. */
const DIMENSION = 384;

/** Content stems of a text: no stop words, no single letters. */
export function contentStems(text: string): string[] {
  return normalizeText(text)
    .split(" ")
    .filter((w) => w.length > 2 && !isStopword(w) && /[a-z]/.test(w))
    .map(stem);
}

/** What the scorer knows about one rubric item, computed once per library. */
export interface ItemProfile {
  item: RubricItem;
  /** Each evidence phrase as stems (see match-phrase). */
  phrases: string[][];
  /** Stems of the title, the "earns" text and the evidence, with their IDF. */
  stems: Map<string, number>;
  /** IDF mass of the title and evidence stems: what a sentence about the item usually shares. */
  coreMass: number;
  core: Set<string>;
  vector: Float32Array;
}

/**
 * Document frequencies over every rubric item of the library (each item's title, "earns" text
 * and evidence is one document): a word most items use ("model", "data") weighs little, a word
 * few use ("chargeback", "calibrated") weighs most.
 */
export class ItemVocabulary {
  private readonly idfByStem = new Map<string, number>();
  private readonly documents: number;
  private readonly profiles = new Map<string, ItemProfile>();

  constructor(scenarios: Scenario[]) {
    const items = scenarios.flatMap((s) => STEP_IDS.flatMap((step) => s.steps[step].rubric));
    const df = new Map<string, number>();
    for (const item of items) {
      for (const s of new Set(contentStems(itemText(item)))) df.set(s, (df.get(s) ?? 0) + 1);
    }
    this.documents = items.length;
    for (const [s, n] of df) this.idfByStem.set(s, Math.log((this.documents + 1) / (n + 0.5)));
    for (const item of items) this.profiles.set(item.id, this.buildProfile(item));
  }

  /** Unseen stems weigh as much as the rarest seen ones. */
  idf(s: string): number {
    return this.idfByStem.get(s) ?? Math.log((this.documents + 1) / 0.5);
  }

  profile(item: RubricItem): ItemProfile {
    let profile = this.profiles.get(item.id);
    if (!profile || profile.item !== item) {
      profile = this.buildProfile(item);
      this.profiles.set(item.id, profile);
    }
    return profile;
  }

  private buildProfile(item: RubricItem): ItemProfile {
    const stems = new Map<string, number>();
    for (const s of contentStems(itemText(item))) stems.set(s, this.idf(s));
    const core = new Set(contentStems([item.title, ...item.evidence].join(" ")));
    let coreMass = 0;
    for (const s of core) coreMass += this.idf(s);
    return {
      item,
      phrases: item.evidence.map(stemTokens),
      stems,
      core,
      coreMass,
      vector: embed(itemText(item)),
    };
  }
}

export function itemText(item: RubricItem): string {
  return [item.title, item.earns, ...item.evidence].join(". ");
}

export function embed(text: string): Float32Array {
  return embedWithIdf(text, idfTable as IdfTable, DIMENSION);
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += (a[i] ?? 0) * (b[i] ?? 0);
  return dot;
}

const cache = new WeakMap<object, ItemVocabulary>();

/** One vocabulary per scenario library, built on first use. */
export function vocabularyOf(library: { scenarios: Map<string, Scenario> }): ItemVocabulary {
  let vocabulary = cache.get(library);
  if (!vocabulary) {
    vocabulary = new ItemVocabulary([...library.scenarios.values()]);
    cache.set(library, vocabulary);
  }
  return vocabulary;
}
