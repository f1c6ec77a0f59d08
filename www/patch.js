// Writes a list of HTML fragments as the children of an element, rewriting only the fragments
// that changed since the last write: a keystroke changes a cell or two of a long message.

/** The fragments each element shows, as last written by `patchChildren`. */
const written = new WeakMap();

/**
 * Makes `container`'s children the elements of `htmls` (one element each), in order. Those
 * whose HTML is the same as at the last call are kept as they are; the others are parsed and
 * put in their place. When the children are not those of the last call (written elsewhere),
 * everything is written again.
 */
export function patchChildren(container, htmls) {
  const before = written.get(container);
  const children = container.children;
  written.set(container, htmls);
  if (before === undefined || children.length !== before.length) {
    container.innerHTML = htmls.join('');
    return;
  }
  const template = document.createElement('template');
  htmls.forEach((html, i) => {
    if (i >= children.length) {
      container.insertAdjacentHTML('beforeend', html);
    } else if (before[i] !== html) {
      template.innerHTML = html;
      children[i].replaceWith(template.content.firstElementChild);
    }
  });
  while (container.children.length > htmls.length) container.lastElementChild.remove();
}

/** Records that `container`'s children were just written from `htmls` (by a parent's rewrite). */
export function rememberChildren(container, htmls) {
  written.set(container, htmls);
}
