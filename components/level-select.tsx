"use client";

import { LEVELS, type Level } from "@/lib/framework";

/** The candidate's target level; it sets the bar the interviewer holds them to. */
export function LevelSelect({ value, onChange }: { value: Level; onChange: (level: Level) => void }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <span>Level</span>
      <select
        data-testid="level-select"
        value={value}
        onChange={(event) => onChange(event.target.value as Level)}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
      >
        {LEVELS.map((level) => (
          <option key={level} value={level}>
            {level[0]?.toUpperCase()}
            {level.slice(1)}
          </option>
        ))}
      </select>
    </label>
  );
}
