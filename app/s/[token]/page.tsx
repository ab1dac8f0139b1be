import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TranscriptView } from "@/components/transcript-view";
import { rubricTitlesOf } from "@/lib/scenarios/rubric-titles";
import { getDatabase } from "@/services/database";
import { loadDiagram } from "@/services/interviews/diagram-service";
import { openShare } from "@/services/shares";

export const dynamic = "force-dynamic";

/** A share link is private to whoever holds it: never indexed, its links never followed. */
export const metadata: Metadata = { robots: { index: false, follow: false } };

/** A shared, read-only scored transcript: this interview only, and the owner's display name. */
export default async function SharedInterviewPage({ params }: { params: Promise<{ token: string }> }) {
  const token = (await params).token;
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) notFound();
  const shared = await openShare(token);
  if (shared.state !== "ok") notFound();
  // The token is the access check here: openShare has found a usable share of this interview.
  const diagram = await loadDiagram(await getDatabase(), shared.view.id);
  return (
    <div className="space-y-4" data-testid="shared-interview">
      <p className="text-sm text-muted">Shared by {shared.displayName ?? "an anonymous candidate"} · read only</p>
      <TranscriptView
        view={shared.view}
        rubricTitles={rubricTitlesOf(shared.view.scenarioId)}
        diagram={diagram?.scene ?? null}
      />
    </div>
  );
}
