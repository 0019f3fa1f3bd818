import { caseText } from './cases.js';

/** A case with the author's abstract, discussion citing [@b] then [@a], and learning points. */
export const PROSE_CASE = caseText((c) => {
  c.abstract = 'A *short* abstract of the **case**.';
  c.case_presentation = 'A man presented after a fall.\n\n- first finding\n- second <b>finding</b>';
  c.discussion = { text: ['This was seen before [@b], and explained [@a].', 'Both agree [@a; @b].'] };
  c.learning_points = ['Label who observed each change.', 'Cite the instrument [@a].'];
  c.references = [
    { id: 'a', authors: ['Smith J'], title: 'First reference', journal: 'J Test', year: 2020 },
    { id: 'b', text: 'Second reference, as written.' },
  ];
});
