import { spawnSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cases.js';
import { tempDir } from '../helpers/cli.js';

describe('scripts/setup --list-missing', () => {
  const setup = join(ROOT, 'scripts', 'setup');
  /**
   * A PATH with only the tools the listing needs: without npm and apt-get, a setup that ignored
   * --list-missing could install nothing (it would fail instead).
   */
  const sandboxPath = (tools: string[]): string => {
    const bin = tempDir();
    for (const tool of tools) {
      const found = spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
      if (found) symlinkSync(found, join(bin, tool));
    }
    return bin;
  };
  const listMissing = (env: Record<string, string>): string[] => {
    const run = spawnSync(setup, ['--list-missing'], { encoding: 'utf8', env: { ...process.env, ...env } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return run.stdout.split('\n').filter(Boolean);
  };

  it('lists no font package where the fonts are installed (as setup leaves a machine)', () => {
    const missing = listMissing({ PATH: sandboxPath(['bash', 'dirname', 'fc-list']) });
    expect(missing).not.toContain('fonts-dejavu-core');
    expect(missing).not.toContain('fontconfig');
    expect(missing).not.toContain('fonts-noto-cjk');
  });

  it('asks for DejaVu (and Noto CJK) where fontconfig knows no such fonts', () => {
    const dir = tempDir();
    const config = join(dir, 'fonts.conf');
    writeFileSync(
      config,
      `<?xml version="1.0"?>\n<fontconfig><dir>${join(dir, 'none')}</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>\n`,
    );
    const missing = listMissing({ PATH: sandboxPath(['bash', 'dirname', 'fc-list']), FONTCONFIG_FILE: config });
    expect(missing).toEqual(expect.arrayContaining(['fonts-dejavu-core', 'fonts-noto-cjk']));
    expect(missing).not.toContain('fontconfig');
  });

  it('asks for fontconfig and the fonts where fontconfig is missing', () => {
    const missing = listMissing({ PATH: sandboxPath(['bash', 'dirname']) });
    expect(missing).toEqual(expect.arrayContaining(['fontconfig', 'fonts-dejavu-core', 'fonts-noto-cjk']));
  });
});
