import { CliError, EXIT } from '../exit-codes';

/** How `test` and `lint` print: kept apart from the verbs so that parsing options loads no engine. */
export type Reporter = 'list' | 'json' | 'junit';

export function parseReporter(v: string): Reporter {
  if (v === 'list' || v === 'json' || v === 'junit') return v;
  throw new CliError(`--reporter must be list, json or junit (got "${v}")`, EXIT.usage);
}
