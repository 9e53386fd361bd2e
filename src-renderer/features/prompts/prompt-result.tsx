import type { PromptGetOutcome } from '../../../src-shared/api/schemas/prompt';
import { ContentBlock } from '../console/content-blocks';
import { RequestOutcomeSection } from '../requests/request-outcome-view';

/** What `prompts/get` gave: the messages by role with every content type, or why it failed; Raw shows the JSON. */
export function PromptResult({ outcome }: { outcome: PromptGetOutcome }) {
  return <RequestOutcomeSection outcome={outcome} label="Prompt result" renderOk={(result) => <PromptMessages result={result} />} />;
}

function PromptMessages({ result }: { result: { description?: string; messages?: unknown } }) {
  const messages = Array.isArray(result.messages) ? (result.messages as unknown[]) : [];
  return (
    <div className="result-body">
      {typeof result.description === 'string' && result.description ? (
        <p className="prompt-result-description">{result.description}</p>
      ) : null}
      {messages.length === 0 ? <p className="muted">The prompt has no messages.</p> : null}
      <ol className="prompt-messages" aria-label="Messages">
        {messages.map((m, i) => {
          const msg = (typeof m === 'object' && m !== null ? m : {}) as { role?: unknown; content?: unknown };
          const role = typeof msg.role === 'string' ? msg.role : 'unknown role';
          // A message carries one content block; some servers send a list anyway: show every one.
          const blocks = Array.isArray(msg.content) ? (msg.content as unknown[]) : [msg.content];
          return (
            <li
              key={i}
              className={`prompt-message role-${role === 'user' || role === 'assistant' ? role : 'other'}`}
              aria-label={`Message ${i + 1}: ${role}`}
            >
              <span className="role-badge">{role}</span>
              <div className="prompt-message-body">
                {blocks.map((b, j) => (
                  <ContentBlock key={j} block={b} />
                ))}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
