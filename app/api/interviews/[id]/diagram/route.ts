import { NextResponse } from "next/server";
import { z } from "zod";
import { DIAGRAM_MAX_BODY_BYTES, handleRoute, parseJsonBody } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { getDiagram, saveDiagram } from "@/services/interviews/diagram-service";
import { limitCurrentUser } from "@/services/rate-limits";
import { interviewIdParam } from "../../schemas";

type Context = { params: Promise<{ id: string }> };

const saveDiagramBody = z.object({
  // The scene is read by the diagram reader's own schema in the service, so its refusal
  // sentences (element N, field F) are the ones the canvas and the file import show.
  scene: z.unknown().refine((scene) => scene !== undefined && scene !== null, "a scene is required"),
  /** The revision this tab last loaded or saved (0: none); a newer one stored meanwhile is a 409. */
  baseRevision: z.number().int().min(0, "baseRevision must be 0 or more").optional(),
});

/** GET: the interview's diagram as last saved, or `{ scene: null, revision: 0 }` before the first save; owner only. */
export const GET = handleRoute(async (_request: Request, context: Context) => {
  const id = interviewIdParam.parse((await context.params).id);
  const stored = await getDiagram(await getDatabase(), id, { userId: await getCurrentUserId() });
  return NextResponse.json(stored ?? { scene: null, revision: 0, updatedAt: null });
});

/**
 * PUT `{ scene, baseRevision? }`: stores the canvas's scene for the owner's active interview and
 * answers `{ revision, updatedAt }`. The body limit (2.5 MB) is checked by the proxy while it
 * arrives and again here; the scene's own 2 MB and 5,000 elements by the service.
 */
export const PUT = handleRoute(async (request: Request, context: Context) => {
  const id = interviewIdParam.parse((await context.params).id);
  const body = await parseJsonBody(request, saveDiagramBody, { maxBytes: DIAGRAM_MAX_BODY_BYTES });
  await limitCurrentUser("diagram");
  const saved = await saveDiagram(await getDatabase(), id, {
    userId: await getCurrentUserId(),
    scene: body.scene,
    baseRevision: body.baseRevision,
  });
  return NextResponse.json(saved);
});
