/**
 * Children of any number: `parent.append(...children)` passes each child as an argument, and
 * past some 100,000 (a row per run) the call overflows the stack.
 */
export function appendAll(parent: ParentNode, children: Iterable<Node>): void {
  const fragment = document.createDocumentFragment();
  for (const child of children) fragment.append(child);
  parent.append(fragment);
}

/** The element's children replaced by `children`, of any number (see appendAll). */
export function setChildren(parent: ParentNode, children: Iterable<Node>): void {
  parent.replaceChildren();
  appendAll(parent, children);
}
