import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cases.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { loadTemplate } from '../../src/io/load-template.js';
import { MAX_IMAGE_BYTES } from '../../src/io/image-file.js';
import { compileTemplate } from '../../src/render/compile-template.js';
import type { TextFormat } from '../../src/render/template-bundle.js';
import { EXTRAS, exampleModel } from './render-case.js';
import { BASE_FILES, makeTemplate, pngBytes, removeTemplates, templateErrorOf } from './template-folder.js';

afterAll(removeTemplates);

const PNG = pngBytes(40, 20);
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const SVG =
  '<?xml version="1.0"?>\n<!-- a mark -->\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#c33"/></svg>\n';
const dataUri = (type: string, bytes: Buffer | string): string => `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;

/** An HTML main template whose body is `body`. */
const html = (body: string): string => `<!doctype html>\n<html><head><style>{{{@css}}}</style></head>\n<body>\n${body}\n</body></html>\n`;

/** Loads and compiles a template folder, as every render does before its first case. */
const prepare = (dir: string) => compileTemplate(loadTemplate(dir));

function render(dir: string, format: TextFormat): string {
  return compileTemplate(loadTemplate(dir)).render(format, exampleModel('minimal'), EXTRAS);
}

describe("a template's assets", () => {
  it('are inlined as data: URIs where HTML, CSS and Markdown show images', () => {
    const dir = makeTemplate({
      'assets/logo.png': PNG,
      'assets/img/mark.gif': GIF,
      'assets/mark.svg': SVG,
      'report.html.hbs': html(
        '<img src="assets/logo.png" alt="logo">\n<img srcset="assets/logo.png 1x, ./assets/img/mark.gif 2x" alt="">\n<h1 style="background: url(\'assets/img/mark.gif\')">{{title}}</h1>',
      ),
      'style.css': 'body { margin: 0; }\n.mark { background: url(assets/mark.svg) no-repeat; }\n',
      'report.md.hbs': '# {{title}}\n\n![Our logo](assets/logo.png "Logo")\n',
    });
    const out = render(dir, 'html');
    expect(out).toContain(`<img src="${dataUri('image/png', PNG)}" alt="logo">`);
    expect(out).toContain(`<img srcset="${dataUri('image/png', PNG)} 1x, ${dataUri('image/gif', GIF)} 2x" alt="">`);
    expect(out).toContain(`<h1 style="background: url('${dataUri('image/gif', GIF)}')">`);
    expect(out).toContain(`.mark { background: url(${dataUri('image/svg+xml', SVG)}) no-repeat; }`);
    expect(out).not.toContain('assets/');
    const md = render(dir, 'md');
    expect(md).toContain(`![Our logo](${dataUri('image/png', PNG)} "Logo")`);
  });

  it('leave every other line and column as written, for messages', () => {
    const line = '<img src="assets/logo.png" alt="logo"> <b>{{titel}}</b>';
    const dir = makeTemplate({ 'assets/logo.png': PNG, 'report.html.hbs': html(line) });
    const error = templateErrorOf(() => render(dir, 'html'));
    expect(error.location()).toBe(`report.html.hbs:4:${line.indexOf('titel') + 1}`);
  });

  it('allow values from the report model, data: URIs, #fragments and links', () => {
    const body =
      '<img src="{{title}}" alt=""><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><svg><use href="#m"/><a xlink:href="https://example.org/svg">in SVG</a></svg>\n<a href="https://example.org/">a link</a>';
    const dir = makeTemplate({
      'report.html.hbs': html(body),
      'report.md.hbs': '# {{title}}\n\nSee [the guideline](https://www.care-statement.org/).\n\n[care]: https://www.care-statement.org/\n',
    });
    expect(render(dir, 'html')).toContain('<a href="https://example.org/">a link</a>');
    expect(render(dir, 'md')).toContain('[care]: https://www.care-statement.org/');
  });

  it('ignore what comments say, and inline a Markdown link definition that names an asset', () => {
    const dir = makeTemplate({
      'assets/logo.png': PNG,
      'report.html.hbs': html('{{!-- <img src="https://example.com/old-logo.png"> --}}\n<!-- <img src="logo.png"> -->\n<p>{{title}}</p>'),
      'report.md.hbs': '# {{title}}\n\n![Logo][logo]\n\n[logo]: assets/logo.png\n',
    });
    expect(render(dir, 'html')).toContain('<!-- <img src="logo.png"> -->');
    expect(render(dir, 'md')).toContain(`[logo]: ${dataUri('image/png', PNG)}`);
  });
});

describe('a reference a report cannot load', () => {
  const line = (body: string): number =>
    html(body)
      .split('\n')
      .findIndex((l) => l.includes(body.split('\n')[0] ?? '')) + 1;

  it.each([
    [
      '<img src="https://example.com/logo.png">',
      '<img src> refers to `https://example.com/logo.png`, outside the template: a report loads nothing from the network or the disk',
      "copy the image into the template's assets/ folder and write `assets/logo.png`",
    ],
    [
      '<img src="http://example.com/a/b.png" alt="">',
      '<img src> refers to `http://example.com/a/b.png`, outside the template: a report loads nothing from the network or the disk',
      undefined,
    ],
    [
      '<img alt="" src="file:///etc/hostname">',
      '<img src> refers to `file:///etc/hostname`, outside the template: a report loads nothing from the network or the disk',
      undefined,
    ],
    [
      '<img src="//cdn.example.com/x.png">',
      '<img src> refers to `//cdn.example.com/x.png`, outside the template: a report loads nothing from the network or the disk',
      undefined,
    ],
    [
      '<script src="https://example.com/x.js"></script>',
      '<script src> refers to `https://example.com/x.js`, outside the template: a report loads nothing from the network or the disk',
      'leave it out, or inline what it loads',
    ],
    [
      '<img src="logo.png">',
      "<img src> refers to `logo.png`, which is not in the template's assets/ folder",
      'put the image in assets/ and write `assets/logo.png`',
    ],
    ['<img src="../logo.png">', "<img src> refers to `../logo.png`, which is not in the template's assets/ folder", undefined],
    [
      '<img src="assets/../../secret.png">',
      "<img src> refers to `assets/../../secret.png`, which is not in the template's assets/ folder",
      undefined,
    ],
    ['<img src="assets/{{title}}.png">', '<img src> is built from pieces, `assets/` (in a value built with {{…}}) and {{…}}', undefined],
    [
      '<link rel="stylesheet" href="assets/logo.png">',
      "<link href> refers to `assets/logo.png`: a template's assets can be shown only as images",
      '<img src>, srcset, CSS url() or a Markdown image',
    ],
    [
      '<iframe src="assets/logo.png"></iframe>',
      "<iframe src> refers to `assets/logo.png`: a template's assets can be shown only as images",
      undefined,
    ],
    [
      '<div style="background: url(https://example.com/bg.png)"></div>',
      '<div style> refers to `https://example.com/bg.png`, outside the template: a report loads nothing from the network or the disk',
      undefined,
    ],
  ])('%s is a template error at its line and column', (body, message, hint) => {
    const dir = makeTemplate({ 'assets/logo.png': PNG, 'report.html.hbs': html(body) });
    const error = templateErrorOf(() => loadTemplate(dir));
    expect(error.message).toBe(message);
    if (hint) expect(error.hint).toBe(hint);
    const url = /(?:src|href)="([^"]*)"|url\(([^)]*)\)/.exec(body);
    const at = body.indexOf(url?.[1] ?? url?.[2] ?? '');
    expect(error.location()).toBe(`report.html.hbs:${line(body)}:${at + 1}`);
  });

  it('in the CSS, or an @import, is a template error at its line in the CSS file', () => {
    const css = 'body { margin: 0; }\nh1 {\n  background: url("https://example.com/bg.png");\n}\n';
    const external = templateErrorOf(() => loadTemplate(makeTemplate({ 'style.css': css })));
    expect(external.message).toBe(
      'CSS url() refers to `https://example.com/bg.png`, outside the template: a report loads nothing from the network or the disk',
    );
    expect(external.location()).toBe(`style.css:3:${(css.split('\n')[2] ?? '').indexOf('https:') + 1}`);
    const imported = templateErrorOf(() =>
      loadTemplate(makeTemplate({ 'style.css': '/* fonts */\n@import url("https://fonts.example.com/css");\n' })),
    );
    expect(imported.describe()).toBe(
      "a template cannot `@import` a stylesheet (style.css:2:14); list the template's CSS files under `css` in template.json",
    );
  });

  it('in a Markdown template is a template error too', () => {
    const error = templateErrorOf(() =>
      prepare(makeTemplate({ 'report.md.hbs': '# {{title}}\n\n![chart](https://example.com/chart.png)\n' })),
    );
    expect(error.message).toBe(
      'a Markdown image refers to `https://example.com/chart.png`, outside the template: a report loads nothing from the network or the disk',
    );
    expect(error.location()).toBe(`report.md.hbs:3:${'![chart]('.length + 1}`);
  });

  it('is refused in a partial, and in a template that did not come from a folder', () => {
    const dir = makeTemplate({
      'partials/html-logo.hbs': '\n<img src="https://example.com/logo.png">',
      'report.html.hbs': html('{{> html-logo}}'),
    });
    expect(templateErrorOf(() => prepare(dir)).location()).toBe('partials/html-logo.hbs:2:11');
    const bundle = {
      name: 't',
      description: '',
      dir: '/t',
      formats: { html: { file: '/t/report.html.hbs', source: '<img src="assets/logo.png"> <img src="ftp://x/y.png">' } },
      partials: {},
      css: '',
    };
    expect(templateErrorOf(() => compileTemplate(bundle, new Map())).describe()).toBe(
      'asset `assets/logo.png` not found (report.html.hbs:1:11); the template has no files in assets/',
    );
    expect(
      templateErrorOf(() => compileTemplate({ ...bundle, assets: { 'assets/logo.png': dataUri('image/png', PNG) } }, new Map())).message,
    ).toMatch(/^<img src> refers to `ftp:\/\/x\/y\.png`/);
  });
});

