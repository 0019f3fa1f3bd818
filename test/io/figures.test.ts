import { copyFileSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FIGURE_BYTES, createFigureChecker, createFigureResolver } from '../../src/io/figures.js';
import { ROOT } from '../helpers/cases.js';
import { tempDir } from '../helpers/cli.js';

const RED_SQUARE = join(ROOT, 'test', 'fixtures', 'figures', 'red-square.png');

/** A case folder `case/` (with case.yaml, an image, and oddities) inside a parent folder. */
function caseFolder(): { root: string; casePath: string } {
  const root = tempDir();
  const dir = join(root, 'case');
  mkdirSync(join(dir, 'img'), { recursive: true });
  copyFileSync(RED_SQUARE, join(dir, 'img', 'red.png'));
  copyFileSync(RED_SQUARE, join(root, 'secret.png'));
  symlinkSync(join(root, 'secret.png'), join(dir, 'escape.png')); // inside by name, outside by target
  symlinkSync(join(dir, 'img', 'red.png'), join(dir, 'alias.png'));
  writeFileSync(join(dir, 'case.yaml'), 'id: x\n');
  return { root, casePath: join(dir, 'case.yaml') };
}

describe('figure checks (shared by render and validate)', () => {
  it('resolves an image below the case folder, or a link to one, and inlines it', () => {
    const { root, casePath } = caseFolder();
    const resolve = createFigureResolver(casePath, () => join(root, 'out'));
    expect(resolve('img/red.png', 'x')).toMatchObject({
      data_uri: expect.stringMatching(/^data:image\/png;base64,/),
      href: '../case/img/red.png',
    });
    expect(resolve('alias.png', 'x')).toMatchObject({ href: '../case/img/red.png' });
    expect(createFigureChecker(casePath)('img/red.png', 'x')).toEqual({ type: 'image/png' });
  });

  // FIFOs are tested through the CLI (test/cli/unreadable-inputs.test.ts), in a child process that
  // can be killed: here, a regression would block this test thread for ever.
  it('refuses what render cannot use; the checker and the resolver agree', () => {
    const { root, casePath } = caseFolder();
    const check = createFigureChecker(casePath);
    const resolve = createFigureResolver(casePath, () => root);
    const refused: Record<string, RegExp> = {
      'escape.png': /is outside the case file's folder/,
      '../secret.png': /is outside the case file's folder/,
      img: /is a folder, not an image file/,
      'data:image/png;base64,AAAA': /is a URL/,
      'case.yaml': /is not a PNG, JPEG, GIF or WebP image/,
    };
    for (const [file, message] of Object.entries(refused)) {
      expect(check(file, 'x'), file).toEqual(expect.objectContaining({ message: expect.stringMatching(message) }));
      expect(resolve(file, 'x'), file).toEqual(check(file, 'x'));
    }
  });

  it('refuses an image over the size limit', () => {
    const { casePath } = caseFolder();
    const big = join(casePath, '..', 'big.png');
    copyFileSync(RED_SQUARE, big);
    truncateSync(big, MAX_FIGURE_BYTES + 1);
    expect(createFigureChecker(casePath)('big.png', 'x')).toMatchObject({ message: 'figure `big.png` is 10 MiB; at most 10 MiB' });
  });
});
