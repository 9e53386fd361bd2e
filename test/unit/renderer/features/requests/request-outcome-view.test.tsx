import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RequestFailureBody } from '../../../../../src-renderer/features/requests/request-outcome-view';
import { requestProblem } from '../../../../../src-renderer/components/request-problem';
import type { RequestFailure } from '../../../../../src-shared/api/schemas/request';

const failure = (method: string, code: number, message: string): RequestFailure =>
  ({ serverId: 's', method, startedAt: 1, durationMs: 2, requestBytes: 3, status: 'protocolError', code, message }) as RequestFailure;

describe('JSON-RPC error codes by name', () => {
  it.each([
    [-32020, 'HeaderMismatch'],
    [-32021, 'MissingRequiredClientCapability'],
    [-32022, 'UnsupportedProtocolVersion'],
  ])('%i is named %s, with what it means', (code, name) => {
    render(<RequestFailureBody outcome={failure('tools/list', code, 'refused')} />);
    expect(screen.getByText(new RegExp(`${name}: refused`))).toBeTruthy();
    expect(screen.getByText(/2026-07-28/)).toBeTruthy();
  });

  it('-32602 on resources/read is how a 2026-07-28 server says the resource does not exist', () => {
    render(<RequestFailureBody outcome={failure('resources/read', -32602, 'Resource note://x not found')} />);
    expect(screen.getByText(/Invalid params: Resource note:\/\/x not found/)).toBeTruthy();
    expect(screen.getByText(/the resource does not exist \(earlier revisions: -32002\)/)).toBeTruthy();
  });

  it('-32602 elsewhere is only Invalid params', () => {
    render(<RequestFailureBody outcome={failure('prompts/get', -32602, 'bad')} />);
    expect(screen.queryByText(/does not exist/)).toBeNull();
  });

  it('the one-line form adds the name unless the message already says it', () => {
    expect(requestProblem(failure('tools/list', -32021, 'needs sampling'))).toBe(
      'tools/list failed: needs sampling (JSON-RPC error -32021 MissingRequiredClientCapability)',
    );
    expect(requestProblem(failure('resources/subscribe', -32601, 'Method not found'))).toBe(
      'resources/subscribe failed: Method not found (JSON-RPC error -32601)',
    );
  });
});
