import type { ReactNode } from 'react';

/**
 * One alert of a list (a file that could not be read, a saved run set aside): what went wrong,
 * any actions on it, and Dismiss, its label naming what it dismisses for screen readers.
 */
export function DismissibleAlert({
  testId,
  message,
  dismissLabel,
  onDismiss,
  children,
}: {
  testId: string;
  message: ReactNode;
  dismissLabel: string;
  onDismiss: () => void;
  /** Actions beside Dismiss. */
  children?: ReactNode;
}) {
  return (
    <div className="error" role="alert" data-testid={testId}>
      <div>{message}</div>
      {children}
      <button type="button" className="link-button" aria-label={dismissLabel} onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
