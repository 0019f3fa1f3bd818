import { lineStarts, positionAt, type TextPosition } from '../core/text-position.js';

/** JSON text read with the place of every member, or the place and nature of its first syntax error. */
export type LocatedJson =
  { ok: true; value: unknown; locate(path: readonly PropertyKey[]): TextPosition } | { ok: false; message: string; at: TextPosition };

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * Parses JSON as JSON.parse does, but a syntax error comes with its line and column and a message
 * that says what was expected (V8's messages give an offset for some mistakes and none for others),
 * and the result can say where each member was written, so that a schema problem points at its line.
 */
export function parseJsonLocated(text: string): LocatedJson {
  const starts = lineStarts(text);
  const at = (offset: number): TextPosition => positionAt(starts, offset);
  const places = new Map<string, number>();
  try {
    const value = new JsonReader(text.replace(/^\uFEFF/, ' '), places).readDocument();
    return {
      ok: true,
      value,
      // The member itself, or the nearest enclosing one that was written (a missing key's object).
      locate(path) {
        for (let n = path.length; n >= 0; n--) {
          const offset = places.get(pathKey(path.slice(0, n)));
          if (offset !== undefined) return at(offset);
        }
        return at(0);
      },
    };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { ok: false, message: error.message, at: at(error.offset) };
  }
}

const pathKey = (path: readonly PropertyKey[]): string => JSON.stringify(path.map(String));

class JsonReader {
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly places: Map<string, number>,
  ) {}

  readDocument(): unknown {
    const value = this.readValue([]);
    this.skipSpace();
    if (this.i < this.text.length) this.fail(`unexpected ${this.describeHere()} after the end of the JSON value`);
    return value;
  }

  private readValue(path: string[]): unknown {
    this.skipSpace();
    if (!this.places.has(pathKey(path))) this.places.set(pathKey(path), this.i);
    const c = this.text[this.i];
    if (c === '{') return this.readObject(path);
    if (c === '[') return this.readArray(path);
    if (c === '"') return this.readString();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.readNumber();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return value;
      }
    }
    if (c === "'") this.fail('JSON strings need double quotes, not single quotes');
    return this.fail(
      c === undefined ? 'the file ends where a value is expected' : `unexpected ${this.describeHere()} where a value is expected`,
    );
  }

  private readObject(path: string[]): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    this.i++;
    this.skipSpace();
    if (this.text[this.i] === '}') {
      this.i++;
      return object;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.i] !== '"') this.fail(`expected a property name in double quotes, found ${this.describeHere()}`);
      const keyAt = this.i;
      const key = this.readString();
      this.places.set(pathKey([...path, key]), keyAt);
      this.skipSpace();
      if (this.text[this.i] !== ':') this.fail(`expected \`:\` after the property name "${key}", found ${this.describeHere()}`);
      this.i++;
      // A plain property even for "__proto__": the manifest is data.
      Object.defineProperty(object, key, { value: this.readValue([...path, key]), enumerable: true, writable: true, configurable: true });
      if (this.afterMember('}')) return object;
    }
  }

  private readArray(path: string[]): unknown[] {
    const array: unknown[] = [];
    this.i++;
    this.skipSpace();
    if (this.text[this.i] === ']') {
      this.i++;
      return array;
    }
    for (;;) {
      array.push(this.readValue([...path, String(array.length)]));
      if (this.afterMember(']')) return array;
    }
  }

  /** After a member: true at the closing bracket, false after a comma that another member follows. */
  private afterMember(close: '}' | ']'): boolean {
    this.skipSpace();
    const c = this.text[this.i];
    if (c === close) {
      this.i++;
      return true;
    }
    if (c !== ',') this.fail(`expected \`,\` or \`${close}\`, found ${this.describeHere()}`);
    const comma = this.i++;
    this.skipSpace();
    if (this.text[this.i] === close) this.fail(`a comma before \`${close}\`: JSON allows no trailing comma`, comma);
    return false;
  }

  private readString(): string {
    const start = this.i++;
    while (this.i < this.text.length) {
      const c = this.text[this.i] ?? '';
      if (c === '"') return JSON.parse(this.text.slice(start, ++this.i)) as string;
      if (c === '\\') {
        const escape = this.text[this.i + 1] ?? '';
        const valid =
          escape === 'u' ? /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6)) : '"\\/bfnrt'.includes(escape) && escape !== '';
        if (!valid) this.fail(`invalid escape \`\\${escape}\` in a string`);
        this.i += escape === 'u' ? 6 : 2;
      } else if (c < ' ') {
        this.fail(
          c === '\n' || c === '\r' ? 'the string is not closed on its line (a missing `"`?)' : 'a control character inside a string',
        );
      } else this.i++;
    }
    return this.fail('the string is never closed (a missing `"`?)', start);
  }

  private readNumber(): number {
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = this.i;
    const found = match.exec(this.text);
    const after = this.text[this.i + (found?.[0].length ?? 0)];
    if (!found || (after !== undefined && /[\w.]/.test(after))) this.fail('invalid number');
    this.i += found?.[0].length ?? 0;
    return Number(found?.[0]);
  }

  private skipSpace(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i] ?? '')) this.i++;
  }

  private describeHere(): string {
    const word = /^(?:[\w$-]+|\S)/.exec(this.text.slice(this.i, this.i + 20))?.[0];
    return word === undefined ? 'the end of the file' : `\`${word}\``;
  }

  private fail(message: string, offset = this.i): never {
    throw new JsonSyntaxError(message, offset);
  }
}
