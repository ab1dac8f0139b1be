import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { STEP_IDS, STEP_TITLES, type StepId } from "@/lib/framework";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { getInterviewView } from "@/services/interviews/interview-service";

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
  // By step id, not position: a drill's report holds its one step.
  const score = (v: typeof a, step: StepId) => v.report?.steps.find((s) => s.step === step)?.score ?? null;
  const change = (x: number | null, y: number | null) => (x !== null && y !== null ? signed(y - x) : null);
  return (
    <div className="space-y-4" data-testid="compare">
      <h1 className="text-2xl font-semibold">Compare attempts</h1>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Scores of two attempts, step by step, and the change from the first</caption>
        <thead className="text-xs text-muted">
          <tr className="align-bottom">
            <th scope="col" className="py-1 pr-2 uppercase">
              Step
            </th>
            {[a, b].map((v, i) => (
              <th key={v.id} scope="col" className="py-1 pr-2 font-normal">
                <span className="block font-semibold uppercase">{i === 0 ? "First" : "Second"}</span>
                <Link href={`/interview/${v.id}`} className="underline">
                  {v.scenarioTitle}
                </Link>
                <span className="block">{new Date(v.createdAt).toLocaleDateString("en-GB")}</span>
              </th>
            ))}
            <th scope="col" className="py-1 uppercase">
              Change
            </th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          <tr className="border-t border-zinc-200 font-medium dark:border-zinc-800">
            <th scope="row" className="py-1 pr-2 text-left">
              Overall
            </th>
            <td data-testid="compare-overall-a">{a.report?.overall ?? <NotScored />}</td>
            <td data-testid="compare-overall-b">{b.report?.overall ?? <NotScored />}</td>
            <td>{change(a.report?.overall ?? null, b.report?.overall ?? null) ?? <NotScored />}</td>
          </tr>
          {STEP_IDS.map((step) => {
            const [x, y] = [score(a, step), score(b, step)];
            return (
              <tr key={step} className="border-t border-zinc-200 dark:border-zinc-800">
                <th scope="row" className="py-1 pr-2 text-left font-normal">
                  {STEP_TITLES[step]}
                </th>
                <td>{x ?? <NotScored />}</td>
                <td>{y ?? <NotScored />}</td>
                <td>{change(x, y) ?? <NotScored />}</td>
              </tr>
            );
          })}
          <tr className="border-t border-zinc-200 dark:border-zinc-800">
            <th scope="row" className="py-1 pr-2 text-left font-normal">
              Reads at
            </th>
            <td>{a.report?.levelSignal.replace("-", " ") ?? <NotScored />}</td>
            <td>{b.report?.levelSignal.replace("-", " ") ?? <NotScored />}</td>
            <td />
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function NotScored() {
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="sr-only">not scored</span>
    </>
  );
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
