/**
 * Building DOM nodes safely: text always goes in through textContent / text nodes, never as HTML.
 *
 * @example h("p", { class: "lead" }, "Hello ", h("strong", {}, name))
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") el.className = value;
    else if (name === "text") el.textContent = value;
    else if (name.startsWith("on")) {
      // Handlers only as functions: an on* attribute from a string would be script.
      if (typeof value === "function") el.addEventListener(name.slice(2), value);
    }
    else if (name === "dataset") Object.assign(el.dataset, value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

/** Copy text to the clipboard; falls back to a hidden textarea where the Clipboard API is missing. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = h("textarea", { class: "visually-hidden", readonly: true, "aria-hidden": "true" });
    area.value = text;
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

/** Say something to screen readers through the page's polite status region. */
export function announce(message) {
  const status = document.getElementById("status");
  if (!status) return;
  status.textContent = "";
  // A new text node in a later frame is announced even when the message repeats.
  requestAnimationFrame(() => {
    status.textContent = message;
  });
}
