import { useEffect, useState } from 'react';
import { useActions } from '../../app-context';

const PREVIEW_DEBOUNCE_MS = 150;

/** The URI the engine expands the template to with these values, refreshed shortly after typing stops. */
export function useExpandedUri(uriTemplate: string, values: Record<string, string>): { uri?: string; error?: string } {
  const { expandTemplate } = useActions();
  const [result, setResult] = useState<{ key: string; uri?: string; error?: string }>({ key: '' });
  const key = JSON.stringify([
    uriTemplate,
    Object.entries(values)
      .filter(([, v]) => v !== '')
      .sort(),
  ]);
  useEffect(() => {
    let live = true;
    const [template, entries] = JSON.parse(key) as [string, [string, string][]];
    const timer = setTimeout(() => {
      expandTemplate(template, Object.fromEntries(entries)).then(
        (uri) => live && setResult({ key, uri }),
        (e: unknown) => live && setResult({ key, error: e instanceof Error ? e.message : String(e) }),
      );
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [expandTemplate, key]);
  // A result for other values is no preview of these: show nothing until the new one arrives.
  return result.key === key ? result : {};
}
