import { useId, useState, type ReactNode } from 'react';
import { readFraction } from './readFraction';

/** A sidebar section with its heading, and a count beside it when given. */
export function SidebarSection({
  id,
  title,
  count,
  className = '',
  children,
}: {
  id: string;
  title: string;
  count?: number;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={`sidebar-section ${className}`.trim()} aria-labelledby={id}>
      <h2 id={id} className="sidebar-title">
        {title}
        {count !== undefined && (
          <>
            {' '}
            <span className="count">{count}</span>
          </>
        )}
      </h2>
      {children}
    </section>
  );
}

/** A checkbox with its label. */
export function Toggle({
  testId,
  checked,
  onChange,
  children,
}: {
  testId: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}) {
  return (
    <label className="toggle">
      <input
        type="checkbox"
        data-testid={testId}
        checked={checked}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      {children}
    </label>
  );
}

/**
 * A number input for a fraction 0..1 in steps of 0.05 that also takes the score's own scale
 * (7 on a 1..10 scale, 70 on a 0..100 one), and says beside it what it read.
 */
export function FractionInput({
  label,
  testId,
  value,
  onChange,
}: {
  label: string;
  testId: string;
  value: number;
  onChange: (value: number) => void;
}) {
  // What the user is typing, kept until they leave the field, so "7" is not replaced mid-edit.
  const [draft, setDraft] = useState<string | null>(null);
  const reading = draft === null ? null : readFraction(draft);
  const noteId = useId();
  return (
    <label className="field">
      <span>{label}</span>
      <input
        data-testid={testId}
        type="number"
        min={0}
        max={100}
        step={0.05}
        value={draft ?? value}
        aria-describedby={reading?.note ? noteId : undefined}
        aria-invalid={reading?.ok === false ? true : undefined}
        onChange={(e) => {
          const text = e.currentTarget.value;
          setDraft(text);
          const next = readFraction(text);
          if (next.ok) onChange(next.value);
        }}
        onBlur={() => setDraft(null)}
      />
      {reading?.note && (
        <span
          id={noteId}
          className={reading.ok ? 'field-note' : 'field-note error-text'}
          data-testid={`${testId}-note`}
          role="status"
        >
          {reading.note}
        </span>
      )}
    </label>
  );
}

/**
 * A labelled choice among fixed options (value, label): `onChange` gets a value only when
 * `isChoice` accepts it, so a stray value from the page never reaches the state.
 */
export function ChoiceField<T extends string>({
  label,
  testId,
  value,
  options,
  isChoice,
  onChange,
  stacked = false,
  title,
}: {
  label: string;
  testId: string;
  value: T;
  options: readonly (readonly [value: string, label: string])[];
  isChoice: (value: string) => value is T;
  onChange: (value: T) => void;
  stacked?: boolean;
  title?: string;
}) {
  return (
    <label className={stacked ? 'field field-stacked' : 'field'}>
      <span>{label}</span>
      <select
        data-testid={testId}
        value={value}
        title={title}
        onChange={(e) => {
          const picked = e.currentTarget.value;
          if (isChoice(picked)) onChange(picked);
        }}
      >
        {options.map(([id, text]) => (
          <option key={id} value={id}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The options of a {@link ChoiceField} and the guard that accepts their values and no other. */
export function choices<T extends string>(
  options: readonly (readonly [value: T, label: string])[],
) {
  return { options, isChoice: (value: string): value is T => options.some(([id]) => id === value) };
}
