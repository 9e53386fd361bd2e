import { spawn } from 'node:child_process';
// @ts-expect-error -- a plain .mjs module shared with build/scripts/conformance.mjs (no types)
import { SUITE_BIN, ensureSuiteInstalled, node22 } from '../conformance/suite.mjs';

export interface ScenarioServers {
  /** The MCP server's URL, as the suite gives it to a client. */
  url: string;
  /** Stop the scenario's servers (the suite prints its checks as it goes). */
  stop(): Promise<void>;
}

/**
 * The official conformance suite's own servers for one client scenario, in its interactive mode
 * (`conformance client --scenario NAME` without a command): what a server author's broken or
 * unusual OAuth setup looks like, served by the people who wrote the specification's tests.
 */
export async function startScenarioServers(scenario: string): Promise<ScenarioServers> {
  (ensureSuiteInstalled as (log: (s: string) => void) => void)(() => {});
  const child = spawn((node22 as () => string)(), [SUITE_BIN as string, 'client', '--scenario', scenario], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the suite did not start scenario ${scenario}: ${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /Server URL: (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the suite exited (${code}) before serving ${scenario}: ${out}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGINT');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}
