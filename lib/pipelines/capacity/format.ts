/**
 * Number formats for the capacity formulas, written the way one says them at a whiteboard:
 * round inputs compact ("500M"), results grouped ("57,870/s"), sizes in decimal units ("512 GB").
 */

const SUFFIXES: Array<[number, string]> = [
  [1e12, "T"],
  [1e9, "B"],
  [1e6, "M"],
];

/** Grouped with commas; fewer decimals the larger the number, so small rates keep their digits. */
export function grouped(value: number): string {
  const decimals = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString("en-US", { maximumFractionDigits: decimals });
}

/** A count as typed into a formula: "500M", "1.5B" when it is round in those units, else grouped ("86,400"). */
export function count(value: number): string {
  for (const [unit, suffix] of SUFFIXES) {
    const scaled = value / unit;
    // Compact only when exact to two decimals, so "123,456,789" is never shown as "123.46M".
    if (Math.abs(value) >= unit && Math.abs(scaled * 100 - Math.round(scaled * 100)) < 1e-9) {
      return `${Number(scaled.toFixed(2))}${suffix}`;
    }
  }
  return grouped(value);
}

/** A rate per second: "57,870/s". */
export function rate(value: number): string {
  return `${grouped(value)}/s`;
}

const BYTE_UNITS = ["B", "KB", "MB", "GB", "TB", "PB", "EB"];

/** Bytes in decimal units with three significant digits: "512 GB", "24.1 GB", "1.28 TB". */
export function bytes(value: number): string {
  let unit = 0;
  let scaled = value;
  while (Math.abs(scaled) >= 999.5 && unit < BYTE_UNITS.length - 1) {
    scaled /= 1000;
    unit++;
  }
  return `${scaled.toLocaleString("en-US", { maximumSignificantDigits: 3 })} ${BYTE_UNITS[unit]}`;
}

/** Bits per second for a network link, from bytes per second: "111 Mbit/s". */
export function bitsPerSecond(bytesPerSecond: number): string {
  return `${bytes(bytesPerSecond * 8).replace(/B$/, "bit")}/s`;
}

/** The usual name of a value width: 4 bytes is float32. */
export function valueType(bytesPerValue: number): string {
  return { 1: "int8", 2: "float16", 4: "float32", 8: "float64" }[bytesPerValue] ?? `${bytesPerValue}-byte`;
}
