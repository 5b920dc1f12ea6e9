// Peers published as plain scripts that set a global (Plotly, Arrow's UMD build): loaded once per page.

/** Resolves with window[name], adding a script tag for `src` the first time. */
export function globalFromScript(src, name) {
  if (window[name]) return Promise.resolve(window[name]);
  return new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement("script"), { src, onload: () => resolve(window[name]), onerror: reject });
    document.head.append(script);
  });
}
