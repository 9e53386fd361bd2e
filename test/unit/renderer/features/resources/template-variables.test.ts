import { describe, expect, it } from 'vitest';
import { missingVariables, templateVariables } from '../../../../../src-renderer/features/resources/template-variables';

describe('templateVariables', () => {
  it('reads simple, FastMCP wildcard and query variables, in order', () => {
    expect(templateVariables('notes://{id}')).toEqual([{ name: 'id', operator: '', explode: false, query: false }]);
    expect(templateVariables('files://{path*}')).toEqual([{ name: 'path', operator: '', explode: true, query: false }]);
    expect(templateVariables('search://notes{?q,limit}')).toEqual([
      { name: 'q', operator: '?', explode: false, query: true },
      { name: 'limit', operator: '?', explode: false, query: true },
    ]);
    expect(
      templateVariables('repo://{owner}/{repo}/tree{/path*}{?ref}{&depth}').map((v) => [v.name, v.operator, v.explode, v.query]),
    ).toEqual([
      ['owner', '', false, false],
      ['repo', '', false, false],
      ['path', '/', true, false],
      ['ref', '?', false, true],
      ['depth', '&', false, true],
    ]);
  });

  it('drops prefix modifiers and duplicates, ignores empty and unclosed expressions', () => {
    expect(templateVariables('x://{name:3}/{name}{+rest}').map((v) => v.name)).toEqual(['name', 'rest']);
    expect(templateVariables('x://{}/{ }/{a')).toEqual([]);
    expect(templateVariables('plain://no-variables')).toEqual([]);
  });

  it('path variables must be filled, query variables may stay empty', () => {
    const vars = templateVariables('search://{index}{?q,limit}');
    expect(missingVariables(vars, {})).toEqual(['index']);
    expect(missingVariables(vars, { index: '  ' })).toEqual(['index']);
    expect(missingVariables(vars, { index: 'notes' })).toEqual([]);
  });
});
