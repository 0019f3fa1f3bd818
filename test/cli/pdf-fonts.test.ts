import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { exampleText, ROOT } from '../helpers/cases.js';
import { runCli, tempDir, type CliRun } from '../helpers/cli.js';

/** One embedded font as `pdffonts` lists it. */
interface PdfFont {
  name: string;
  type: string;
}

function readFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  // name type encoding emb sub uni object ID; the type may be two words ("CID TrueType", "Type 3").
  return lines.map((line) => {
    const [name = '', ...rest] = line.trim().split(/\s+/);
    const type = /^(Type 3|Type 1C?|CID Type 0C?|CID TrueType|TrueType|Type 1)\b/.exec(rest.join(' '))?.[1] ?? rest.join(' ');
    return { name, type };
  });
}

const EXAMPLES = readdirSync(join(ROOT, 'examples'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => name.slice(0, -'.yaml'.length));
const TEMPLATES = ['care', 'narrative'];

// A Chinese or Japanese desktop: fontconfig's default sans-serif and serif (and so Chromium's
// system-ui and generic families) are Noto CJK there, whichever Latin fonts are installed.
const CJK_LOCALE = { LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8', LANGUAGE: 'zh_CN' };
const LOCALES: Record<string, Record<string, string>> = { 'this machine': {}, 'a Chinese locale': CJK_LOCALE };

const CHINESE_LABEL = '王小明';
const CHINESE_FACILITY = '北京普华国际医院';

describe('PDF fonts', () => {
  const dir = tempDir();
  const cases = join(dir, 'cases');
  const runs: CliRun[] = [];
  const out = (locale: string, template: string): string => join(dir, locale.replace(/\W+/g, '-'), template);

  beforeAll(() => {
    mkdirSync(cases);
    for (const name of EXAMPLES) writeFileSync(join(cases, `${name}.yaml`), exampleText(name));
    const chinese = parse(exampleText('steven-sci')) as Record<string, Record<string, unknown>>;
    chinese.patient = { ...chinese.patient, label: CHINESE_LABEL };
    chinese.facility = { ...chinese.facility, name: CHINESE_FACILITY };
    writeFileSync(join(cases, 'chinese.yaml'), stringify({ ...chinese, id: 'chinese' }));
    for (const [locale, env] of Object.entries(LOCALES)) {
      for (const template of TEMPLATES) {
        runs.push(runCli(['render', cases, '--format', 'pdf', '--template', template, '--out-dir', out(locale, template)], { env }));
      }
    }
  });

  it('renders every case in every locale with both templates', () => {
    for (const run of runs) {
      expect(run.stderr).toContain(`${EXAMPLES.length + 1} rendered, 0 failed`);
      expect(run.code).toBe(0);
    }
  });

  // Chromium embeds Noto CJK (CFF outlines) as Type 3 fonts, which some submission systems
  // reject: Latin text must come from a TrueType family named before the CJK ones.
  for (const [locale] of Object.entries(LOCALES)) {
    for (const template of TEMPLATES) {
      for (const name of EXAMPLES) {
        it(`${template}, ${locale}: ${name} (Latin only) embeds no Type 3 font`, () => {
          const fonts = readFonts(join(out(locale, template), `${name}.pdf`));
          expect(fonts.length).toBeGreaterThan(0);
          expect(fonts.filter((font) => font.type === 'Type 3')).toEqual([]);
        });
      }
    }
  }

  for (const template of TEMPLATES) {
    it(`${template}: Chinese text still prints, in a font of its own (the CJK fallback)`, () => {
      const chinese = join(out('this machine', template), 'chinese.pdf');
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', chinese, '-'], { encoding: 'utf8' });
      expect(text).toContain(CHINESE_LABEL);
      const latin = readFonts(join(out('this machine', template), 'steven-sci.pdf'));
      expect(readFonts(chinese).length).toBeGreaterThan(latin.length);
    });
  }
});
