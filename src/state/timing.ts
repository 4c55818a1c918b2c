/**
 * User Timing for loads and re-renders, always on and cheap: `haymap:load` runs from the moment
 * files reach the app (input change or drop) to the first frame after the new heatmaps are
 * committed; `haymap:render` from a palette, metric or threshold change to the next frame.
 * Benchmarks and curious users read them with `performance.getEntriesByName(...)`.
 */

/** Records `name` from `start` (a performance.now() time) to the next animation frame. */
export function measureToNextFrame(name: 'haymap:load' | 'haymap:render', start: number): void {
  // The store's update renders synchronously; the frame callback runs once it is committed.
  requestAnimationFrame(() => {
    performance.measure(name, { start, end: performance.now() });
  });
}
