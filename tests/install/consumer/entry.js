// The bundled page's script: runcompare resolved from node_modules by a bundler (webpack).
import { parallel } from "runcompare";

const bytes = new Uint8Array(await (await fetch("runs.arrow")).arrayBuffer());
const view = parallel(bytes, { color: "validation/accuracy" });
document.body.append(view);
window.view = view;
