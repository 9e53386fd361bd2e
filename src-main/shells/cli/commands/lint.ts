import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEPRECATED_FEATURES } from '../../../../src-shared/api/schemas/deprecation';
import type { LintReport, LintRuleInfo, LintSeverity } from '../../../../src-shared/api/schemas/lint';
import { startAdhocServer, type AdhocOptions } from '../adhoc-server';
import { CliError, EXIT } from '../exit-codes';
import { junitXml } from '../reporters/junit-xml';
import { closingLine } from '../reporters/test-report';
import type { CommandIo } from './request-command';
import type { Reporter } from './test';

export interface LintOptions extends AdhocOptions {
  reporter: Reporter;
  probes: boolean;
  failOn: LintSeverity;
  output: string | undefined;
  /** Where `.mcp-lab/lint.json` (rules switched off) is read from; default the current folder. */
  config: string | undefined;
  /** The report in the envelope every verb's --json shares (`--reporter json` prints it bare). */
  json?: boolean;
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * `mcp-lab lint -- <command>`: the best-practice linter. Exit 0 when nothing at or above
 * `--fail-on` was found, 1 otherwise. Reporters as `mcp-lab test`: each rule is a test case.
 */
export async function lintCommand(o: LintOptions, io: CommandIo): Promise<number> {
  if (!['error', 'warning', 'info'].includes(o.failOn))
    throw new CliError(`--fail-on must be error, warning or info (got "${o.failOn}")`, EXIT.usage);
  // The rules switched off are read from --config, else the workspace, else where mcp-lab runs.
  const s = await startAdhocServer({ ...o, lintConfigDir: path.resolve(o.config ?? o.workspace ?? process.cwd()) }, io.signal);
  try {
    let report: LintReport;
    try {
      report = await s.api.call('lint.run', { serverId: s.serverId, probes: o.probes });
    } catch (e) {
      throw new CliError((e as Error).message, EXIT.usage);
    }
    const rules = (await s.api.call('lint.rules', {})).filter((r) => r.enabled);
    const failedRules = new Set(report.findings.map((f) => f.ruleId));
    const text =
      o.reporter === 'json' ? JSON.stringify(report, null, 2) + '\n' : o.reporter === 'junit' ? lintJunit(report, rules) : listText(report);
    if (o.output) await writeFile(o.output, text);
    else if (!o.json) io.out.write(text);
    const line = closingLine(rules.length - failedRules.size, failedRules.size);
    ((o.reporter !== 'list' || o.json) && !o.output ? io.err : io.out).write(`\n${line}\n`);
    const failing = report.findings.filter((f) => RANK[f.severity] <= RANK[o.failOn]);
    const code = failing.length ? EXIT.toolError : EXIT.ok;
    if (o.json) io.report.set(code, report, failing.length ? `${failing.length} finding(s) at or above ${o.failOn}` : undefined);
    return code;
  } finally {
    await s.dispose();
  }
}

function where(f: LintReport['findings'][number]): string {
  if (f.location) return `${f.location.file}:${f.location.line}${f.location.column ? `:${f.location.column}` : ''}`;
  if (f.target) return `${f.target.kind} ${f.target.name}${f.target.param ? `.${f.target.param}` : ''}`;
  return 'server';
}

function listText(r: LintReport): string {
  const lines: string[] = [];
  for (const src of r.sources) {
    const what = [src.language, src.analyzed ? undefined : `not analyzed: ${src.note}`].filter(Boolean).join(', ');
    lines.push(`source: ${src.file} (${what})`);
  }
  if (!r.findings.length) lines.push('', 'no findings');
  for (const f of r.findings) {
    lines.push('', `${f.severity.padEnd(7)} ${f.ruleId}  ${where(f)}`, `        ${f.message}`);
    if (f.location?.snippet)
      f.location.snippet.forEach((l, i) =>
        lines.push(
          `        ${String(f.location!.snippetStart! + i).padStart(4)}${f.location!.snippetStart! + i === f.location!.line ? ' >' : '  '} ${l}`,
        ),
      );
    lines.push(`        why: ${f.rationale}`);
  }
  if (r.deprecations.length) lines.push('', 'deprecated features in use (2026-07-28 revision; they still work, plan the move):');
  for (const d of r.deprecations) {
    const f = DEPRECATED_FEATURES[d.feature];
    lines.push(
      '',
      `  ${f.name}: deprecated since ${f.deprecatedIn}, may be removed in ${f.earliestRemoval}`,
      `        instead: ${f.replacement}`,
    );
    for (const e of d.evidence) lines.push(`        seen: ${e}`);
    for (const l of d.locations) lines.push(`        at ${l.file}:${l.line}${l.column ? `:${l.column}` : ''}`);
  }
  lines.push(
    '',
    `${r.counts.error} error(s), ${r.counts.warning} warning(s), ${r.counts.info} info${r.disabledRules.length ? `; rules off in this workspace: ${r.disabledRules.join(', ')}` : ''}`,
  );
  return lines.join('\n') + '\n';
}

function lintJunit(r: LintReport, rules: LintRuleInfo[]): string {
  return junitXml('mcp-lab lint', [
    {
      name: `lint ${r.serverId}`,
      timeSec: r.durationMs / 1000,
      timestamp: new Date(r.ranAt).toISOString().replace(/\.\d+Z$/, ''),
      cases: rules.map((rule) => {
        const found = r.findings.filter((f) => f.ruleId === rule.id);
        return {
          name: `${rule.id}: ${rule.title}`,
          classname: `lint.${rule.category}`,
          timeSec: 0,
          ...(found.length
            ? {
                failure: {
                  message: found.map((f) => f.message).join('; '),
                  type: rule.severity,
                  body: [...found.map((f) => `${where(f)}: ${f.message}`), '', `why: ${rule.rationale}`].join('\n'),
                },
              }
            : {}),
        };
      }),
    },
  ]);
}
