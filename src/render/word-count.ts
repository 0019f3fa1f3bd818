import { translator, type Translator } from '../text/translator.js';

/** Words of a report as journals count them: the abstract, and the body apart from it. */
export interface WordCount {
  abstract: number;
  body: number;
}

/**
 * Counts the words of a Markdown report of the `care` template: the abstract section, and the body
 * from the section after the abstract to the end, leaving out what journals leave out of a word
 * count (headings, tables, figures and their captions, the declarations, the source of information,
 * the references and the closing line).
 */
export function countReportWords(markdown: string, tr: Translator = translator()): WordCount {
  const skipped = new Set(
    ['care.report.keywords', 'care.report.declarations', 'care.report.source_of_information', 'care.report.references'].map((key) =>
      tr.t(key),
    ),
  );
  const abstractHeading = tr.t('care.report.abstract');
  const figureLabel = tr.t('common.figures.label', { number: 0 }).split('0')[0] ?? '';
  const count = { abstract: 0, body: 0 };
  let section: 'before' | 'abstract' | 'body' | 'skip' = 'before';
  for (const line of markdown.split('\n')) {
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (heading) {
      if (heading[1] === '##') {
        const name = heading[2] ?? '';
        section = name === abstractHeading ? 'abstract' : skipped.has(name) ? 'skip' : section === 'before' ? 'before' : 'body';
      }
      continue;
    }
    if (section === 'before' || section === 'skip') continue;
    // Tables, figures and their captions, and the closing line are not counted.
    if (/^\s*\||^!\[|^---$/.test(line) || (figureLabel !== '' && line.startsWith(`*${figureLabel}`))) continue;
    const words = line.replace(/\\(.)/g, '$1').match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)?.length ?? 0;
    count[section] += words;
  }
  return count;
}
