import { type ReactNode, useEffect, useEffectEvent, useRef } from 'react';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  className?: string;
}

/** A modal built on <dialog>: focus stays inside, Escape closes, the page behind is inert. */
export function ModalDialog({ title, onClose, children, footer, className }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCancel = useEffectEvent((e: Event) => {
    e.preventDefault();
    onClose();
  });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (typeof el.showModal === 'function' && !el.open) el.showModal();
    else el.setAttribute('open', '');
    el.addEventListener('cancel', onCancel);
    return () => {
      el.removeEventListener('cancel', onCancel);
      if (el.open && typeof el.close === 'function') el.close();
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
        }
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
