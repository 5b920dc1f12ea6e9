/** Chart titles kept by the filter: a case-insensitive substring, or /regex/flags. */
export function chartFilter(text: string): { matches: (title: string) => boolean; error: string | null } {
  const trimmed = text.trim();
  if (!trimmed) return { matches: () => true, error: null };
  const regex = /^\/(.+)\/([a-z]*)$/.exec(trimmed);
  if (regex) {
    try {
      // Without g or y, test() keeps no state between titles.
      const pattern = new RegExp(regex[1], regex[2].replace(/[gy]/g, ""));
      return { matches: (title) => pattern.test(title), error: null };
    } catch (e) {
      return { matches: () => true, error: e instanceof Error ? e.message : String(e) };
    }
  }
  const needle = trimmed.toLowerCase();
  return { matches: (title) => title.toLowerCase().includes(needle), error: null };
}
