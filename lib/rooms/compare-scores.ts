import type { Level, ScenarioId } from "@/lib/domain/framework";
import type { ScoreReport, StepReport } from "@/lib/domain/report";
import { rubricAtLevel } from "@/lib/rooms/rubric-at-level";
import type { ComparedItem, ComparedStep, PeerReport, PeerScoreItem } from "@/lib/rooms/types";
import { getScenario } from "@/lib/scenarios/library";
import { stepScore } from "@/lib/scoring/aggregate";
import { decisionsFromCredits } from "@/lib/scoring/coverage";

export interface CompareScoresInput {
  scenarioId: ScenarioId;
  level: Level;
  ai: ScoreReport;
  peers: Array<{ userId: string; displayName: string; items: PeerScoreItem[] }>;
}

/**
 * Rounds a disagreement to six places so that shares which are equal on paper (|0.7 - 0.5| and
 * |0.2 - 0|) also tie in floating point and fall back to the step and rubric order.
 */
function settle(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The AI's best claim on an item: the largest credit (first such entry on a tie), clamped to 0..1. */
function aiCredit(report: StepReport, rubricId: string): { credit: number; quote: string | null } {
  let best: { credit: number; quote: string | null } = { credit: 0, quote: null };
  for (const entry of report.covered) {
    if (entry.rubricId !== rubricId) continue;
    const credit = Math.min(1, Math.max(0, entry.credit));
    if (best.quote === null || credit > best.credit) best = { credit, quote: entry.quote };
  }
  return best;
}

/**
 * The side-by-side report of a finished round: for each rubric item of each step the AI scored,
 * its credit beside every scorer's tick, and per step its score beside each scorer's score by the
 * same computation over their ticks. Items come largest disagreement first so a
 * debrief starts where the AI and the room read the answer differently; ties keep rubric order.
 * Pure and deterministic: the same input always gives the same report and no input is changed.
 */
export function compareScores(input: CompareScoresInput): PeerReport {
  // A member who ticked nothing at all never opened the sheet: counting them would read as "no".
  const scorers = input.peers.filter((peer) => peer.items.length > 0);
  // One tick per item and peer; a repeated rubric id keeps the last entry.
  const ticks = scorers.map((peer) => new Map(peer.items.map((item) => [item.rubricId, item])));
  const aiSteps = new Map(input.ai.steps.map((report) => [report.step, report]));

  const steps: ComparedStep[] = [];
  const ranked: Array<{ item: ComparedItem; order: number }> = [];
  for (const { step, items } of rubricAtLevel(input.scenarioId, input.level)) {
    const report = aiSteps.get(step);
    if (!report) continue;
    // A peer's step score is the AI's own computation (lib/scoring: coverage with half credit
    // for items above the level, then the calibrated scale) over their ticks, so the two
    // columns are on one scale and differ only where the readings differ. Peers judge relevance
    // themselves, so no topicality factor applies to them.
    const rubric = getScenario(input.scenarioId).steps[step].rubric;
    const peerScores = scorers.map((peer, p) => {
      const credits = Object.fromEntries(rubric.map((item) => [item.id, ticks[p]?.get(item.id)?.ticked ? 1 : 0]));
      const score = stepScore(decisionsFromCredits(rubric, credits), input.level, 1);
      return { userId: peer.userId, displayName: peer.displayName, score };
    });
    const meanPeer = peerScores.reduce((sum, peer) => sum + peer.score, 0) / Math.max(1, peerScores.length);
    steps.push({
      step,
      ai: report.score,
      peers: peerScores,
      disagreement: peerScores.length === 0 ? 0 : settle(Math.abs(report.score - meanPeer) / 100),
    });

    for (const item of items) {
      const ai = aiCredit(report, item.id);
      const peers = scorers.map((peer, p) => {
        const tick = ticks[p]?.get(item.id);
        return {
          userId: peer.userId,
          displayName: peer.displayName,
          ticked: tick?.ticked === true,
          quote: tick?.quote ?? null,
        };
      });
      const share = peers.filter((peer) => peer.ticked).length / Math.max(1, peers.length);
      const disagreement = peers.length === 0 ? 0 : settle(Math.abs(ai.credit - share));
      // rubricAtLevel walks STEP_IDS in order, so the push order is step order, then rubric order.
      ranked.push({
        item: { step, rubricId: item.id, title: item.title, ai, peers, disagreement },
        order: ranked.length,
      });
    }
  }

  ranked.sort((a, b) => b.item.disagreement - a.item.disagreement || a.order - b.order);
  return {
    steps,
    items: ranked.map((entry) => entry.item),
    scorers: scorers.map((peer) => ({ userId: peer.userId, displayName: peer.displayName })),
  };
}
