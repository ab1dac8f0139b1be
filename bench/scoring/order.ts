/** Whether strong > medium > weak holds for each scenario's three overall scores, and by how much. */
export function orderOf(triples: Array<[strong: number, medium: number, weak: number]>) {
  let pairs = 0;
  let right = 0;
  let smallestMargin = Number.POSITIVE_INFINITY;
  for (const [s, m, w] of triples) {
    for (const [a, b] of [
      [s, m],
      [m, w],
      [s, w],
    ] as const) {
      pairs++;
      if (a > b) right++;
    }
    smallestMargin = Math.min(smallestMargin, s - m, m - w);
  }
  return { pairs, right, smallestMargin };
}
