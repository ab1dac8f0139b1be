import { z } from "zod";
import { exportJson } from "@/lib/export/to-json";
import { exportMarkdown } from "@/lib/export/to-markdown";
import { exportPdf } from "@/lib/export/to-pdf";
import { handleRoute } from "@/lib/http/handle-route";
import { rubricTitlesOf } from "@/lib/scenarios/rubric-titles";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { loadDiagram } from "@/services/interviews/diagram-service";
import { getInterviewView } from "@/services/interviews/interview-service";
import { interviewIdParam } from "../../schemas";

const formatSchema = z.enum(["json", "md", "pdf"], { message: "format must be json, md or pdf" });

/** GET ?format=json|md|pdf: the scored transcript as a file (JSON is the interchange format plus the report). */
export const GET = handleRoute(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const id = interviewIdParam.parse((await context.params).id);
  const format = formatSchema.parse(new URL(request.url).searchParams.get("format") ?? "json");
  const database = await getDatabase();
  // getInterviewView checks ownership first, so the diagram is only loaded for the owner.
  const view = await getInterviewView(database, id, { userId: await getCurrentUserId() });
  const diagram = (await loadDiagram(database, id))?.scene ?? null;
  const name = `probe-${view.scenarioId}-${id.slice(0, 8)}`;
  const rubricTitles = rubricTitlesOf(view.scenarioId);
  const file =
    format === "json"
      ? { body: exportJson({ view, diagram }), type: "application/json; charset=utf-8" }
      : format === "md"
        ? { body: exportMarkdown({ view, rubricTitles, diagram }), type: "text/markdown; charset=utf-8" }
        : { body: await exportPdf({ view, rubricTitles, diagram }), type: "application/pdf" };
  return new Response(file.body as BodyInit, {
    headers: { "content-type": file.type, "content-disposition": `attachment; filename="${name}.${format}"` },
  });
});
