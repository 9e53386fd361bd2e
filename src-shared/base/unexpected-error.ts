/**
 * Where errors go that no caller can receive: a listener that threw while an event fired, a
 * promise nobody awaits. A host sets the handler once (the engine shells log them); nothing here
 * rethrows, because one broken listener must never end the process that serves everyone else.
 */
export type UnexpectedErrorHandler = (error: unknown, where: string) => void;

const consoleHandler: UnexpectedErrorHandler = (error, where) => {
  console.error(`unexpected error in ${where}:`, error);
};

let handler: UnexpectedErrorHandler = consoleHandler;

export function setUnexpectedErrorHandler(next: UnexpectedErrorHandler | undefined): void {
  handler = next ?? consoleHandler;
}

export function onUnexpectedError(error: unknown, where: string): void {
  try {
    handler(error, where);
  } catch {
    // A failing reporter must not turn a logged error into a fatal one.
  }
}
