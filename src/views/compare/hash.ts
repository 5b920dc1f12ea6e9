/** The part of the URL's hash that holds a comparison page's state: `#rc-compare=<JSON>`, beside any other parts (`&`). */
const KEY = "rc-compare=";

function parts(): string[] {
  return location.hash.replace(/^#/, "").split("&").filter(Boolean);
}

/** The state the URL's hash holds, undefined when none (or not JSON). */
export function readHash(): unknown {
  const part = parts().find((p) => p.startsWith(KEY));
  if (part === undefined) return undefined;
  try {
    return JSON.parse(decodeURIComponent(part.slice(KEY.length)));
  } catch {
    console.warn("runcompare: the link's page state is not JSON, and is left out");
    return undefined;
  }
}

/** Puts the state in the URL's hash without a new history entry (each brush would be one). */
export function writeHash(state: object) {
  const others = parts().filter((p) => !p.startsWith(KEY));
  history.replaceState(history.state, "", `#${[...others, KEY + encodeURIComponent(JSON.stringify(state))].join("&")}`);
}
