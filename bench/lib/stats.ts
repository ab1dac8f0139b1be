export { quantile } from "@/lib/stats/quantile";

export const round = (value: number, digits = 3) => Number(value.toFixed(digits));
