import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { groundingQuerySchema } from "@/lib/search/search-grounding";
import { retrieveGrounding } from "@/services/grounding";

/** GET /api/search?q=...&scenario=...&step=...&k=5: the grounding search for the UI. */
export const GET = handleRoute(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const input = groundingQuerySchema.parse({
    query: params.get("q") ?? "",
    scenarioId: params.get("scenario") || undefined,
    step: params.get("step") || undefined,
    k: params.has("k") ? Number(params.get("k")) : undefined,
  });
  return NextResponse.json({ results: await retrieveGrounding(input) });
});
