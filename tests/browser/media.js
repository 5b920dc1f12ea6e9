// Samples made in the page for the samples view's tests and benchmark: PNGs drawn on a canvas
// (each run, metric and step its own picture, with the step written in it), a WAV tone, texts.

/** A PNG of `size` pixels: a background per run, a bar as long as the step, the step as text. */
export async function png(size, run, step, steps = 50) {
  const canvas = new OffscreenCanvas(size, size);
  const context = canvas.getContext("2d");
  context.fillStyle = `hsl(${(run * 47) % 360} 55% 55%)`;
  context.fillRect(0, 0, size, size);
  context.fillStyle = "#000000";
  context.fillRect(0, size - 12, Math.round((size * (step + 1)) / steps), 12);
  context.fillStyle = "#ffffff";
  context.font = `${Math.round(size / 5)}px sans-serif`;
  context.fillText(String(step), 6, size / 2);
  return new Uint8Array(await (await canvas.convertToBlob({ type: "image/png" })).arrayBuffer());
}

/** A mono 16-bit WAV of a tone, `seconds` long. */
export function wav(frequency = 440, seconds = 0.3, rate = 8000) {
  const frames = Math.round(seconds * rate);
  const bytes = new Uint8Array(44 + frames * 2);
  const view = new DataView(bytes.buffer);
  const text = (offset, value) => [...value].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  text(0, "RIFF");
  view.setUint32(4, 36 + frames * 2, true);
  text(8, "WAVEfmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, "data");
  view.setUint32(40, frames * 2, true);
  for (let i = 0; i < frames; i++) view.setInt16(44 + i * 2, Math.round(8000 * Math.sin((2 * Math.PI * frequency * i) / rate)), true);
  return bytes;
}

/**
 * Records of `runs` x `steps` x `metrics` PNG samples of `size` pixels. `distinct` pictures are
 * drawn and shared out (drawing 20,000 would take minutes); each row still gets its own entry.
 */
export async function imageRecords({ runs, steps, metrics, size, distinct = runs * steps }) {
  const pool = [];
  for (let i = 0; i < distinct; i++) pool.push(await png(size, i % runs, Math.floor(i / runs) % steps, steps));
  const records = [];
  for (let m = 0; m < metrics; m++)
    for (let r = 0; r < runs; r++)
      for (let s = 0; s < steps; s++)
        records.push({ run_id: `run-${r}`, metric: `images/${m}`, step: s * 10, mime: "image/png", data: pool[(s * runs + r) % pool.length] });
  return records;
}
