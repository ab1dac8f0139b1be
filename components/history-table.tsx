"use client";

import Link from "next/link";
import { useState } from "react";
import { STEP_TITLES, type StepId } from "@/lib/framework";
import type { HistoryEntry } from "@/lib/history/summarise-history";

/** Every past attempt; pick two to compare them side by side. */
export function HistoryTable({ entries }: { entries: HistoryEntry[] }) {
  const [picked, setPicked] = useState<string[]>([]);
  const toggle = (id: string) =>
    setPicked((current) => (current.includes(id) ? current.filter((p) => p !== id) : [...current, id].slice(-2)));
  return (
    <section className="space-y-2">
      <div className="flex items-center justify-between">
        <h2 className="text-lg font-semibold">Attempts</h2>
        {picked.length === 2 ? (
          <Link
            href={`/history/compare?a=${picked[0]}&b=${picked[1]}`}
            data-testid="compare-link"
            className="text-sm text-indigo-700 underline dark:text-indigo-300"
          >
            Compare the two selected
          </Link>
        ) : (
          <span className="text-xs text-zinc-500">Tick two attempts to compare them.</span>
        )}
      </div>
      <table className="w-full text-left text-sm" data-testid="history-table">
        <thead className="text-xs uppercase text-zinc-500">
          <tr>
            <th className="py-1">Compare</th>
            <th>Scenario</th>
            <th>Level</th>
            <th>Date</th>
            <th>Duration</th>
            <th>Score</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-t border-zinc-200 dark:border-zinc-800" data-testid="history-row">
              <td className="py-1">
                <input
                  type="checkbox"
                  aria-label={`Compare ${e.scenarioTitle} of ${e.createdAt.slice(0, 10)}`}
                  checked={picked.includes(e.id)}
                  onChange={() => toggle(e.id)}
                />
              </td>
              <td>
                <Link href={`/interview/${e.id}`} className="underline-offset-2 hover:underline">
                  {e.scenarioTitle}
                </Link>
                {e.drillStep && (
                  <span className="ml-1 text-xs text-zinc-500">(drill: {STEP_TITLES[e.drillStep as StepId]})</span>
                )}
                {e.source === "import" && <span className="ml-1 text-xs text-zinc-500">(imported)</span>}
              </td>
              <td>{e.level}</td>
              <td>{new Date(e.createdAt).toLocaleDateString("en-GB")}</td>
              <td>
                {e.durationMinutes === null
                  ? e.status === "active"
                    ? "in progress"
                    : "-"
                  : `${e.durationMinutes} min`}
              </td>
              <td className="tabular-nums">{e.overall ?? "-"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
