import { and, eq, sql } from "drizzle-orm";
import type { ExcalidrawScene } from "@/lib/diagram/excalidraw/scene";
import type { Db } from "../client";
import { withDbError } from "../errors";
import { type InterviewDiagramRow, interviewDiagrams } from "../schema";

/** The interview's stored diagram, if one was ever saved. */
export function getDiagramRow({
  db,
  interviewId,
}: {
  db: Db;
  interviewId: string;
}): Promise<InterviewDiagramRow | undefined> {
  return withDbError("db:get_diagram", async () => {
    const [row] = await db.select().from(interviewDiagrams).where(eq(interviewDiagrams.interviewId, interviewId));
    return row;
  });
}

export interface SavedRevision {
  revision: number;
  updatedAt: Date;
}

/**
 * Stores `scene` as the interview's diagram in one statement, so saves racing on several servers
 * each get their own revision. Without `baseRevision` the save always wins (revision 1 when none
 * was stored, else one more). With it, the save is made only if the stored revision is still
 * `baseRevision` (0: none stored yet); otherwise nothing is written and null is returned.
 */
export function saveDiagramRow({
  db,
  interviewId,
  scene,
  elementCount,
  baseRevision,
}: {
  db: Db;
  interviewId: string;
  scene: ExcalidrawScene;
  elementCount: number;
  baseRevision?: number;
}): Promise<SavedRevision | null> {
  return withDbError("db:save_diagram", async () => {
    const returning = { revision: interviewDiagrams.revision, updatedAt: interviewDiagrams.updatedAt };
    if (baseRevision !== undefined && baseRevision > 0) {
      // Only the row at the revision the client last saw moves on; a stale one matches nothing.
      const [row] = await db
        .update(interviewDiagrams)
        .set({ scene, elementCount, revision: sql`${interviewDiagrams.revision} + 1`, updatedAt: sql`now()` })
        .where(and(eq(interviewDiagrams.interviewId, interviewId), eq(interviewDiagrams.revision, baseRevision)))
        .returning(returning);
      return row ?? null;
    }
    const insert = db.insert(interviewDiagrams).values({ interviewId, scene, elementCount, revision: 1 });
    // baseRevision 0 says "nothing was stored when I loaded": a row another tab created meanwhile wins.
    const [row] =
      baseRevision === 0
        ? await insert.onConflictDoNothing({ target: interviewDiagrams.interviewId }).returning(returning)
        : await insert
            .onConflictDoUpdate({
              target: interviewDiagrams.interviewId,
              set: {
                scene,
                elementCount,
                revision: sql`${interviewDiagrams.revision} + 1`,
                updatedAt: sql`now()`,
              },
            })
            .returning(returning);
    return row ?? null;
  });
}
