import { describe, expect, it } from 'vitest';
import { validateCaseText } from '../../src/core/validate/validate-case.js';
import { caseText } from '../helpers/cases.js';
import { PROSE_CASE } from '../helpers/prose-case.js';
import { htmlStructure, htmlTextContent, markdownToHtml } from '../helpers/markdown.js';
import { markdownSection, modelFromText, render } from './render-case.js';

describe("the author's prose in care", () => {
  const model = modelFromText(PROSE_CASE);

  it('renders in Markdown: own abstract, [@b] as [1] and [@a] as [2], learning points, references in citation order', () => {
    const md = render('care', 'md', model);
    expect(markdownSection(md, 'Abstract').trim()).toBe('A *short* abstract of the **case**.');
    const discussion = markdownSection(md, 'Discussion');
    expect(discussion).toContain('This was seen before \\[1\\], and explained \\[2\\].');
    expect(discussion).toContain('Both agree \\[1, 2\\].');
    expect(discussion).toContain('### Learning points\n\n- Label who observed each change.\n- Cite the instrument \\[2\\].');
    expect(markdownSection(md, 'References').split('\n---')[0]?.trim().split('\n')).toEqual([
      '1. Second reference, as written.',
      '2. Smith J. First reference. J Test. 2020.',
    ]);
    // Read back as a Markdown reader would: emphasis and a list, the raw HTML as text, citations not links.
    const html = markdownToHtml(md);
    expect(htmlStructure(html)).not.toContain('<b>');
    expect(html).toContain('<em>short</em>');
    expect(html).toContain('<li>second &lt;b&gt;finding&lt;/b&gt;</li>');
    expect(htmlTextContent(html)).toContain('This was seen before [1], and explained [2].');
  });

  it('renders in HTML with the same numbers, markup for emphasis and lists, and raw HTML escaped', () => {
    const html = render('care', 'html', model);
    expect(html).toContain('<p>A <em>short</em> abstract of the <strong>case</strong>.</p>');
    expect(html).toContain('This was seen before <span class="citation">[1]</span>, and explained <span class="citation">[2]</span>.');
    expect(html).toContain('<li>second &lt;b&gt;finding&lt;/b&gt;</li>');
    expect(html).toMatch(
      /<li id="ref-1">Second reference, as written\.<\/li>\s*<li id="ref-2">Smith J\. First reference\. J Test\. 2020\.<\/li>/,
    );
  });

  it('keeps the generated abstract where the author gives none', () => {
    const md = render('care', 'md', modelFromText(caseText()));
    expect(markdownSection(md, 'Abstract')).toContain('We report');
  });
});

describe('citations in validation', () => {
  it('refuses [@missing] at its own line and column, and warns of a reference never cited', () => {
    const text = caseText((c) => {
      c.learning_points = ['See [@missing].'];
      c.references = [{ id: 'a', title: 'Never cited' }];
    });
    const result = validateCaseText(text);
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.issues;
    const unknown = issues.find((i) => i.code === 'unknown-reference');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('See [@missing]')) + 1;
    // At the citation itself, not at the start of the paragraph.
    const column = (lines[line - 1] ?? '').indexOf('@missing') + 1;
    expect(unknown).toMatchObject({ severity: 'error', line, column, path: ['learning_points', 0] });
    expect(unknown).not.toHaveProperty('needle');
    expect(unknown?.message).toContain('[@missing]');
    expect(issues.find((i) => i.code === 'uncited-reference')).toMatchObject({ severity: 'warning', path: ['references', 0, 'id'] });
  });

  it('points at a citation inside a folded paragraph, on the line where it stands', () => {
    const text = `${caseText()}discussion:\n  text: >-\n    A first line of the discussion,\n    then a second one citing [@b; @nowhere].\n`;
    const result = validateCaseText(text);
    const unknown = result.ok ? undefined : result.issues.find((i) => i.message.includes('@nowhere'));
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('@nowhere')) + 1;
    expect(unknown).toMatchObject({ line, column: (lines[line - 1] ?? '').indexOf('@nowhere') + 1 });
  });

  it('refuses duplicate reference ids and a reference with nothing to print', () => {
    const text = caseText((c) => {
      c.discussion = { text: 'Cites [@a].' };
      c.references = [
        { id: 'a', title: 'One' },
        { id: 'a', year: 2020 },
      ];
    });
    const result = validateCaseText(text);
    const codes = result.ok ? [] : result.issues.map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['duplicate-id', 'missing-field']));
  });
});
