import { create } from 'zustand';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'mcp-lab.theme';
const LIGHT_QUERY = '(prefers-color-scheme: light)';

function storedChoice(): ThemeChoice {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return v === 'light' || v === 'dark' || v === 'system' ? v : 'system';
  } catch {
    return 'system';
  }
}

const systemTheme = (): Theme => (typeof window.matchMedia === 'function' && window.matchMedia(LIGHT_QUERY).matches ? 'light' : 'dark');
const resolve = (choice: ThemeChoice): Theme => (choice === 'system' ? systemTheme() : choice);

interface ThemeState {
  choice: ThemeChoice;
  /** What is shown: the choice, or the system's preference for "system". */
  theme: Theme;
  choose(choice: ThemeChoice): void;
}

/** The window's theme: one place that stores the choice, follows the system and marks <html data-theme>. */
export const useTheme = create<ThemeState>((set) => ({
  choice: storedChoice(),
  theme: resolve(storedChoice()),
  choose: (choice) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, choice);
    } catch {
      // applied for this window only
    }
    set({ choice, theme: resolve(choice) });
  },
}));

/** Apply the theme to the document now and whenever it or the system preference changes. Call once at start. */
export function installTheme(): void {
  const apply = (t: Theme) => {
    document.documentElement.dataset.theme = t;
  };
  apply(useTheme.getState().theme);
  useTheme.subscribe((s) => apply(s.theme));
  if (typeof window.matchMedia !== 'function') return;
  window.matchMedia(LIGHT_QUERY).addEventListener('change', () => {
    const { choice } = useTheme.getState();
    if (choice === 'system') useTheme.setState({ theme: systemTheme() });
  });
}

/** A CSS custom property's value as the current theme defines it (canvas and Monaco cannot read var()). */
export function themeColor(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

/** The Monaco theme that matches the window's. */
export const monacoTheme = (t: Theme): string => (t === 'light' ? 'vs' : 'vs-dark');
