/** `mcp-lab tools` names each parameter's type, following references (pydantic models, z.lazy types). */
import { describe, expect, it } from 'vitest';
import { fixtureScript } from '../../helpers/fixtures';
import { cliWithOwnHome } from '../../helpers/run-cli';

const cli = cliWithOwnHome();

describe('mcp-lab tools', () => {
  it('names a parameter that refers to a (recursive) model by its type, not "any"', async () => {
    const r = await cli.run(['tools', '--', process.execPath, fixtureScript('recursive-server.ts')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('tree_sum(root: object)');
    expect(r.stdout).toContain('join_list(head: object, separator?: string)');
  });
});
