/** Width of an average character of the views' 11px labels, for fitting text without measuring it. */
export const CHAR_WIDTH = 6.5;

/** Text cut with "…" to fit about `pixels` wide (never below three characters). */
export function truncate(text: string, pixels: number): string {
  const fits = Math.max(3, Math.floor(pixels / CHAR_WIDTH));
  return text.length > fits ? text.slice(0, fits - 1) + "…" : text;
}
