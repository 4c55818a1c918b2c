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

/** A form control beside its label's text (below it when `stacked`). */
export function Field({
  label,
  stacked = false,
  children,
}: {
  label: ReactNode;
  stacked?: boolean;
  children: ReactNode;
}) {
  return (
    <label className={stacked ? 'field field-stacked' : 'field'}>
      <span>{label}</span>
      {children}
    </label>
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
    <Field label={label}>
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
    </Field>
  );
}

/** The options of a {@link ChoiceField}: each value with the label the menu shows for it. */
export type Choices<T extends string | number> = readonly (readonly [value: T, label: string])[];

/** The options of a {@link ChoiceField} from a record of labels by value, in its order. */
export function choicesOf<K extends string>(labels: Readonly<Record<K, string>>): Choices<K> {
  const isKey = (key: string): key is K => Object.hasOwn(labels, key);
  return Object.entries<string>(labels).flatMap(([key, label]) =>
    isKey(key) ? [[key, label] as const] : [],
  );
}

/**
 * A labelled choice among fixed options (value, label): `onChange` gets one of the options'
 * own values only, so a stray value from the page never reaches the state.
 */
export function ChoiceField<T extends string | number>({
  label,
  testId,
  value,
  options,
  onChange,
  stacked = false,
  title,
}: {
  label: string;
  testId: string;
  value: T;
  options: Choices<T>;
  onChange: (value: T) => void;
  stacked?: boolean;
  title?: string;
}) {
  return (
    <Field label={label} stacked={stacked}>
      <select
        data-testid={testId}
        value={value}
        title={title}
        onChange={(e) => {
          const picked = options.find(([id]) => String(id) === e.currentTarget.value);
          if (picked) onChange(picked[0]);
        }}
      >
        {options.map(([id, text]) => (
          <option key={id} value={id}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A labelled line of text, reported as typed. */
export function TextField({
  label,
  testId,
  value,
  onChange,
  placeholder,
  maxLength,
}: {
  label: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxLength?: number;
}) {
  return (
    <Field label={label} stacked>
      <input
        data-testid={testId}
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </Field>
  );
}
