import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { junitXml } from '../../../../../src-main/shells/cli/reporters/junit-xml';

describe('JUnit XML', () => {
  it('is well-formed and parses back with counts, failures, errors and skips, whatever a server wrote', () => {
    const xml = junitXml('mcp-lab test', [
      {
        name: 'Greeting <suite> & "co"',
        file: 'greet.test.json',
        timeSec: 0.05,
        cases: [
          { name: 'ok', classname: 'greet.test.json', timeSec: 0.01 },
          {
            name: 'fails',
            classname: 'greet.test.json',
            timeSec: 0.02,
            failure: { message: 'expected <b> & "c"', type: 'status', body: 'text with \u0000 NUL and \u001b[31m escapes ]]>' },
          },
          { name: 'skipped', classname: 'greet.test.json', timeSec: 0, skipped: 'skip: true' },
        ],
      },
      {
        name: 'bad.test.json',
        timeSec: 0,
        cases: [
          { name: '(suite file)', classname: 'bad.test.json', timeSec: 0, error: { message: 'line 3: syntax error', body: 'line 3' } },
        ],
      },
    ]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    expect(doc.testsuites).toMatchObject({ tests: '4', failures: '1', errors: '1', skipped: '1' });
    const [greet, bad] = doc.testsuites.testsuite;
    expect(greet.name).toBe('Greeting <suite> & "co"');
    expect(greet.testcase[1].failure.message).toBe('expected <b> & "c"');
    expect(greet.testcase[2].skipped.message).toBe('skip: true');
    expect(bad.testcase.error.message).toBe('line 3: syntax error');
  });
});
