import { useState } from 'react';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import { DEBUGPY_VERSION } from '../../../src-shared/api/schemas/debug';
import { useActions } from '../../app-context';

/**
 * The server's Python lacks debugpy: install it into that environment, but only once the person
 * agreed (it changes their environment), then start under the debugger again.
 */
export function InstallDebugpy({ serverId, python }: { serverId: ServerId; python: string }) {
  const { debugServer, installDebugpy } = useActions();
  const [step, setStep] = useState<'offer' | 'confirm' | 'installing' | 'failed'>('offer');
  const [output, setOutput] = useState('');
  const install = async () => {
    setStep('installing');
    try {
      const r = await installDebugpy(serverId);
      if (r.installed) return void (await debugServer(serverId));
      setOutput(r.output ?? 'the install did not succeed');
    } catch (e) {
      setOutput(e instanceof Error ? e.message : String(e));
    }
    setStep('failed');
  };
  if (step === 'offer') {
    return (
      <button type="button" className="button" onClick={() => setStep('confirm')}>
        Install debugpy…
      </button>
    );
  }
  return (
    <div className="install-debugpy" role="group" aria-label="Install debugpy">
      {step === 'confirm' ? (
        <>
          <p>
            MCP Lab will run <code>{`${python} -m pip install debugpy==${DEBUGPY_VERSION}`}</code> (from PyPI) in this server&apos;s
            environment, then start it under the debugger.
          </p>
          <button type="button" className="button primary" onClick={() => void install()}>
            Install and debug
          </button>{' '}
          <button type="button" className="button" onClick={() => setStep('offer')}>
            Cancel
          </button>
        </>
      ) : step === 'installing' ? (
        <p role="status">Installing debugpy…</p>
      ) : (
        <>
          <p role="alert">debugpy was not installed:</p>
          <pre className="stderr-tail">{output}</pre>
        </>
      )}
    </div>
  );
}
