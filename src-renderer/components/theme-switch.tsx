import { useTheme, type ThemeChoice } from './theme';

const CHOICES: { value: ThemeChoice; label: string; title: string }[] = [
  { value: 'system', label: 'Auto', title: 'Follow the system: light or dark as it is set' },
  { value: 'light', label: 'Light', title: 'Light theme' },
  { value: 'dark', label: 'Dark', title: 'Dark theme' },
];

/** System, light or dark, in the top bar; the choice is remembered. */
export function ThemeSwitch() {
  const choice = useTheme((s) => s.choice);
  const choose = useTheme((s) => s.choose);
  return (
    <div className="segmented small theme-switch" role="radiogroup" aria-label="Theme">
      {CHOICES.map((c) => (
        <button key={c.value} type="button" role="radio" aria-checked={choice === c.value} title={c.title} onClick={() => choose(c.value)}>
          {c.label}
        </button>
      ))}
    </div>
  );
}