describe('an asset', () => {
  /** The error loading a template whose HTML shows `assets/NAME` and whose assets folder is set up by `setUp`. */
  function assetError(name: string, setUp: (assets: string) => void) {
    const dir = makeTemplate({ 'report.html.hbs': html(`<img src="assets/${name}" alt="">`) });
    mkdirSync(join(dir, 'assets'), { recursive: true });
    setUp(join(dir, 'assets'));
    return templateErrorOf(() => loadTemplate(dir));
  }

  it('that does not exist is named, with the assets that do', () => {
    const error = assetError('logo.pgn', (assets) => {
      writeFileSync(join(assets, 'logo.png'), PNG);
      writeFileSync(join(assets, 'other.png'), PNG);
    });
    expect(error.describe()).toBe('asset `assets/logo.pgn` not found (report.html.hbs:4:11); did you mean `assets/logo.png`?');
    const none = templateErrorOf(() => prepare(makeTemplate({ 'report.html.hbs': html('<img src="assets/logo.png">') })));
    expect(none.describe()).toBe('asset `assets/logo.png` not found (report.html.hbs:4:11); the template has no files in assets/');
  });

  it('must be an image by its bytes, not its name', () => {
    const error = assetError('logo.png', (assets) => writeFileSync(join(assets, 'logo.png'), 'not an image'));
    expect(error.describe()).toBe(
      'asset `assets/logo.png` is not a PNG, JPEG, GIF, WebP or SVG image (report.html.hbs:4:11); the type is read from the bytes, not the file name',
    );
  });

  it(`must be at most ${MAX_IMAGE_BYTES / 1048576} MiB`, () => {
    const error = assetError('big.png', (assets) => {
      writeFileSync(join(assets, 'big.png'), PNG);
      truncateSync(join(assets, 'big.png'), MAX_IMAGE_BYTES + 1);
    });
    expect(error.message).toBe('asset `assets/big.png` is 10.0 MiB; at most 10 MiB');
  });

  it('must be a regular file (not a folder, not a FIFO that would block the read)', () => {
    expect(assetError('dir.png', (assets) => mkdirSync(join(assets, 'dir.png'))).message).toBe(
      'asset `assets/dir.png` is a folder, not an image file',
    );
    expect(assetError('fifo.png', (assets) => execFileSync('mkfifo', [join(assets, 'fifo.png')])).message).toBe(
      'asset `assets/fifo.png` is a named pipe (FIFO), not a regular file',
    );
  });

  it('may not lead out of the assets folder through a symbolic link, nor may the folder itself', () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.png'), PNG);
    const link = assetError('logo.png', (assets) => symlinkSync(join(outside, 'secret.png'), join(assets, 'logo.png')));
    expect(link.message).toBe("asset `assets/logo.png` leads outside the template's assets/ folder (a symbolic link?)");
    const dir = makeTemplate({ 'report.html.hbs': html('<img src="assets/secret.png">') });
    symlinkSync(outside, join(dir, 'assets'));
    expect(templateErrorOf(() => loadTemplate(dir)).message).toBe(
      "asset `assets/secret.png` leads outside the template's assets/ folder (a symbolic link?)",
    );
    rmSync(outside, { recursive: true, force: true });
  });

  it.each([
    ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'a <script> element'],
    ['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>', 'an event handler attribute (onload)'],
    [
      '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.com/x.png"/></svg>',
      'a link to `https://example.com/x.png` (only #fragments and data:image/ URIs are allowed)',
    ],
    [
      '<svg xmlns="http://www.w3.org/2000/svg"><image xlink:href="&#104;ttp://example.com/x.png"/></svg>',
      'a link to `http://example.com/x.png` (only #fragments and data:image/ URIs are allowed)',
    ],
    ['<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(x.css);</style></svg>', 'a CSS reference to `x.css`'],
    ['<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>', 'a <foreignObject> element'],
    ['<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>', 'entity declarations'],
  ])('that is an SVG must be inert and self-contained: %s', (svg, what) => {
    const error = assetError('mark.svg', (assets) => writeFileSync(join(assets, 'mark.svg'), svg));
    expect(error.message).toBe(`asset \`assets/mark.svg\` is an SVG with ${what}`);
  });
});

