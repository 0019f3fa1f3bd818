import { afterAll, describe, expect, it } from 'vitest';
import { loadTemplate } from '../../src/io/load-template.js';
import { makeTemplate, removeTemplates, templateErrorOf } from './template-folder.js';

afterAll(removeTemplates);

describe('partial names', () => {
  it('refuses two partials whose names differ only by case', () => {
    const dir = makeTemplate({ 'partials/his.hbs': 'his', 'partials/His.hbs': 'His' });
    const error = templateErrorOf(() => loadTemplate(dir));
    expect(error.message).toContain('`His` and `his` differ only by case');
    expect(error.describe()).toMatch(/^partials `His` and `his` differ only by case .*\(partials\/his\.hbs\)/);
  });
});
