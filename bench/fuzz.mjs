#!/usr/bin/env node
// A seeded mutation fuzzer for the command line (issue 11). Run by hand, after `npm run build`;
// it is not part of `npm test`.
//
// Usage: node bench/fuzz.mjs [--seed 1] [--cases 2000] [--pdf 0] [--keep DIR] [--batch 200] [--only N]
//                            [--timeout SECONDS] [--cli bin/casereport.js of another checkout]
//
// It starts from examples/*.yaml and the YAML fixtures under test/, and makes each mutant from one
// of them with one to three mutations, on the YAML text (delete, duplicate or swap lines, change
// indentation, insert hostile strings, numbers, anchors and aliases, tags, odd keys, deep nesting)
// or on the data (parsed with `yaml`, a value, key or type changed, written back). Every mutant is
// a function of the seed and its number only, so `--only N` rebuilds mutant N of a run alone.
//
// The mutants are written to a temporary folder in batches and run through `validate` (text and
// --json), `check` and `render --format md,html,json` (one process each per batch, with a
// timeout; batches of 200 or more render on threads). `--pdf N` also prints N mutants made only
// with hostile free text through `render --format pdf`. A finding is:
//   - an exit code that is not documented for the command (1 is an internal error), a signal or a
//     timeout (a hang);
//   - a stack trace (`TypeError`, `    at `) on standard output or error;
//   - a raw control character (ESC, BEL, C1, U+202E …) on standard output or error;
//   - a case `validate` passes and `render` refuses, or the reverse; a render failure that is not
//     invalid input (a template error, a browser failure or a PDF timeout on such text, …);
//   - a file written outside --out-dir, or an input changed;
//   - HTML output with `<script` in it.
// Findings of a batch-wide kind (exit code, signal, trace, control characters) are pinned to their
// mutant by running each mutant of the batch alone. Each finding's mutant is saved in the --keep
// folder (default: a new temporary folder) with a .txt file saying why; a summary lists the count
// per kind and the time taken.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

const ROOT = new URL('..', import.meta.url).pathname;

const { values: opts } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    cases: { type: 'string', default: '2000' },
    pdf: { type: 'string', default: '0' },
    keep: { type: 'string' },
    batch: { type: 'string', default: '200' },
    only: { type: 'string' },
    timeout: { type: 'string', default: '120' },
    cli: { type: 'string', default: join(ROOT, 'bin', 'casereport.js') },
  },
});
const CLI = resolve(opts.cli);
const SEED = Number(opts.seed);
const CASES = Number(opts.cases);
const PDF_CASES = Number(opts.pdf);
const BATCH = Number(opts.batch);
const TIMEOUT_MS = Number(opts.timeout) * 1000;

// ---------------------------------------------------------------------------------------------
// Randomness: mulberry32, one stream per mutant, seeded from the run's seed and the mutant's number.

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function rngFor(seed, index) {
  const rng = mulberry32(Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b));
  return {
    next: rng,
    int: (n) => Math.floor(rng() * n),
    pick: (list) => list[Math.floor(rng() * list.length)],
    chance: (p) => rng() < p,
  };
}

// ---------------------------------------------------------------------------------------------
// Seeds: the examples and the test fixtures.

