// A very small DOM helper: h('button', { class: 'x', onclick }, 'text').

type Attrs = Record<string, string | number | boolean | null | undefined | EventListener | ((e: never) => void)>;
type Child = Node | string | number | null | undefined | false | Child[];

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v as EventListener);
    else if (k === 'value' && 'value' in el) (el as HTMLInputElement).value = String(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/**
 * Rebuilds a container only when its key changed, keeping keyboard focus on the element with the
 * same data-fid (and the caret in text inputs) across the rebuild.
 */
export function patch(container: HTMLElement, key: string, build: () => Child): void {
  if (container.dataset.key === key) return;
  container.dataset.key = key;
  const active = document.activeElement as HTMLElement | null;
  const fid = active && container.contains(active) ? active.dataset.fid : undefined;
  const sel = active instanceof HTMLInputElement ? [active.selectionStart, active.selectionEnd] : null;
  container.replaceChildren();
  append(container, [build()]);
  if (fid) {
    const again = container.querySelector<HTMLElement>(`[data-fid="${CSS.escape(fid)}"]`);
    if (again) {
      again.focus();
      if (sel && again instanceof HTMLInputElement) { try { again.setSelectionRange(sel[0], sel[1]); } catch { /* not a text input */ } }
    }
  }
}
