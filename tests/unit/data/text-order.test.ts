import { compareText } from "../../../src/data/text-order";

// The reference: what compareText promises, computed by the collator itself for every text.
const collator = new Intl.Collator("en", { numeric: true });
const reference = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

const PRINTABLE = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));

/** A deterministic stream of numbers in [0, 1) (xorshift), so a failure names a reproducible pair. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function mismatches(pairs: Iterable<readonly [string, string]>): string[] {
  const found: string[] = [];
  for (const [a, b] of pairs) {
    if (Math.sign(compareText(a, b)) !== Math.sign(reference(a, b))) found.push(`${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    if (found.length >= 10) break;
  }
  return found;
}

describe("compareText", () => {
  it("orders every pair of printable characters as the collator does", () => {
    const pairs = PRINTABLE.flatMap((a) => PRINTABLE.map((b) => [a, b] as const));
    expect(mismatches(pairs)).toEqual([]);
  });

  it("orders random printable texts as the collator does: digit runs with leading zeros, cases, punctuation", () => {
    const next = random(20261204);
    // Digits and the letters a, A, b, B weigh more, so that runs, ties and case differences are common.
    const alphabet = [...PRINTABLE, ..."0000011223456789".split(""), ..."aAbBaAbB".split("")];
    const text = () => Array.from({ length: Math.floor(next() * 8) }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
    const pairs = function* () {
      for (let i = 0; i < 200_000; i++) {
        const a = text();
        // Half the time b is a with one character changed, inserted or removed: the near ties.
        if (next() < 0.5) {
          const at = Math.floor(next() * (a.length + 1));
          const c = alphabet[Math.floor(next() * alphabet.length)];
          const edit = Math.floor(next() * 3);
          yield [
            a,
            edit === 0 ? a.slice(0, at) + c + a.slice(at + 1) : edit === 1 ? a.slice(0, at) + c + a.slice(at) : a.slice(0, at) + a.slice(at + 1),
          ] as const;
        } else {
          yield [a, text()] as const;
        }
      }
    };
    expect(mismatches(pairs())).toEqual([]);
  });

  it("orders the texts runs and params hold as the collator does", () => {
    const texts = [
      "",
      "0",
      "00",
      "007",
      "7",
      "1e-05",
      "0.001",
      "1.5",
      "1.10",
      "-1",
      "None",
      "none",
      "adam",
      "Adam",
      "adamw",
      "sgd",
      "run 2",
      "run 10",
      "run-10",
      "run_10",
      "Run 10",
      "layer.2.weight",
      "layer.10.weight",
      "12345678901234567890123",
      "12345678901234567890124",
      "v1.2.3",
      "v1.10.0",
      "seed=42",
      "lr=3e-4",
      "a b",
      "a  b",
      "ab",
      "a-b",
    ];
    const pairs = texts.flatMap((a) => texts.map((b) => [a, b] as const));
    expect(mismatches(pairs)).toEqual([]);
  });

  it("leaves other text to the collator: accents, other scripts, controls", () => {
    const texts = ["é", "e", "f", "É", "Ω", "日本", "a\tb", "a b", "a\u0001b", "ab", "naïve", "naive", "x²", "x2"];
    const pairs = texts.flatMap((a) => texts.map((b) => [a, b] as const));
    expect(mismatches(pairs)).toEqual([]);
  });

  it("is a total order: sorting gives the collator's order, equal texts apart only by code units", () => {
    const texts = ["b", "B", "a10", "a9", "A9", "a09", "_x", "x", "10", "9", "09"];
    expect([...texts].sort(compareText)).toEqual([...texts].sort(reference));
  });
});
