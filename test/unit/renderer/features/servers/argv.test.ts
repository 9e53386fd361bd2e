import { describe, expect, it } from 'vitest';
import {
  commandLine,
  formatArgsInput,
  parseArgsInput,
  quoteArg,
  splitCommandLine,
} from '../../../../../src-renderer/features/servers/argv';
import { initialFormState, validateServerForm } from '../../../../../src-renderer/features/servers/server-form-model';

describe('splitCommandLine', () => {
  it('splits like a shell without running one', () => {
    expect(splitCommandLine(`run server.py --name "Ada L" --x 'a b' c\\ d ""`)).toEqual({
      ok: true,
      argv: ['run', 'server.py', '--name', 'Ada L', '--x', 'a b', 'c d', ''],
    });
    expect(splitCommandLine('"unclosed')).toEqual({ ok: false, error: 'unclosed double quote' });
    expect(splitCommandLine('  ')).toEqual({ ok: true, argv: [] });
  });

  it('round-trips through quoteArg', () => {
    const args = ['plain', 'with space', "it's", '', '$HOME', 'a"b', 'back\\slash'];
    expect(splitCommandLine(args.map(quoteArg).join(' '))).toEqual({ ok: true, argv: args });
    expect(commandLine('node', ['a b'])).toBe("node 'a b'");
  });

  it('one-per-line mode takes lines literally', () => {
    expect(parseArgsInput('lines', "a b\n'c'\n\nd")).toEqual({ ok: true, argv: ['a b', "'c'", 'd'] });
    expect(formatArgsInput('line', ['a b', 'c'])).toBe("'a b' c");
  });
});

describe('server form', () => {
  let id = 0;
  const next = () => ++id;

  it('sends an unchanged secret without its value, and a new value when typed', () => {
    const f = initialFormState(
      {
        id: 's',
        name: 'S',
        transport: 'stdio',
        command: 'uv',
        args: ['run', 'a b.py'],
        env: [
          { key: 'TOKEN', secret: true },
          { key: 'MODE', value: 'dev', secret: false },
        ],
      },
      next,
    );
    expect(f.argsText).toBe("run 'a b.py'");
    const r = validateServerForm(f);
    expect(r.ok && r.value.env).toEqual([
      { key: 'TOKEN', secret: true },
      { key: 'MODE', value: 'dev', secret: false },
    ]);
    const typed = { ...f, env: f.env.map((e) => (e.key === 'TOKEN' ? { ...e, value: 'new' } : e)) };
    const r2 = validateServerForm(typed);
    expect(r2.ok && r2.value.env[0]).toEqual({ key: 'TOKEN', value: 'new', secret: true });
  });

  it('validates inline: name, command, quotes, env names, renamed secrets', () => {
    const f = {
      name: '',
      command: ' ',
      argsMode: 'line' as const,
      argsText: '"x',
      cwd: '',
      env: [
        { rowId: 1, key: 'A=B', value: '1', secret: false },
        { rowId: 2, key: 'T2', value: '', secret: true, storedSecretKey: 'T' },
      ],
    };
    const r = validateServerForm(f);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.name).toBeTruthy();
    expect(r.errors.command).toBeTruthy();
    expect(r.errors.args).toMatch(/unclosed/);
    expect(r.errors.env[1]).toMatch(/cannot contain "="/);
    expect(r.errors.env[2]).toMatch(/Enter the value again/);
  });
});
