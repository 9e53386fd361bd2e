import { type ReactNode, useEffect, useEffectEvent, useRef } from 'react';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  className?: string;
}

/** A modal built on <dialog>: focus stays inside, Escape closes, the page behind is inert; closing gives focus back to what had it. */
export function ModalDialog({ title, onClose, children, footer, className }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCancel = useEffectEvent((e: Event) => {
    e.preventDefault();
    onClose();
  });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (typeof el.showModal === 'function' && !el.open) el.showModal();
    else el.setAttribute('open', '');
    el.addEventListener('cancel', onCancel);
    return () => {
      el.removeEventListener('cancel', onCancel);
      if (el.open && typeof el.close === 'function') el.close();
      // React removes the dialog before this runs, so the browser's own focus return does not happen.
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-labelledby="modal-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        } else if (e.key === 'Tab') wrapFocus(e, e.currentTarget);
      }}
    >
      <header className="modal-header">
        <h2 id="modal-title">{title}</h2>
        <button type="button" className="icon-button" aria-label="Close dialog" onClick={onClose}>
          ✕
        </button>
      </header>
      <div className="modal-body">{children}</div>
      {footer ? <footer className="modal-footer">{footer}</footer> : null}
    </dialog>
  );
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Tab from the last control goes to the first, Shift+Tab from the first to the last: a modal's focus never
 * leaves it (the browser would move it to its own toolbar).
 */
function wrapFocus(e: React.KeyboardEvent, dialog: HTMLElement): void {
  const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  const active = dialog.ownerDocument.activeElement;
  if (e.shiftKey ? active === first || !dialog.contains(active) : active === last) {
    e.preventDefault();
    (e.shiftKey ? last : first).focus();
  }
}

/** The start of a dialog footer: what went wrong (announced), then the space that pushes the buttons right. */
export function FooterError({ error }: { error: string | null | undefined }) {
  return (
    <>
      {error ? (
        <p className="engine-error" role="alert">
          {error}
        </p>
      ) : null}
      <span className="header-spacer" />
    </>
  );
}

interface CancelConfirmProps {
  onCancel(): void;
  /** The primary button's label ("Save test", "Creating…"). */
  confirm: ReactNode;
  /** Clicked, unless `submitForm` names a form the button submits instead. */
  onConfirm?: () => void;
  submitForm?: string;
  disabled?: boolean;
  error?: string | null;
}

/** The usual footer: what went wrong (if anything), Cancel, and the one primary action. */
export function CancelConfirmFooter({ onCancel, confirm, onConfirm, submitForm, disabled, error }: CancelConfirmProps) {
  return (
    <>
      <FooterError error={error} />
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type={submitForm ? 'submit' : 'button'} form={submitForm} className="button primary" disabled={disabled} onClick={onConfirm}>
        {confirm}
      </button>
    </>
  );
}
