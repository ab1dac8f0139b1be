"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ChartSpec } from "@/lib/pipelines/types";

const COLOURS = ["#4f46e5", "#059669", "#d97706", "#dc2626", "#0891b2", "#7c3aed"];

/** Draws one pipeline chart with recharts: lines, bars or points, one colour per series. */
export function PipelineChart({ chart }: { chart: ChartSpec }) {
  const common = (
    <>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis
        dataKey="x"
        type={chart.kind === "bar" ? "category" : "number"}
        domain={["auto", "auto"]}
        label={{ value: chart.xLabel, position: "insideBottom", offset: -4 }}
      />
      <YAxis label={{ value: chart.yLabel, angle: -90, position: "insideLeft" }} />
      <Tooltip />
      <Legend />
    </>
  );
  return (
    <figure className="space-y-1" data-testid={`chart-${chart.id}`}>
      <figcaption className="text-sm font-medium">{chart.title}</figcaption>
      <div className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          {chart.kind === "bar" ? (
            <BarChart data={mergeSeries(chart)}>
              {common}
              {chart.series.map((s, i) => (
                <Bar key={s.name} dataKey={s.name} fill={COLOURS[i % COLOURS.length]} />
              ))}
            </BarChart>
          ) : chart.kind === "scatter" ? (
            <ScatterChart>
              {common}
              {chart.series.map((s, i) => (
                <Scatter key={s.name} name={s.name} data={s.points} fill={COLOURS[i % COLOURS.length]} />
              ))}
            </ScatterChart>
          ) : (
            <LineChart>
              {common}
              {chart.series.map((s, i) => (
                <Line key={s.name} name={s.name} data={s.points} dataKey="y" stroke={COLOURS[i % COLOURS.length]} dot />
              ))}
            </LineChart>
          )}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Bar charts want one row per x with a column per series. */
function mergeSeries(chart: ChartSpec): Array<Record<string, number | string>> {
  const rows = new Map<string, Record<string, number | string>>();
  for (const series of chart.series) {
    for (const point of series.points) {
      const key = String(point.x);
      const row = rows.get(key) ?? { x: point.x };
      row[series.name] = point.y;
      rows.set(key, row);
    }
  }
  return [...rows.values()];
}
