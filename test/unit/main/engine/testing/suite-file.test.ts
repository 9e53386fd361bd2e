import { describe, expect, it } from 'vitest';
import { parseSuiteFile } from '../../../../../src-main/engine/testing/suite-file';

describe('parseSuiteFile', () => {
  it('reads JSON with comments and trailing commas, and where each case starts', () => {
    const text = `// greeting tests
{
  "server": "example", /* the workspace server */
  "cases": [
    { "name": "a", "tool": "greet", "arguments": { "name": "Ada" }, "expect": [{ "status": "ok" }] },
    { "name": "b", "resource": "notes://n1", },
  ],
}`;
    const r = parseSuiteFile('/x/greet.test.json', text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.suite.cases.map((c) => c.name)).toEqual(['a', 'b']);
    expect(r.caseLines).toEqual([5, 6]);
  });

  it('a syntax error names the line and column', () => {
    const r = parseSuiteFile('/x/bad.test.json', '{\n  "server": "example"\n  "cases": []\n}');
    expect(r).toEqual({
      ok: false,
      problems: [{ file: '/x/bad.test.json', line: 3, column: 3, message: 'syntax error: a "," is missing' }],
    });
  });

  it('an unknown assertion names its line and suggests the right one', () => {
    const text =
      '{\n  "server": "example",\n  "cases": [\n    { "name": "a", "tool": "t",\n      "expect": [ { "textContain": "x" } ] }\n  ]\n}';
    const r = parseSuiteFile('/x/s.test.json', text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ line: 5 });
    expect(r.problems[0]!.message).toContain('unknown assertion "textContain" (did you mean "textContains"?)');
  });

  it('a wrong field type is reported at the field; a case needs exactly one target', () => {
    const r = parseSuiteFile(
      '/x/s.test.json',
      '{\n  "server": "example",\n  "cases": [\n    { "name": "a", "tool": "t", "timeoutMs": "soon" }\n  ]\n}',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ line: 4, message: expect.stringContaining('cases.0.timeoutMs') });
    const two = parseSuiteFile('/x/s.test.json', '{"server": "e", "cases": [{"name": "a", "tool": "t", "prompt": "p"}]}');
    expect(two.ok).toBe(false);
    if (!two.ok) expect(two.problems[0]!.message).toContain('exactly one of "tool", "resource" or "prompt"');
  });

  it('two assertion kinds in one object are refused, with a way out', () => {
    const r = parseSuiteFile(
      '/x/s.test.json',
      '{"server": "e", "cases": [{"name": "a", "tool": "t", "expect": [{"status": "ok", "textContains": "x"}]}]}',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toContain('one assertion per object (found status and textContains)');
  });
});
