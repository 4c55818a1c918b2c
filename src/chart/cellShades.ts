/**
 * Colours of SVG cells on screen as custom properties of the cells' group, one per distinct
 * value: each rect's fill names its value's property, so a new palette sets those properties
 * on one element and no cell re-renders. Files keep plain fill attributes (CSS variables are
 * not read by every SVG renderer).
 */
export interface CellShades {
  /** The distinct values, in ascending order (so a metric that gives the same values keeps them). */
  values: number[];
  /** Each cell's index into `values`, -1 for a cell without data. */
  ofCell: Int32Array;
}

/** The distinct values of cells and which one each cell has. */
export function shadesOf(values: readonly (number | null)[]): CellShades {
  const distinct = [...new Set(values)].filter((v) => v !== null).sort((a, b) => a - b);
  const index = new Map(distinct.map((value, k) => [value, k]));
  const ofCell = Int32Array.from(values, (value) =>
    value === null ? -1 : (index.get(value) ?? -1),
  );
  return { values: distinct, ofCell };
}

/** The custom property holding the colour of shade `k`. */
export function shadeProperty(k: number): `--shade-${number}` {
  return `--shade-${k}`;
}

const fillsOfShades: { fill: string }[] = [];

/**
 * A rect's style for shade `k`: one object per shade, so React sees an unchanged style as the
 * same object and leaves the rect's style alone (even reading `element.style` costs).
 */
export function shadeFill(k: number): { fill: string } {
  return (fillsOfShades[k] ??= { fill: `var(${shadeProperty(k)})` });
}

/** The custom properties of every shade in a palette, for the cells' group's style. */
export function shadeStyle(
  shades: CellShades,
  colour: (value: number) => string,
): Record<`--shade-${number}`, string> {
  const style: Record<`--shade-${number}`, string> = {};
  shades.values.forEach((value, k) => {
    style[shadeProperty(k)] = colour(value);
  });
  return style;
}
