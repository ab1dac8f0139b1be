import { z } from "zod";
import { ApiError, apiFetch } from "@/components/api-fetch";

/** GET /api/interviews/[id]/diagram: the stored scene, or `{ scene: null, revision: 0 }` before the first save. */
const storedSchema = z.object({
  scene: z.looseObject({ elements: z.array(z.unknown()) }).nullable(),
  revision: z.number(),
});
export type StoredScene = z.infer<typeof storedSchema>;

const savedSchema = z.object({ revision: z.number() });

export const diagramUrl = (interviewId: string) => `/api/interviews/${interviewId}/diagram`;

export function loadStoredScene(interviewId: string): Promise<StoredScene> {
  return apiFetch(diagramUrl(interviewId), { schema: storedSchema });
}

/** Browsers refuse a keepalive request whose body is over 64 KiB; a little room is left. */
const KEEPALIVE_MAX_BYTES = 60_000;

/**
 * PUTs the live elements (deleted ones are kept by the canvas for undo alone) on top of
 * `baseRevision` and returns the new revision; a refusal throws an ApiError with the server's
 * code and sentence, as apiFetch does. `leaving` asks for keepalive, so a save sent as the page is
 * hidden or closed outlives it, when the body is small enough for the browser to allow that.
 */
export async function saveScene(
  interviewId: string,
  elements: readonly { isDeleted?: boolean }[],
  baseRevision: number,
  { leaving }: { leaving: boolean },
): Promise<number> {
  const body = JSON.stringify({
    scene: { type: "excalidraw", version: 2, source: "probe", elements: elements.filter((e) => !e.isDeleted) },
    baseRevision,
  });
  const response = await fetch(diagramUrl(interviewId), {
    method: "PUT",
    headers: { accept: "application/json", "content-type": "application/json" },
    body,
    keepalive: leaving && new TextEncoder().encode(body).length <= KEEPALIVE_MAX_BYTES,
  });
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (answer as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    const message = typeof error?.message === "string" && error.message ? error.message : null;
    throw new ApiError(
      response.status,
      typeof error?.code === "string" ? error.code : null,
      message ?? `The server answered ${response.status}.`,
    );
  }
  const saved = savedSchema.safeParse(answer);
  if (!saved.success) throw new ApiError(response.status, "invalid_response", "The server's answer could not be read.");
  return saved.data.revision;
}
