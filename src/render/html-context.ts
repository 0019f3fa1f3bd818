/** Where template text has left the HTML parser: in text, in a tag, or in an element read as plain text. */
interface ParserState {
  inTag: boolean;
  /** The quote that opened the attribute value we are in, if any. */
  quote: string | null;
  /** The name of the tag being read, while it is read. */
  tagName: string | null;
  /** title, textarea, style or script: elements whose content is not markup. */
  plainElement: string | null;
}

const PLAIN_ELEMENTS = new Set(['title', 'textarea', 'style', 'script']);
const TEXT: ParserState = { inTag: false, quote: null, tagName: null, plainElement: null };

interface Node {
  type: string;
  [key: string]: unknown;
}

/**
 * The `{{value}}`s of an HTML template that stand where a tag would not be read as one: in a tag
 * (an attribute value) or in a title, textarea, style or script element. Found by following the
 * template's own text in document order, each block starting where it stands; a partial is taken
 * to start in text. Returned as `line:column` of each, as Handlebars' code generator sees them.
 */
export function plainTextLocations(tree: unknown): Set<string> {
  const found = new Set<string>();
  walk(tree as Node, TEXT, found);
  return found;
}

function walk(node: Node, state: ParserState, found: Set<string>): ParserState {
  switch (node.type) {
    case 'Program':
      return (node.body as Node[]).reduce((s, statement) => walk(statement, s, found), state);
    case 'ContentStatement':
      return scan(String(node.original ?? node.value), state);
    case 'MustacheStatement':
      if (state.inTag || state.plainElement !== null) found.add(locationKey(node.loc));
      return state;
    case 'BlockStatement':
    case 'PartialBlockStatement':
    case 'DecoratorBlock': {
      if (node.inverse) walk(node.inverse as Node, state, found);
      return node.program ? walk(node.program as Node, state, found) : state;
    }
    default:
      return state;
  }
}

/** `line:column` of where a node starts. */
export function locationKey(loc: unknown): string {
  const start = (loc as { start?: { line: number; column: number } } | undefined)?.start;
  return start ? `${start.line}:${start.column}` : '';
}

/** The parser's state after some template text. */
function scan(text: string, from: ParserState): ParserState {
  let { inTag, quote, tagName, plainElement } = from;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (plainElement !== null) {
      // Only the element's own end tag ends it.
      if (ch === '<' && text.slice(i, i + 2 + plainElement.length).toLowerCase() === `</${plainElement}`) {
        plainElement = null;
        inTag = true;
        tagName = null;
      }
    } else if (inTag) {
      if (quote !== null) {
        if (ch === quote) quote = null;
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '>') {
        inTag = false;
        if (tagName !== null && PLAIN_ELEMENTS.has(tagName)) plainElement = tagName;
        tagName = null;
      }
    } else if (ch === '<' && /[A-Za-z/!?]/.test(text[i + 1] ?? '')) {
      // A start tag (its name is read now), an end tag, a comment or a doctype.
      const name = /^[A-Za-z][\w-]*/.exec(text.slice(i + 1))?.[0];
      inTag = true;
      tagName = name?.toLowerCase() ?? null;
      i += name?.length ?? 0;
    }
  }
  return { inTag, quote, tagName, plainElement };
}
