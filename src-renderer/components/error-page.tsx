import type { ReactNode } from 'react';

/** A full-page explanation when the app cannot work at all (no engine, refused). */
export function ErrorPage({ title, message, children }: { title: string; message: string; children?: ReactNode }) {
  return (
    <main className="error-page" role="alert">
      <div className="error-card">
        <h1>{title}</h1>
        <p className="error-message">{message}</p>
        {children}
      </div>
    </main>
  );
}
