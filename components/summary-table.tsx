import type { SummaryRow } from "@/lib/pipelines/types";

/** A pipeline summary: label, value and the formula behind it, then the assumptions it rests on. */
export function SummaryTable({
  rows,
  assumptions = [],
  compact = false,
}: {
  rows: SummaryRow[];
  assumptions?: string[];
  compact?: boolean;
}) {
  return (
    <>
      <table className={`w-full text-left ${compact ? "text-xs" : "text-sm"}`}>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} className="border-t border-zinc-200 dark:border-zinc-800">
              <td className={`${compact ? "py-0.5" : "py-1"} pr-2`}>{row.label}</td>
              <td className="pr-2 tabular-nums">{row.value}</td>
              <td className="font-mono text-xs text-muted">{row.formula ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {assumptions.length > 0 && (
        <ul className="list-disc pl-5 text-xs text-muted">
          {assumptions.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      )}
    </>
  );
}
