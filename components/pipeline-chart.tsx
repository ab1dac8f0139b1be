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
import { axisScale, formatTick } from "./chart-axes";

const COLOURS = ["#4f46e5", "#059669", "#d97706", "#dc2626", "#0891b2", "#7c3aed"];
const TICK = { fontSize: 11, fill: "currentColor" };

/**
 * Draws one pipeline chart with recharts: lines, bars or points, one colour per series. Both
 * axes fit the data, and go logarithmic where the values span decades (corpus sizes, latencies).
 */
export function PipelineChart({ chart }: { chart: ChartSpec }) {
  const points = chart.series.flatMap((s) => s.points);
  const bar = chart.kind === "bar";
  const x = bar ? null : axisScale(points.map((p) => Number(p.x)));
  const y = axisScale(
    points.map((p) => p.y),
    { fromZero: bar },
  );
  const logNote = [x?.scale === "log" ? "x" : "", y.scale === "log" ? "y" : ""].filter(Boolean).join(" and ");
  const common = (
    <>
      <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.4} />
      {x ? (
        <XAxis
          dataKey="x"
          type="number"
          scale={x.scale}
          domain={x.domain}
          allowDataOverflow
          tick={TICK}
          tickFormatter={formatTick}
          label={{ value: chart.xLabel, position: "insideBottom", offset: -4, fontSize: 12, fill: "currentColor" }}
        />
      ) : (
        <XAxis
          dataKey="x"
          type="category"
          tick={TICK}
          label={{ value: chart.xLabel, position: "insideBottom", offset: -4, fontSize: 12, fill: "currentColor" }}
        />
      )}
      <YAxis
        type="number"
        scale={y.scale}
        domain={y.domain}
        allowDataOverflow
        tick={TICK}
        tickFormatter={formatTick}
        width={48}
        label={{ value: chart.yLabel, angle: -90, position: "insideLeft", fontSize: 12, fill: "currentColor" }}
      />
      <Tooltip formatter={(value) => (typeof value === "number" ? formatTick(value) : String(value))} />
      <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12 }} />
    </>
  );
  return (
    <figure className="min-w-0 space-y-1" data-testid={`chart-${chart.id}`}>
      <figcaption className="text-sm font-medium">
        {chart.title}
        {logNote && <span className="font-normal text-muted"> (log scale on {logNote})</span>}
      </figcaption>
      <div className="h-64 w-full text-zinc-600 dark:text-zinc-300">
        <ResponsiveContainer width="100%" height="100%">
          {bar ? (
            <BarChart data={mergeSeries(chart)} margin={{ bottom: 12, left: 4, right: 8 }}>
              {common}
              {chart.series.map((s, i) => (
                <Bar key={s.name} dataKey={s.name} fill={COLOURS[i % COLOURS.length]} />
              ))}
            </BarChart>
          ) : chart.kind === "scatter" ? (
            <ScatterChart margin={{ bottom: 12, left: 4, right: 8 }}>
              {common}
              {chart.series.map((s, i) => (
                <Scatter key={s.name} name={s.name} data={s.points} fill={COLOURS[i % COLOURS.length]} />
              ))}
            </ScatterChart>
          ) : (
            <LineChart margin={{ bottom: 12, left: 4, right: 8 }}>
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
