import { useEffect, useState, useSyncExternalStore } from 'react';
import { type CompletionFetch, CompletionController, type CompletionState } from './completion-controller';

const NONE: CompletionFetch = async () => ({ values: [] });

/** One CompletionController per input, fed the latest source; closed (not destroyed) on unmount. */
export function useCompletion(
  fetch: CompletionFetch | null,
  debounceMs?: number,
): { controller: CompletionController; state: CompletionState } {
  const [controller] = useState(() => new CompletionController(fetch ?? NONE, debounceMs));
  useEffect(() => controller.setFetch(fetch ?? NONE), [controller, fetch]);
  useEffect(() => () => controller.close(), [controller]);
  const state = useSyncExternalStore(controller.subscribe, () => controller.state);
  return { controller, state };
}
