import { Composer, Lexer, LineCounter, Parser, YAMLParseError, type CST, type Document } from 'yaml';

/**
 * How deep collections may nest. A case file needs about ten levels; `yaml` builds its syntax tree
 * in time that grows with the square of the depth and composes it recursively (a 400 KB line of
 * `- - - …` ran out of memory and killed the process), so depth is refused while reading.
 */
export const MAX_NESTING = 64;

/** Options for every case file: YAML 1.2, core schema, one set of semantics. */
const OPTIONS = {
  prettyErrors: false,
  // Duplicate keys are found by the data walk, in linear time: `yaml`'s own check compares each key
  // with every key before it (50,000 keys took minutes).
  uniqueKeys: false,
  // `!!binary`, `!!timestamp`, `!!set` … would turn into values no schema expects; like any tag the
  // core schema lacks, they are read as the text written (with a warning the validator ignores).
  resolveKnownTags: false,
} as const;

/** A YAML document with the line of each offset, or the offset where nesting went too deep. */
export type ReadDocument = { doc: Document.Parsed; counter: LineCounter } | { tooDeepAt: number; counter: LineCounter };

/**
 * Reads text as one YAML document, as `parseDocument` does (lexer, parser, composer), but feeds the
 * parser one token at a time so that nesting beyond {@link MAX_NESTING} stops it before the cost grows.
 */
export function readYamlDocument(text: string): ReadDocument {
  const counter = new LineCounter();
  const parser = new Parser(counter.addNewLine);
  counter.addNewLine(0); // as Parser.parse does at the start of input
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    // The parser's stack holds the document and each collection open at this point.
    if (parser.stack.length > MAX_NESTING + 1) return { tooDeepAt: parser.offset, counter };
  }
  for (const token of parser.end()) tokens.push(token);
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(OPTIONS).compose(tokens, true, text.length)) {
    if (!doc) {
      doc = next;
    } else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  // compose(…, forceDoc = true) yields a document even for empty input.
  return { doc: doc as Document.Parsed, counter };
}
