"use client";

import Link from "next/link";
import { useState } from "react";
import { STEP_TITLES, type StepId } from "@/lib/framework";
import type { HistoryEntry } from "@/lib/history/summarise-history";

/** Cells shown as columns from the small breakpoint up; on a phone they fold into the scenario cell. */
const WIDE = "hidden sm:table-cell";

function dateOf(e: HistoryEntry): string {
  return new Date(e.createdAt).toLocaleDateString("en-GB");
}

function durationOf(e: HistoryEntry): string {
  if (e.durationMinutes !== null) return `${e.durationMinutes} min`;
  return e.status === "active" ? "in progress" : "-";
}

/** Every past attempt; pick two to compare them side by side. On a phone a row is three cells wide. */
export function HistoryTable({ entries }: { entries: HistoryEntry[] }) {
  const [picked, setPicked] = useState<string[]>([]);
  const toggle = (id: string) =>
    setPicked((current) => (current.includes(id) ? current.filter((p) => p !== id) : [...current, id].slice(-2)));
  return (
    <section className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
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
          <span className="text-xs text-muted">Tick two attempts to compare them.</span>
        )}
      </div>
      <table
        className="w-full text-left text-sm [&_td]:py-1 [&_td]:pr-3 [&_td]:align-top [&_th]:py-1 [&_th]:pr-3"
        data-testid="history-table"
      >
        <thead className="text-xs uppercase text-muted">
          <tr>
            <th>Compare</th>
            <th>Scenario</th>
            <th className={WIDE}>Level</th>
            <th className={WIDE}>Date</th>
            <th className={WIDE}>Duration</th>
            <th>Score</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-t border-zinc-200 dark:border-zinc-800" data-testid="history-row">
              <td>
                <input
                  type="checkbox"
                  aria-label={`Compare ${e.scenarioTitle} of ${new Date(e.createdAt).toLocaleString("en-GB")}`}
                  checked={picked.includes(e.id)}
                  onChange={() => toggle(e.id)}
                  className="size-4"
                />
              </td>
              <td>
                <Link href={`/interview/${e.id}`} className="underline-offset-2 hover:underline">
                  {e.scenarioTitle}
                </Link>
                {e.drillStep && (
                  <span className="ml-1 text-xs text-muted">(drill: {STEP_TITLES[e.drillStep as StepId]})</span>
                )}
                {e.source === "import" && <span className="ml-1 text-xs text-muted">(imported)</span>}
                <span className="block text-xs text-muted sm:hidden" data-testid="history-row-meta">
                  {e.level} level · {dateOf(e)} · {durationOf(e)}
                </span>
              </td>
              <td className={WIDE}>{e.level}</td>
              <td className={WIDE}>{dateOf(e)}</td>
              <td className={WIDE}>{durationOf(e)}</td>
              <td className="tabular-nums">{e.overall ?? "-"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