function seedFiles() {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry.name) && entry.name !== 'alias-bomb.yaml') files.push(path);
    }
  };
  walk(join(ROOT, 'examples'));
  walk(join(ROOT, 'test', 'fixtures'));
  walk(join(ROOT, 'test', 'render', 'fixtures'));
  return files.map((path) => ({ name: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
}

// ---------------------------------------------------------------------------------------------
// What mutations insert.

/** Text that is dangerous somewhere: on a terminal, in Markdown, in HTML, in a template, in a path. */
const HOSTILE = [
  '\u001b]0;X\u0007',
  '\u001b[2J\u001b[31mred',
  '\u009b2J',
  'a\u202eb',
  '\u202d\u2066x\u2069\u200f',
  'line\rreturn',
  'next\u0085line',
  'line\u2028separator\u2029para',
  'nul\u0000byte',
  'tab\there',
  '\ufeffbom',
  '1. ',
  '---',
  '***',
  '~~x~~',
  '&lt;b&gt;',
  '&amp;&#x3c;',
  '<script>alert(1)</script>',
  '<SCRIPT src=//e.x>',
  '</style><script>x</script>',
  '<img src=x onerror=alert(1)>',
  '<!--',
  ']]>',
  '{{title}}',
  '{{{id}}}',
  '{{#each x}}',
  '[link](javascript:alert(1))',
  '![img](https://example.com/x.png)',
  '<https://example.com>',
  '| a | b |\n|---|---|',
  '# heading',
  '> quote',
  '```js',
  '\\*not\\*',
  '*em* _em_ `code`',
  '- [ ] task',
  '[^1]',
  '$(touch pwned)',
  '../../../../etc/passwd',
  '%s%n%x',
  '\u{1d518}\u{1d52b}\u{1d526}',
  '\u{1f469}\u200d\u2695\ufe0f',
  '中文 日本語 한국어',
  '\u0645\u0631\u062d\u0628\u0627',
  'e\u0301\u0301\u0301',
  'x'.repeat(5000),
  'word '.repeat(2000),
  'a'.repeat(70000),
];

const NUMBERS = [
  '0',
  '-1',
  '-0',
  '0.5',
  '1e16',
  '1e308',
  '-1e308',
  '9007199254740993',
  '123456789012345678901234567890',
  '.nan',
  '.NaN',
  '.inf',
  '-.inf',
  '0x1F',
  '0o17',
  '1_000',
  '1e-320',
  '+12',
  '007',
];

const TAGS = [
  '!!binary',
  '!!str',
  '!!int',
  '!!float',
  '!!timestamp',
  '!!map',
  '!!seq',
  '!!set',
  '!!omap',
  '!!null',
  '!!bool',
  '!x',
  '!<tag:yaml.org,2002:str>',
];

const KEYS = [
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  'length',
  '0',
  '"1"',
  'null',
  '~',
  '? complex',
  '""',
];

const SPLINTERS = [':', ': ', '- ', '"', "'", '{', '}', '[', ']', '#', '|', '>', '&', '*', '!', '%', '@', '`', ',', '\t', '\r', '\\', '? '];

const DATES = [
  '2023-02-30',
  '2023-13-01',
  '0000-01-01',
  '9999-12-31',
  '2023',
  '2023-06',
  '1900-01-01',
  '2100-01-01',
  '2023-06-01T10:00:00Z',
  '23-06-01',
  '',
];

/** A YAML scalar that reads as `text` whatever it holds (JSON strings are YAML double-quoted strings). */
const quoted = (text) => JSON.stringify(text);

function deepNesting(r) {
  const depth = r.pick([10, 40, 63, 64, 65, 200, 2000]);
  return r.chance(0.5) ? '['.repeat(depth) + ']'.repeat(depth) : '{a: '.repeat(depth) + '1' + '}'.repeat(depth);
}

// ---------------------------------------------------------------------------------------------
// Mutations of the YAML text: each takes the lines and the random stream and changes the lines.

const lineOf = (lines, r) => r.int(lines.length);
const indentOf = (line) => /^ */.exec(line)[0];
/** Lines of the form `key: value` (or `- key: value`) with a value on the line. */
const valueLines = (lines) => lines.map((l, i) => [l, i]).filter(([l]) => /^\s*(- )?[\w"'-]+:\s+\S/.test(l) && !/^\s*#/.test(l));

function withValue(lines, r, make) {
  const candidates = valueLines(lines);
  if (!candidates.length) return;
  const [line, i] = r.pick(candidates);
  const m = /^(\s*(?:- )?[\w"'-]+:\s+)([^]*)$/.exec(line);
  lines[i] = m[1] + make(m[2]);
}

const TEXT_MUTATIONS = {
  deleteLine(lines, r) {
    lines.splice(lineOf(lines, r), 1 + (r.chance(0.2) ? r.int(5) : 0));
  },
  duplicateLine(lines, r) {
    const i = lineOf(lines, r);
    lines.splice(i, 0, ...lines.slice(i, i + 1 + r.int(4)));
  },
  swapLines(lines, r) {
    const i = lineOf(lines, r);
    const j = r.chance(0.5) ? Math.min(lines.length - 1, i + 1) : lineOf(lines, r);
    [lines[i], lines[j]] = [lines[j], lines[i]];
  },
  reindent(lines, r) {
    const i = lineOf(lines, r);
    const delta = r.pick([-4, -2, -1, 1, 2, 4]);
    lines[i] = delta > 0 ? ' '.repeat(delta) + lines[i] : lines[i].slice(Math.min(-delta, indentOf(lines[i]).length));
  },
  tabIndent(lines, r) {
    const i = lineOf(lines, r);
    lines[i] = lines[i].replace(/^ +/, '\t');
  },
  hostileValue(lines, r) {
    const text = r.pick(HOSTILE);
    withValue(lines, r, (old) => {
      const body = old.replace(/^["']|["']$/g, '');
      const mixed = r.chance(0.5) ? `${body} ${text}` : text;
      return r.chance(0.8) ? quoted(mixed) : mixed; // unquoted: raw, maybe breaking the YAML
    });
  },
  hostilePlain(lines, r) {
    const i = lineOf(lines, r);
    const at = r.int(lines[i].length + 1);
    lines[i] = lines[i].slice(0, at) + r.pick(HOSTILE).slice(0, 200) + lines[i].slice(at);
  },
  lineBreaks(lines, r) {
    const i = lineOf(lines, r);
    lines[i] += r.pick(['\r', '\u0085', '\u2028', '\u2029', '\r\n', '\v', '\f']);
  },
  crlf(lines) {
    for (let i = 0; i < lines.length; i++) lines[i] += '\r';
  },
  number(lines, r) {
    withValue(lines, r, () => r.pick(NUMBERS));
  },
  date(lines, r) {
    withValue(lines, r, () => r.pick(DATES));
  },
  tag(lines, r) {
    withValue(lines, r, (old) => `${r.pick(TAGS)} ${old}`);
  },
  anchorAlias(lines, r) {
    const candidates = valueLines(lines);
    if (candidates.length < 2) return;
    const [line, i] = r.pick(candidates);
    const name = r.pick(['a', 'x', 'b1']);
    lines[i] = line.replace(/:\s+/, `: &${name} `);
    const [other, j] = r.pick(candidates);
    lines[j] = other.replace(/:\s+.*$/, `: *${r.chance(0.9) ? name : 'missing'}`);
  },
  anchorBlock(lines, r) {
    // an anchor on a whole mapping or list, repeated by an alias at the same place elsewhere
    const blocks = lines.map((l, i) => [l, i]).filter(([l]) => /^\s*[\w-]+:\s*$/.test(l));
    if (!blocks.length) return;
    const [line, i] = r.pick(blocks);
    lines[i] = `${line} &blk`;
    lines.push(`${line.trim()} *blk`);
  },
  oddKey(lines, r) {
    const i = lineOf(lines, r);
    const indent = indentOf(lines[i]);
    const value = r.pick(['1', 'x', '{}', '[]', quoted(r.pick(HOSTILE).slice(0, 80)), '{ a: 1 }']);
    lines.splice(i, 0, `${indent}${r.pick(KEYS)}: ${value}`);
  },
  flowCommas(lines, r) {
    const i = lineOf(lines, r);
    const indent = indentOf(lines[i]);
    lines.splice(i, 0, `${indent}- { domain: motor, change: improved, finding: can lift the arm, slowly, source: patient }`);
  },
  deepNest(lines, r) {
    withValue(lines, r, () => deepNesting(r));
  },
  longLine(lines, r) {
    withValue(lines, r, () => 'y'.repeat(r.pick([1000, 100000, 1000000])));
  },
  splinter(lines, r) {
    const i = lineOf(lines, r);
    const at = r.int(lines[i].length + 1);
    lines[i] = lines[i].slice(0, at) + r.pick(SPLINTERS) + lines[i].slice(at);
  },
  truncate(lines, r) {
    lines.length = Math.max(1, lineOf(lines, r));
  },
  document(lines, r) {
    lines.splice(lineOf(lines, r), 0, r.pick(['---', '...', '%YAML 1.1', '%TAG ! tag:x,2000:', '--- |']));
  },
  bom(lines) {
    lines[0] = '\ufeff' + lines[0];
  },
};

function mutateText(text, r) {
  const lines = text.split('\n');
  const name = r.pick(Object.keys(TEXT_MUTATIONS));
  TEXT_MUTATIONS[name](lines, r);
  return { text: lines.join('\n'), what: `text:${name}` };
}

// ---------------------------------------------------------------------------------------------
// Mutations of the data: parse, change one place, stringify.

/** Every place in the data: [parent, key] pairs, the root excluded. */
function places(data) {
  const found = [];
  const walk = (node, depth) => {
    if (depth > 40 || node === null || typeof node !== 'object') return;
    for (const key of Object.keys(node)) {
      found.push([node, key]);
      walk(node[key], depth + 1);
    }
  };
  walk(data, 0);
  return found;
}

function randomValue(r) {
  switch (r.int(9)) {
    case 0:
      return r.pick(HOSTILE);
    case 1:
      return r.pick([0, -1, 0.5, 1e16, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, NaN, Infinity, -Infinity, 2 ** 31, 1e-320]);
    case 2:
      return r.pick([null, true, false, '', ' ', 'null', 'true', 'no']);
    case 3:
      return [];
    case 4:
      return {};
    case 5:
      return r.pick(DATES);
    case 6:
      return Array.from({ length: r.pick([1, 2, 50, 2000]) }, (_, i) => (r.chance(0.5) ? i : r.pick(HOSTILE).slice(0, 40)));
    case 7:
      return { [r.pick(KEYS)]: r.pick(HOSTILE).slice(0, 40) };
    default:
      return r.pick(['patient', 'measured', 'improved', 'motor', 'isncsci', 'scim-iii', 'r1', 'round-1', 'C5', 'NT', '3*']);
  }
}

const DATA_MUTATIONS = {
  replace(parent, key, r) {
    parent[key] = randomValue(r);
  },
  appendText(parent, key, r) {
    if (typeof parent[key] === 'string') parent[key] += ` ${r.pick(HOSTILE)}`;
    else parent[key] = `${String(parent[key])}${r.pick(HOSTILE)}`;
  },
  remove(parent, key) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  },
  duplicate(parent, key) {
    if (Array.isArray(parent)) parent.splice(Number(key), 0, structuredClone(parent[key]));
    else parent[`${key}_copy`] = structuredClone(parent[key]);
  },
  renameKey(parent, key, r) {
    if (Array.isArray(parent)) return;
    const value = parent[key];
    delete parent[key];
    const name = r.pick([...KEYS.filter((k) => !/^["?~]/.test(k)), key.toUpperCase(), `${key} `, `${key}\u202e`, key.slice(1)]);
    // An own property even for __proto__, so stringify writes it as a key.
    Object.defineProperty(parent, name, { value, enumerable: true, writable: true, configurable: true });
  },
  changeType(parent, key) {
    const value = parent[key];
    if (typeof value === 'string') parent[key] = Number(value) || [value];
    else if (typeof value === 'number') parent[key] = String(value);
    else if (Array.isArray(value)) parent[key] = Object.fromEntries(value.map((v, i) => [String(i), v]));
    else if (value && typeof value === 'object') parent[key] = Object.values(value);
    else parent[key] = [value];
  },
  swap(parent, key, r) {
    if (!Array.isArray(parent) || parent.length < 2) return;
    const j = r.int(parent.length);
    [parent[key], parent[j]] = [parent[j], parent[key]];
  },
  nest(parent, key, r) {
    let value = parent[key];
    for (let i = r.pick([1, 5, 70]); i > 0; i--) value = r.chance(0.5) ? [value] : { a: value };
    parent[key] = value;
  },
};

function mutateData(text, r) {
  let data;
  try {
    data = parseYaml(text, { maxAliasCount: 100, logLevel: 'silent' });
  } catch {
    return mutateText(text, r);
  }
  const all = places(data);
  if (!all.length) return mutateText(text, r);
  const [parent, key] = r.pick(all);
  const name = r.pick(Object.keys(DATA_MUTATIONS));
  DATA_MUTATIONS[name](parent, key, r);
  const options = r.pick([{}, { lineWidth: 0 }, { defaultStringType: 'QUOTE_DOUBLE' }, { collectionStyle: 'flow' }, { indent: 4 }]);
  let out;
  try {
    out = stringifyYaml(data, options);
  } catch {
    return mutateText(text, r);
  }
  return { text: out, what: `data:${name}` };
}

/** PDF mutants are numbered from here: hostile text only. */
const PDF_FIRST = 1_000_000;

/** Mutant number `index` of the run: its seed file, text and the mutations made. */
function makeMutant(seeds, index) {
  const hostileOnly = index >= PDF_FIRST;
  const r = rngFor(SEED, index);
  // Most mutants start from a valid case, and many only get hostile text, so that many stay valid
  // and are rendered.
  const valid = seeds.filter((s) => !s.name.includes('invalid'));
  const seed = r.pick(r.chance(0.8) ? valid : seeds);
  let text = seed.text;
  const what = [];
  for (let n = 1 + (r.chance(0.3) ? r.int(3) : 0); n > 0; n--) {
    const step = hostileOnly || r.chance(0.3) ? mutateHostile(text, r) : r.chance(0.45) ? mutateData(text, r) : mutateText(text, r);
    text = step.text;
    what.push(step.what);
  }
  return { index, seed: seed.name, text, what };
}

/** Lines with a free-text field (which takes any text) and its value. */
const FREE_TEXT =
  /^(\s*(?:- )?(?:title|label|name|finding|notes|site|statement|context|lessons|cause|details|occupation|history|event|outcome|dose|route|schedule|caption|examiner|author|affiliation|funding|conflicts_of_interest|scope|indication|display|city):\s+)([^]*)$/;

/** For PDFs: hostile text in string values only, so most mutants stay valid and are printed. */
function mutateHostile(text, r) {
  const lines = text.split('\n');
  const free = lines.map((l, i) => [l, i]).filter(([l]) => FREE_TEXT.test(l));
  if (!free.length) return mutateText(text, r);
  const [line, i] = r.pick(free);
  const m = FREE_TEXT.exec(line);
  const hostile = r.pick(HOSTILE);
  lines[i] = m[1] + quoted(r.chance(0.5) ? `${m[2].replace(/^["']|["']$/g, '')} ${hostile}` : hostile);
  return { text: lines.join('\n'), what: 'text:hostileFreeText' };
}

// ---------------------------------------------------------------------------------------------
// Running the CLI and judging what it did.

// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
const STACK = /\b(TypeError|ReferenceError|RangeError|SyntaxError|InternalError)\b|\n {4}at .+[:(]/;

function run(args, cwd, timeout = TIMEOUT_MS) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
  });
  return {
    args,
    code: result.status,
    signal: result.signal,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    ms: Date.now() - started,
    error: result.error,
  };
}

/** Findings any one run shows by itself: exit code, signal, stack traces, raw control characters. */
function processFindings(result, allowed) {
  const found = [];
  const cmd = result.args[0];
  if (result.signal || result.error)
    found.push({ kind: `${cmd}-hang-or-signal`, detail: `${result.signal ?? ''} ${result.error?.message ?? ''} after ${result.ms} ms` });
  else if (!allowed.includes(result.code)) found.push({ kind: `${cmd}-exit-${result.code}`, detail: `exit code ${result.code}` });
  const output = `${result.stdout}\n${result.stderr}`;
  const trace = STACK.exec(output);
  if (trace) found.push({ kind: `${cmd}-stack-trace`, detail: excerpt(output, trace.index) });
  const raw = RAW_CONTROL.exec(output);
  if (raw)
    found.push({
      kind: `${cmd}-raw-control`,
      detail: `U+${raw[0].codePointAt(0).toString(16).padStart(4, '0')}: ${JSON.stringify(excerpt(output, raw.index))}`,
    });
  return found;
}

function excerpt(text, at) {
  return text.slice(Math.max(0, at - 300), at + 300);
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Runs one batch of mutants: validate (text and JSON), check, render to md, html and json (or pdf), and
 * returns the findings, each with the mutant it is pinned to.
 */
function runBatch(mutants, { pdf = false } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'casereport-fuzzmjs-'));
  const inDir = join(work, 'in');
  const outDir = join(work, 'out');
  mkdirSync(inDir);
  const byName = new Map();
  for (const m of mutants) {
    const file = `m${String(m.index).padStart(7, '0')}.yaml`;
    writeFileSync(join(inDir, file), m.text);
    byName.set(file, m);
  }
  const inputsBefore = new Map(listFiles(inDir).map((f) => [f, readFileSync(join(inDir, f), 'utf8')]));
  const findings = [];
  const add = (mutant, kind, detail) => findings.push({ mutant, kind, detail });
  const mutantOf = (file) => byName.get(basename(file));

  const validateText = run(['validate', 'in'], work);
  const validateJson = run(['validate', 'in', '--json'], work);
  const check = run(['check', 'in'], work);
  const format = pdf ? 'pdf' : 'md,html,json';
  const renderArgs = ['render', 'in', '--format', format, '--out-dir', 'out', '--name', '{name}.{ext}', '--json', '--force'];
  if (pdf) renderArgs.push('--timeout', '30');
  const render = run(renderArgs, work, pdf ? TIMEOUT_MS * 5 : TIMEOUT_MS);

  // Batch-wide findings: pin them to mutants by running each alone with the same command.
  const runs = [
    [validateText, [0, 3], (file) => ['validate', join('in', file)]],
    [validateJson, [0, 3], (file) => ['validate', join('in', file), '--json']],
    [check, [0, 3], (file) => ['check', join('in', file)]],
    // 5 and 6 (browser failed, PDF timed out) are documented, but not for text like this: findings.
    [render, [0, 3], (file) => renderArgs.map((a) => (a === 'in' ? join('in', file) : a === 'out' ? 'out-alone' : a))],
  ];
  for (const [result, allowed, alone] of runs) {
    const batchFindings = processFindings(result, allowed);
    if (!batchFindings.length) continue;
    let pinned = false;
    for (const file of byName.keys()) {
      const single = run(alone(file), work);
      for (const f of processFindings(single, allowed)) {
        add(
          byName.get(file),
          f.kind,
          `${single.args.join(' ')}\n${f.detail}\n--- stdout\n${single.stdout.slice(0, 4000)}\n--- stderr\n${single.stderr.slice(0, 4000)}`,
        );
        pinned = true;
      }
    }
    rmSync(join(work, 'out-alone'), { recursive: true, force: true });
    if (!pinned)
      for (const f of batchFindings)
        add(undefined, `${f.kind}-batch-only`, `${result.args.join(' ')}\n${f.detail}\n${result.stderr.slice(0, 4000)}`);
  }

  // validate against render, per file.
  const validity = new Map((parseJson(validateJson.stdout) ?? []).map((entry) => [basename(entry.file), entry.valid]));
  const summary = parseJson(render.stdout);
  const failures = new Map((summary?.failures ?? []).map((f) => [basename(f.file), f]));
  if (validity.size && summary) {
    for (const [file, mutant] of byName) {
      const valid = validity.get(file);
      const failure = failures.get(file);
      if (valid === undefined) add(mutant, 'validate-missing-file', 'validate --json does not list this file');
      else if (valid && failure?.kind === 'invalid') add(mutant, 'valid-but-render-refuses', JSON.stringify(failure, null, 2));
      else if (!valid && !failure) add(mutant, 'invalid-but-render-renders', 'validate: invalid; render: rendered');
      // Not invalid input: a template error, a browser failure or timeout, a conflict, a write failure.
      if (failure && failure.kind !== 'invalid') add(mutant, `render-failure-${failure.kind}`, JSON.stringify(failure, null, 2));
    }
  }

  // Files: inputs unchanged, nothing outside out/, no script in HTML.
  for (const [file, text] of inputsBefore) {
    if (!existsSync(join(inDir, file)) || readFileSync(join(inDir, file), 'utf8') !== text) add(mutantOf(file), 'input-changed', file);
  }
  const stray = listFiles(work).filter((f) => !f.startsWith('in') && !f.startsWith('out'));
  const strayIn = listFiles(inDir).filter((f) => !inputsBefore.has(f));
  for (const f of [...stray, ...strayIn.map((s) => join('in', s))]) add(undefined, 'file-outside-out-dir', f);
  for (const f of listFiles(outDir)) {
    const stem = /^(m\d{7})/.exec(f)?.[1];
    if (!stem) add(undefined, 'unexpected-output-name', f);
    if (f.endsWith('.html') && statSync(join(outDir, f)).isFile() && /<script/i.test(readFileSync(join(outDir, f), 'utf8'))) {
      add(byName.get(`${stem}.yaml`), 'html-script', f);
    }
  }
  rmSync(work, { recursive: true, force: true });
  return { findings, valid: [...validity.values()].filter(Boolean).length, rendered: summary?.rendered ?? 0 };
}

// ---------------------------------------------------------------------------------------------
// The run.

const seeds = seedFiles();
if (opts.only !== undefined) process.stdout.write(makeMutant(seeds, Number(opts.only)).text);
else main();

function main() {
  if (!existsSync(join(ROOT, 'dist', 'bundle'))) {
    console.error('run `npm run build` first');
    process.exit(2);
  }
  const keep = opts.keep ?? mkdtempSync(join(tmpdir(), 'casereport-fuzz-findings-'));
  mkdirSync(keep, { recursive: true });

  const started = Date.now();
  const counts = new Map();
  let valid = 0;
  let rendered = 0;
  let saved = 0;

  function record(findings) {
    for (const { mutant, kind, detail } of findings) {
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      const name = `${kind}-${mutant ? mutant.index : `batch-${saved}`}`;
      saved++;
      if (mutant) writeFileSync(join(keep, `${name}.yaml`), mutant.text);
      const about = mutant
        ? `seed ${SEED}, mutant ${mutant.index} (--only ${mutant.index}), from ${mutant.seed}, by ${mutant.what.join(', ')}\n`
        : '';
      writeFileSync(join(keep, `${name}.txt`), `${kind}\n${about}\n${detail}\n`);
      console.log(`  finding: ${kind}${mutant ? ` (mutant ${mutant.index}, ${mutant.what.join(', ')})` : ''}`);
    }
  }

  console.log(
    `fuzz: seed ${SEED}, ${CASES} cases in batches of ${BATCH}, ${PDF_CASES} PDF cases, ${seeds.length} seed files; findings to ${keep}`,
  );
  for (let first = 0; first < CASES; first += BATCH) {
    const mutants = [];
    for (let i = first; i < Math.min(CASES, first + BATCH); i++) mutants.push(makeMutant(seeds, i));
    const result = runBatch(mutants);
    valid += result.valid;
    rendered += result.rendered;
    record(result.findings);
    console.log(
      `cases ${first}..${first + mutants.length - 1}: ${result.valid} valid, ${result.rendered} rendered, ${result.findings.length} findings (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  if (PDF_CASES > 0) {
    const mutants = Array.from({ length: PDF_CASES }, (_, i) => makeMutant(seeds, PDF_FIRST + i));
    const result = runBatch(mutants, { pdf: true });
    record(result.findings);
    console.log(`pdf: ${PDF_CASES} cases, ${result.valid} valid, ${result.rendered} printed, ${result.findings.length} findings`);
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\nsummary: seed ${SEED}, ${CASES} cases (${valid} valid, ${rendered} rendered), ${PDF_CASES} PDF cases, ${seconds} s`);
  if (!counts.size) console.log('  no findings');
  for (const [kind, count] of [...counts].sort()) console.log(`  ${kind}: ${count}`);
  console.log(`findings kept in ${keep}`);
  process.exitCode = counts.size ? 1 : 0;
}
