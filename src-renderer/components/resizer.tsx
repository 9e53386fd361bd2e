import { useCallback, useEffect, useRef, useState } from 'react';

/** A number kept in localStorage (a width, a ratio), clamped to [min, max]; the default when storage refuses. */
export function useStoredNumber(key: string, fallback: number, min: number, max: number): [number, (v: number) => void] {
  const clamp = useCallback((v: number) => Math.round(Math.min(max, Math.max(min, v))), [min, max]);
  const [value, setRaw] = useState(() => {
    try {
      const v = Number(window.localStorage.getItem(key));
      return Number.isFinite(v) && v > 0 ? clamp(v) : fallback;
    } catch {
      return fallback; // storage refused (private window): the default every time
    }
  });
  const set = useCallback((v: number) => setRaw(clamp(v)), [clamp]);
  useEffect(() => {
    try {
      window.localStorage.setItem(key, String(value));
    } catch {
      // not remembered, still applied
    }
  }, [key, value]);
  return [value, set];
}

export interface ResizerProps {
  label: string;
  /** vertical: a bar between columns, moved left and right; horizontal: between rows. */
  orientation: 'vertical' | 'horizontal';
  value: number;
  min: number;
  max: number;
  step: number;
  defaultValue: number;
  onChange(v: number): void;
  /** How much `value` moves per pixel dragged (1 for a width in pixels). */
  unitsPerPixel(): number;
  className?: string;
}

/** A separator to drag, or to focus and move with the arrow keys; a double click restores the default. */
export function Resizer({ label, orientation, value, min, max, step, defaultValue, onChange, unitsPerPixel, className }: ResizerProps) {
  const [dragging, setDragging] = useState(false);
  const origin = useRef({ at: 0, value, scale: 1 });
  const pos = (e: React.PointerEvent) => (orientation === 'vertical' ? e.clientX : e.clientY);
  const [less, more] = orientation === 'vertical' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];

  return (
    <div
      className={`resizer resizer-${orientation} ${className ?? ''} ${dragging ? 'dragging' : ''}`}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      title="Drag to resize; double-click for the default"
      onPointerDown={(e) => {
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        origin.current = { at: pos(e), value, scale: unitsPerPixel() };
        setDragging(true);
      }}
      onPointerMove={(e) => {
        if (dragging) onChange(origin.current.value + (pos(e) - origin.current.at) * origin.current.scale);
      }}
      onPointerUp={() => setDragging(false)}
      onPointerCancel={() => setDragging(false)}
      onDoubleClick={() => onChange(defaultValue)}
      onKeyDown={(e) => {
        if (e.key === less) onChange(value - step);
        else if (e.key === more) onChange(value + step);
        else if (e.key === 'Home') onChange(defaultValue);
        else return;
        e.preventDefault();
      }}
    />
  );
}
