import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/harness';
import { templateWheelhouseEnv } from '../../helpers/template-wheelhouse';
import { finishedJob } from './project-helpers';

// A real venv and pip: first without any package source, then with local wheels of the template's
// requirements (test/helpers/template-wheelhouse.ts). Its own file, so its installs run beside the others.
let h: Harness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

describe('FastMCP template', () => {
  it('shows the installer\'s stderr when a package cannot be installed, and "Set up again" then works', async () => {
    h = await startHarness({ processEnv: { ...process.env, PIP_NO_INDEX: '1', PIP_FIND_LINKS: '/nonexistent-wheels' } });
    const created = await h.api.call('projects.create', { template: 'fastmcp', dir: 'offline' });
    const job = await h.engine.projects.wait(created.job!.jobId);
    expect(job.state).toBe('failed');
    const install = job.steps.find((s) => s.id === 'install')!;
    expect(install.state).toBe('failed');
    expect(install.output.join('\n')).toMatch(/No matching distribution found for fastmcp/);
    expect(install.detail).toMatch(/pip could not install the requirements.*Set up again/s);
    const workspaceDir = h.workspaceDir;
    await h.engine.shutdown();

    // The same project, set up again with packages to install: local wheels of its requirements (installing
    // from the index is templates-fastmcp.test.ts's part).
    const again = await startHarness({ workspaceDir, processEnv: { ...process.env, ...(await templateWheelhouseEnv()) } });
    const prev = h;
    h = again;
    void prev;
    const retry = await again.api.call('projects.setup', { template: 'fastmcp', dir: 'offline', runTests: false });
    const done = await finishedJob(again, retry.jobId);
    expect(done.steps.map((s) => s.state)).toEqual(['succeeded', 'succeeded']);
  }, 180_000);
});
