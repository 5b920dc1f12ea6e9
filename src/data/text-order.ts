/**
 * The order of texts every view sorts by: Intl.Collator("en", { numeric: true }), then code
 * units where it finds two texts equal. Runs of digits compare by value ("2" before "10"),
 * letters regardless of case, then lowercase first; spaces and punctuation before digits.
 *
 * Texts of printable ASCII, all that run names, params and tags usually hold, are compared here
 * in that same order without the collator: its first use in a page starts ICU's collation, 10–20
 * ms of a cold page's main thread. Any other text goes to the collator, made on first need.
 */

/** Printable ASCII's spaces, punctuation and symbols by the collator's primary weight; digits weigh more, then letters. */
const SYMBOLS = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";
const FIRST_PRINTABLE = 0x20;
const LAST_PRINTABLE = 0x7e;
const ZERO = 0x30;

/** Each printable character's primary weight, indexed by its code: a letter's two cases weigh the same. */
const PRIMARY = new Uint8Array(LAST_PRINTABLE + 1);
for (let k = 0; k < SYMBOLS.length; k++) PRIMARY[SYMBOLS.charCodeAt(k)] = k + 1;
for (let digit = 0; digit < 10; digit++) PRIMARY[ZERO + digit] = SYMBOLS.length + 1;
for (let letter = 0; letter < 26; letter++) {
  PRIMARY[0x61 + letter] = SYMBOLS.length + 2 + letter;
  PRIMARY[0x41 + letter] = SYMBOLS.length + 2 + letter;
}

let collator: Intl.Collator | null = null;

export function compareText(a: string, b: string): number {
  const order = isPrintableAscii(a) && isPrintableAscii(b) ? compareAscii(a, b) : (collator ??= new Intl.Collator("en", { numeric: true })).compare(a, b);
  return order || (a < b ? -1 : a > b ? 1 : 0);
}

function isPrintableAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < FIRST_PRINTABLE || code > LAST_PRINTABLE) return false;
  }
  return true;
}

const isDigit = (code: number) => code >= ZERO && code <= ZERO + 9;

/**
 * The collator's comparison of two printable ASCII texts: first by primary weights, a run of
 * digits weighing as its value (leading zeros count for nothing), then by case, lowercase first.
 */
function compareAscii(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      const runA = digitRun(a, i);
      const runB = digitRun(b, j);
      const byValue = compareDigits(a, runA, b, runB);
      if (byValue) return byValue;
      i = runA.end;
      j = runB.end;
      continue;
    }
    if (PRIMARY[ca] !== PRIMARY[cb]) return PRIMARY[ca] < PRIMARY[cb] ? -1 : 1;
    i++;
    j++;
  }
  if (i < a.length) return 1;
  if (j < b.length) return -1;
  return compareCase(a, b);
}

/** A run of digits from `start`: where its significant digits start (past leading zeros) and where it ends. */
function digitRun(text: string, start: number): { significant: number; end: number } {
  let significant = start;
  while (significant < text.length && text.charCodeAt(significant) === ZERO) significant++;
  let end = significant;
  while (end < text.length && isDigit(text.charCodeAt(end))) end++;
  return { significant, end };
}

function compareDigits(a: string, runA: { significant: number; end: number }, b: string, runB: { significant: number; end: number }): number {
  const lengthA = runA.end - runA.significant;
  const lengthB = runB.end - runB.significant;
  if (lengthA !== lengthB) return lengthA < lengthB ? -1 : 1;
  for (let k = 0; k < lengthA; k++) {
    const da = a.charCodeAt(runA.significant + k);
    const db = b.charCodeAt(runB.significant + k);
    if (da !== db) return da < db ? -1 : 1;
  }
  return 0;
}

/** Texts of equal primary weights: the first letter whose case differs, lowercase first. */
function compareCase(a: string, b: string): number {
  const lettersA = letters(a);
  const lettersB = letters(b);
  for (let k = 0; k < lettersA.length; k++) {
    const upperA = lettersA.charCodeAt(k) < 0x61;
    const upperB = lettersB.charCodeAt(k) < 0x61;
    if (upperA !== upperB) return upperA ? 1 : -1;
  }
  return 0;
}

const letters = (text: string) => text.replace(/[^A-Za-z]/g, "");
