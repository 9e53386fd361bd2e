import { useTheme, type ThemeChoice } from './theme';

/** System, light or dark, in the top bar; the choice is remembered. */
export function ThemeSwitch() {
  const choice = useTheme((s) => s.choice);
  const choose = useTheme((s) => s.choose);
  return (
    <label className="theme-switch">
      <select aria-label="Theme" value={choice} onChange={(e) => choose(e.target.value as ThemeChoice)}>
        <option value="system">System theme</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
