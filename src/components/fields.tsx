import type { ReactNode } from 'react';

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

/** A number input for a fraction 0..1 in steps of 0.05; values outside are not taken. */
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
  return (
    <label className="field">
      <span>{label}</span>
      <input
        data-testid={testId}
        type="number"
        min={0}
        max={1}
        step={0.05}
        value={value}
        onChange={(e) => {
          const next = e.currentTarget.valueAsNumber;
          if (Number.isFinite(next) && next >= 0 && next <= 1) onChange(next);
        }}
      />
    </label>
  );
}
