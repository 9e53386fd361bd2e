/**
 * The JUnit XML that CI systems read (Jenkins, GitLab, GitHub test reporters): <testsuites> of
 * <testsuite> of <testcase>, with <failure>, <error> and <skipped>. Text is escaped and stripped
 * of characters XML 1.0 forbids, so a server's odd output can never make the report unreadable.
 */
export interface JUnitCase {
  name: string;
  classname: string;
  timeSec: number;
  failure?: { message: string; type: string; body: string };
  error?: { message: string; body: string };
  skipped?: string;
}

export interface JUnitSuite {
  name: string;
  file?: string;
  timeSec: number;
  timestamp?: string;
  cases: JUnitCase[];
}

// eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlEscape(s: string): string {
  return s
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const attr = (name: string, value: string | number) => ` ${name}="${xmlEscape(String(value))}"`;
const secs = (n: number) => (Math.round(n * 1000) / 1000).toFixed(3);

export function junitXml(name: string, suites: JUnitSuite[]): string {
  const count = (f: (c: JUnitCase) => boolean, s?: JUnitSuite) => (s ? s.cases : suites.flatMap((x) => x.cases)).filter(f).length;
  const total = suites.reduce((n, s) => n + s.cases.length, 0);
  const time = suites.reduce((n, s) => n + s.timeSec, 0);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(
    `<testsuites${attr('name', name)}${attr('tests', total)}${attr(
      'failures',
      count((c) => !!c.failure),
    )}${attr(
      'errors',
      count((c) => !!c.error),
    )}${attr(
      'skipped',
      count((c) => c.skipped !== undefined),
    )}${attr('time', secs(time))}>`,
  );
  for (const s of suites) {
    lines.push(
      `  <testsuite${attr('name', s.name)}${attr('tests', s.cases.length)}${attr(
        'failures',
        count((c) => !!c.failure, s),
      )}${attr(
        'errors',
        count((c) => !!c.error, s),
      )}${attr(
        'skipped',
        count((c) => c.skipped !== undefined, s),
      )}${attr('time', secs(s.timeSec))}${s.timestamp ? attr('timestamp', s.timestamp) : ''}${s.file ? attr('file', s.file) : ''}>`,
    );
    for (const c of s.cases) {
      const open = `    <testcase${attr('name', c.name)}${attr('classname', c.classname)}${attr('time', secs(c.timeSec))}`;
      if (!c.failure && !c.error && c.skipped === undefined) {
        lines.push(`${open}/>`);
        continue;
      }
      lines.push(`${open}>`);
      if (c.failure)
        lines.push(
          `      <failure${attr('message', c.failure.message)}${attr('type', c.failure.type)}>${xmlEscape(c.failure.body)}</failure>`,
        );
      if (c.error) lines.push(`      <error${attr('message', c.error.message)}>${xmlEscape(c.error.body)}</error>`);
      if (c.skipped !== undefined) lines.push(`      <skipped${attr('message', c.skipped)}/>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
