import { describe, expect, it } from 'vitest';
import { countReportWords } from '../../src/render/word-count.js';
import { exampleModel, render } from './render-case.js';

describe('word counts of a care report', () => {
  it('counts the abstract apart from the body, and leaves out headings, tables, figures, declarations and references', () => {
    const md = [
      '# Title',
      '## Keywords',
      'one two',
      '## Abstract',
      'We report a case \\*here\\*.',
      '## Introduction',
      'Three body words.',
      '| a | b |',
      '![chart](x.svg)',
      '*Figure 1.* Caption words not counted.',
      '### Sub',
      'Two more.',
      '## Declarations',
      'not counted',
      '## References',
      '1. Smith J. Not counted.',
      '---',
    ].join('\n');
    expect(countReportWords(md)).toEqual({ abstract: 5, body: 5 });
  });

  it('counts an example: the generated abstract stays under 250 words', () => {
    const words = countReportWords(render('care', 'md', exampleModel('sci-assessments')));
    expect(words.abstract).toBeGreaterThan(50);
    expect(words.abstract).toBeLessThanOrEqual(250);
    expect(words.body).toBeGreaterThan(words.abstract);
  });
});
