import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { platformBindings, resvgBinding } from './png';

const require = createRequire(import.meta.url);
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="6">' +
  '<rect x="1" y="1" width="5" height="3" fill="#3366cc"/></svg>';

const draw = (from: ReturnType<typeof resvgBinding>) =>
  new from.binding.Resvg(SVG, JSON.stringify({ fitTo: { mode: 'zoom', value: 2 } }))
    .render()
    .asPng();

describe("resvg's binding", () => {
  it('names the platform packages to try, glibc before musl on Linux', () => {
    expect(platformBindings('linux', 'x64')).toEqual([
      '@resvg/resvg-js-linux-x64-gnu',
      '@resvg/resvg-js-linux-x64-musl',
    ]);
    expect(platformBindings('darwin', 'arm64')).toEqual(['@resvg/resvg-js-darwin-arm64']);
    expect(platformBindings('freebsd', 'x64')).toEqual([]);
  });

  it("loads from this machine's platform package, and draws what the package's loader draws", () => {
    const direct = resvgBinding(require);
    expect(direct.from).toMatch(/^@resvg\/resvg-js-/);
    const packaged = resvgBinding(require, ['@resvg/resvg-js-none-such']);
    expect(packaged.from).toBe('@resvg/resvg-js');
    const png = draw(direct);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.equals(draw(packaged))).toBe(true);
  });
});
