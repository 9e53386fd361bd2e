/** "1 tool", "3 tools", "0 entries" (pass the plural where adding an s is wrong). */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
