/** A plain fixed-width table for terminals: columns sized to their widest cell, long cells cut. */
export function formatTable(headers: string[], rows: Array<Array<string | number>>, maxWidth = 60): string {
  const cells = [headers, ...rows.map((row) => row.map(String))].map((row) =>
    row.map((cell) => (cell.length > maxWidth ? `${cell.slice(0, maxWidth - 1)}…` : cell)),
  );
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i]?.length ?? 0)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  const [head, ...body] = cells;
  return [line(head ?? []), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}
