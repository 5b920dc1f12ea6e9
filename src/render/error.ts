/** The short message a view shows in place of itself when its data is unusable. */
export function errorBox(message: string): HTMLElement {
  const box = document.createElement("div");
  box.className = "rc-error";
  box.setAttribute("role", "alert");
  box.textContent = message;
  return box;
}
