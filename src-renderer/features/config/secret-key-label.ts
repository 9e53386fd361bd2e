/** A secret-store key as a person reads it: `API_KEY`, `Authorization header`, `OAuth sign-in`. */
export function describeSecretKey(key: string): string {
  if (key.startsWith('header:')) return `${key.slice('header:'.length)} header`;
  if (key.startsWith('oauth:')) return `OAuth ${key.slice('oauth:'.length)}`;
  return key;
}
