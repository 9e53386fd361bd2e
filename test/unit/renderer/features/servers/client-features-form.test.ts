import { describe, expect, it } from 'vitest';
import {
  initialClientFeaturesForm,
  needsRestart,
  validateClientFeaturesForm,
} from '../../../../../src-renderer/features/servers/client-features-form';

let n = 0;
const next = () => ++n;

describe('client features form', () => {
  it('leaves the config without the field when everything is at its default', () => {
    const f = initialClientFeaturesForm(undefined, next);
    expect(f).toMatchObject({ samplingEnabled: true, elicitationEnabled: true, rootsEnabled: true, customRoots: false });
    expect(validateClientFeaturesForm(f)).toEqual({ ok: true, value: undefined });
  });

  it('round-trips rules and folders (paths become file:// URIs and back)', () => {
    const f = initialClientFeaturesForm(
      {
        sampling: { rules: [{ match: 'x', text: 'y' }] },
        elicitation: { enabled: false, rules: [{ action: 'accept', content: { a: 1 } }] },
        roots: { folders: [{ uri: 'file:///home/me/my%20project', name: 'p' }] },
      },
      next,
    );
    expect(f.roots[0]).toMatchObject({ location: '/home/me/my project', name: 'p' });
    expect(f.elicitationRules[0]!.contentText).toBe('{"a":1}');
    const v = validateClientFeaturesForm({ ...f, roots: [...f.roots, { rowId: next(), location: 'C:\\work', name: '' }] });
    expect(v).toEqual({
      ok: true,
      value: {
        sampling: { enabled: true, rules: [{ match: 'x', regex: false, text: 'y', model: 'mcp-lab', stopReason: 'endTurn' }] },
        elicitation: { enabled: false, rules: [{ match: '', regex: false, action: 'accept', content: { a: 1 } }] },
        roots: { enabled: true, folders: [{ uri: 'file:///home/me/my%20project', name: 'p' }, { uri: 'file:///C:/work' }] },
      },
    });
  });

  it('points at the rows to fix: a bad regex, values that are not a JSON object, a relative folder', () => {
    const f = initialClientFeaturesForm(undefined, next);
    const bad = validateClientFeaturesForm({
      ...f,
      samplingRules: [{ rowId: 101, match: '(', regex: true, text: '', model: '', stopReason: '' }],
      elicitationRules: [{ rowId: 102, match: '', regex: false, action: 'accept', contentText: '[1]' }],
      customRoots: true,
      roots: [{ rowId: 103, location: 'src', name: '' }],
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors[101]).toMatch(/^Not a valid regular expression/);
    expect(bad.errors[102]).toBe('The values to accept with are a JSON object, e.g. {"name": "Ada"}.');
    expect(bad.errors[103]).toBe('Use an absolute path (e.g. /home/me/project) or a file:// URI.');
  });

  it('says a restart is needed only when a running server declared something else', () => {
    expect(needsRestart(undefined, ['sampling'])).toBe(false);
    expect(needsRestart(['sampling', 'elicitation', 'roots'], undefined)).toBe(false);
    expect(needsRestart(['sampling', 'elicitation', 'roots'], { sampling: { enabled: false } })).toBe(true);
  });
});
