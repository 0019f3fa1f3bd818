import { describe, expect, it } from 'vitest';
import { LONG_RUN, RUN_CHUNK, withSoftBreaks } from '../../src/render/soft-breaks.js';

describe('withSoftBreaks', () => {
  it('leaves words of ordinary length whole, so that table columns keep them on one line', () => {
    const text = 'Intrathecal autologous mesenchymal stromal cells (cholecalciferol), physiotherapist';
    expect(withSoftBreaks(text)).toBe(text);
    expect(withSoftBreaks('x'.repeat(LONG_RUN))).toBe('x'.repeat(LONG_RUN));
  });

  it('gives a long URL or identifier a place to break every few characters, and loses none of it', () => {
    const url = `https://registry.example.org/studies/${'a1b2c3'.repeat(8)}?view=full&lang=en`;
    const text = withSoftBreaks(`See ${url} now`);
    expect(Math.max(...text.split(/[\u200b\s]/).map((piece) => [...piece].length))).toBeLessThanOrEqual(RUN_CHUNK);
    expect(text.replaceAll('\u200b', '')).toBe(`See ${url} now`);
  });

  it('counts characters, not UTF-16 units, and adds nothing but zero-width spaces', () => {
    expect(withSoftBreaks('😀'.repeat(LONG_RUN + 1))).toBe(
      ['😀'.repeat(RUN_CHUNK), '😀'.repeat(RUN_CHUNK), '😀'.repeat(RUN_CHUNK), '😀'.repeat(LONG_RUN + 1 - 3 * RUN_CHUNK)].join('\u200b'),
    );
    const hostile = `<script>alert("x")</script>${'&'.repeat(LONG_RUN)}`;
    expect(withSoftBreaks(hostile).replaceAll('\u200b', '')).toBe(hostile);
  });

  it('prints nothing for a missing value and a number as written', () => {
    expect(withSoftBreaks(undefined)).toBe('');
    expect(withSoftBreaks(12345)).toBe('12345');
  });
});
