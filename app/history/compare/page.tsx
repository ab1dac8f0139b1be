import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getInterviewView } from "@/agents/interviewer/session";
import { AppError } from "@/lib/errors";
import { STEP_IDS, STEP_TITLES } from "@/lib/framework";
import { getCurrentUserId } from "@/lib/server/current-user";
import { getDatabase } from "@/lib/server/database";

export const dynamic = "force-dynamic";

const ids = z.object({ a: z.uuid(), b: z.uuid() });

/** Two of the user's attempts side by side: overall, level signal and every step, with the change. */
export default async function ComparePage({ searchParams }: { searchParams: Promise<{ a?: string; b?: string }> }) {
  const parsed = ids.safeParse(await searchParams);
  if (!parsed.success) notFound();
  const viewer = { userId: await getCurrentUserId() };
  const database = await getDatabase();
  let views: Awaited<ReturnType<typeof getInterviewView>>[];
  try {
    views = await Promise.all([
      getInterviewView(database, parsed.data.a, viewer),
      getInterviewView(database, parsed.data.b, viewer),
    ]);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
  const [a, b] = views.sort((x, y) => x.createdAt.localeCompare(y.createdAt)) as [(typeof views)[0], (typeof views)[0]];
  const score = (v: typeof a, i: number) => v.report?.steps[i]?.score ?? null;
  return (
    <div className="space-y-4" data-testid="compare">
      <h1 className="text-2xl font-semibold">Compare attempts</h1>
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-zinc-500">
          <tr>
            <th className="py-1">Step</th>
            {[a, b].map((v) => (
              <th key={v.id}>
                <Link href={`/interview/${v.id}`} className="underline">
                  {v.scenarioTitle}
                </Link>{" "}
                · {new Date(v.createdAt).toLocaleDateString("en-GB")}
              </th>
            ))}
            <th>Change</th>
          </tr>
        </thead>
        <tbody>
          <tr className="border-t border-zinc-200 font-medium dark:border-zinc-800">
            <td className="py-1">Overall</td>
            <td data-testid="compare-overall-a">{a.report?.overall ?? "-"}</td>
            <td data-testid="compare-overall-b">{b.report?.overall ?? "-"}</td>
            <td>{a.report && b.report ? signed(b.report.overall - a.report.overall) : "-"}</td>
          </tr>
          {STEP_IDS.map((step, i) => {
            const [x, y] = [score(a, i), score(b, i)];
            return (
              <tr key={step} className="border-t border-zinc-200 dark:border-zinc-800">
                <td className="py-1">{STEP_TITLES[step]}</td>
                <td>{x ?? "-"}</td>
                <td>{y ?? "-"}</td>
                <td>{x !== null && y !== null ? signed(y - x) : "-"}</td>
              </tr>
            );
          })}
          <tr className="border-t border-zinc-200 dark:border-zinc-800">
            <td className="py-1">Reads at</td>
            <td>{a.report?.levelSignal ?? "-"}</td>
            <td>{b.report?.levelSignal ?? "-"}</td>
            <td />
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
