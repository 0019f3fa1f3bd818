import { describe, expect, it } from 'vitest';
import { vancouver } from '../../../src/core/model/references.js';
import { translator } from '../../../src/text/translator.js';
import { caseText, modelOf } from '../../helpers/cases.js';

const withProse = caseText((c) => {
  c.abstract = 'An abstract without citations.';
  c.discussion = { text: ['Cites [@b] first, then [@a].', 'Then all [@a; @b; @c].'], references: ['A plain reference.'] };
  c.learning_points = ['One point [@c].'];
  c.references = [
    {
      id: 'a',
      authors: ['Smith J', 'Jones K'],
      title: 'A study',
      journal: 'J Things',
      year: 2020,
      volume: 3,
      issue: 2,
      pages: '10-20',
      doi: '10.1/x',
    },
    { id: 'b', text: 'B, as written.' },
    { id: 'c', title: 'Third' },
    { id: 'd', title: 'Never cited' },
  ];
});

describe('references', () => {
  const model = modelOf(withProse);

  it('are numbered in order of first citation, uncited ones next, plain-text ones of discussion.references last', () => {
    expect(model.references.map((r) => [r.number, r.id, r.cited])).toEqual([
      [1, 'b', true],
      [2, 'a', true],
      [3, 'c', true],
      [4, 'd', false],
      [5, '', false],
    ]);
    expect(model.references[4]?.text).toBe('A plain reference.');
  });

  it('give every citation its numbers', () => {
    const cites = model.author.discussion.flatMap((b) => b.runs).filter((r) => r.kind === 'cite');
    expect(cites.map((r) => r.text)).toEqual(['1', '2', '1\u20133']);
    expect(model.author.learning_points[0]?.find((r) => r.kind === 'cite')?.numbers).toEqual([3]);
  });

  it('are printed in Vancouver style, with at most six authors', () => {
    expect(model.references[1]?.text).toBe('Smith J, Jones K. A study. J Things. 2020;3(2):10-20. doi:10.1/x');
    const many = vancouver({ id: 'm', authors: ['A', 'B', 'C', 'D', 'E', 'F', 'G'], title: 'Why?', year: '2021' }, translator());
    expect(many).toBe('A, B, C, D, E, F, et al. Why? 2021.');
  });
});