describe('the command line', () => {
  const CASE = join(ROOT, 'examples', 'minimal.yaml');

  it("prints a template's logo into the PDF", () => {
    const dir = makeTemplate({
      'assets/logo.png': PNG,
      'report.html.hbs': html('<h1>{{title}}</h1>\n<img src="assets/logo.png" alt="logo" style="width: 4cm">'),
    });
    const out = tempDir();
    const run = runCli(['render', CASE, '--template', dir, '--format', 'html,pdf', '--out-dir', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(out, 'minimal.html'), 'utf8')).toContain(`src="${dataUri('image/png', PNG)}"`);
    const pdf = readdirSync(out).find((file) => file.endsWith('.pdf')) ?? '';
    // pdfimages lists the images each page draws: one, at the size of the PNG.
    const images = execFileSync('pdfimages', ['-list', join(out, pdf)], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean);
    expect(images).toHaveLength(1);
    expect(images[0]?.trim().split(/\s+/).slice(0, 5)).toEqual(['1', '0', 'image', '40', '20']);
    rmSync(out, { recursive: true, force: true });
  });

  it('exits 4, naming the file, line and column, for a missing asset or an external URL', () => {
    const missing = makeTemplate({ 'report.html.hbs': html('<img src="assets/logo.png">') });
    const run = runCli(['render', CASE, '--template', missing, '--format', 'html', '-o', '-']);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('template error: asset `assets/logo.png` not found (report.html.hbs:4:11)');
    const external = makeTemplate({
      'assets/logo.png': PNG,
      'partials/md-logo.hbs': '![logo](https://example.com/logo.png)',
      'report.md.hbs': `${BASE_FILES['report.md.hbs']}{{> md-logo}}\n`,
    });
    const md = runCli(['render', CASE, '--template', external, '-o', '-']);
    expect(md.code).toBe(4);
    expect(md.stderr).toContain(
      'template error: a Markdown image refers to `https://example.com/logo.png`, outside the template: a report loads nothing from the network or the disk (partials/md-logo.hbs:1:9)',
    );
  });
});
