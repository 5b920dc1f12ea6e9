/**
 * A stand-in for the anywidget model, for tests that drive the widget module in a plain page
 * (import it inside page.evaluate). Changes made with set() reach the view's listeners,
 * save_changes() records the selection the view sent, send() hands messages for the kernel to
 * `kernel` (if given), and receive() delivers a message from the kernel.
 */
export function fakeModel(traits, kernel = () => {}) {
  const handlers = {};
  const saved = [];
  const model = {
    send: (message) => kernel(message, model),
    receive: (message, buffers = []) => (handlers["msg:custom"] ?? []).forEach((handler) => handler(message, buffers)),
    get: (name) => traits[name],
    set: (name, value) => {
      traits[name] = value;
      (handlers[`change:${name}`] ?? []).forEach((handler) => handler());
    },
    save_changes: () => saved.push([...traits.selected]),
    on: (event, handler) => (handlers[event] ??= []).push(handler),
    off: (event, handler) => (handlers[event] = (handlers[event] ?? []).filter((h) => h !== handler)),
  };
  return { model, saved };
}
