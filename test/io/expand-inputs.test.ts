import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { caseFilesUnder } from '../../src/io/expand-inputs.js';
import { tempDir } from '../helpers/cli.js';

/** A folder with cases at several depths and what the walk must leave out. */
function tree(): string {
  const root = tempDir();
  const files = [
    'a.yaml',
    'b.yml',
    'notes.txt',
    'c.YAML',
    '.hidden.yaml',
    'case.yaml.bak',
    'sub/d.yaml',
    'sub/deeper/e.yml',
    'sub/deeper/f.json',
    'node_modules/pkg/g.yaml',
    'sub/node_modules/h.yaml',
    '.git/i.yaml',
    'z/10.yaml',
    'z/9.yaml',
  ];
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), 'id: x\n');
  }
  symlinkSync(join(root, 'sub', 'deeper'), join(root, 'linked')); // a linked folder is walked
  symlinkSync(root, join(root, 'sub', 'loop')); // a loop is walked once
  symlinkSync(join(root, 'a.yaml'), join(root, 'alias.yaml'));
  symlinkSync(join(root, 'missing.yaml'), join(root, 'dangling.yaml'));
  return root;
}

describe('caseFilesUnder', () => {
  it('finds the *.yaml and *.yml files of a folder and its subfolders, sorted, as the glob does', async () => {
    const root = tree();
    const walked = caseFilesUnder(root);
    expect(walked).toEqual(['a.yaml', 'alias.yaml', 'b.yml', 'linked/e.yml', 'sub/d.yaml', 'sub/deeper/e.yml', 'z/10.yaml', 'z/9.yaml']);
    // The glob library, which renders patterns, agrees (it lists a looping link's files again, once).
    const globbed = (await glob(['**/*.yaml', '**/*.yml'], { cwd: root, ignore: ['**/node_modules/**'] })).filter(
      (f) => !f.startsWith('sub/loop/'),
    );
    expect(walked).toEqual(globbed.sort());
  });
});
