import { listInterviewSummariesByUser } from "@/db/queries/interviews";
import { getUserById, updateDisplayName } from "@/db/queries/users";
import { type HistoryEntry, progressByStep, weakestStep } from "@/lib/history/summarise-history";
import { getScenario } from "@/lib/scenarios/library";
import { getDatabase } from "./database";

/** Everything the history page shows for one user: attempts, progress per step, the weakest step. */
export async function getHistory(userId: string) {
  const database = await getDatabase();
  const [rows, user] = await Promise.all([
    listInterviewSummariesByUser({ db: database.db, userId }),
    getUserById({ db: database.db, id: userId }),
  ]);
  const entries: HistoryEntry[] = rows.map((r) => ({
    id: r.id,
    scenarioId: r.scenarioId,
    scenarioTitle: getScenario(r.scenarioId).title,
    level: r.level,
    status: r.status,
    source: r.source,
    drillStep: r.drillStep,
    createdAt: r.createdAt.toISOString(),
    durationMinutes: r.completedAt
      ? Math.max(1, Math.round((r.completedAt.getTime() - r.createdAt.getTime()) / 60_000))
      : null,
    overall: r.overall,
    stepScores: r.stepScores,
  }));
  return {
    displayName: user?.displayName ?? null,
    entries,
    progress: progressByStep(entries),
    weakest: weakestStep(entries),
  };
}

export async function setDisplayName(userId: string, displayName: string | null): Promise<void> {
  await updateDisplayName({ db: (await getDatabase()).db, id: userId, displayName });
}
