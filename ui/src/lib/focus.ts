// Where the keyboard starts on a screen (issue 12, item 4): its first field, so a clerk types at
// once after Alt+digit instead of tabbing through the header.

const FIELDS = [
  "[data-first-field]",
  "input:not([type=hidden]):not([disabled]):not([readonly]):not([tabindex='-1'])",
  "textarea:not([disabled])",
  "tr[tabindex='0']",
  "button:not([disabled])",
].join(",");

/** Focuses the first field inside `root` (the explicit `data-first-field` one when marked).
 * Answers whether something was focused. */
export function focusFirstField(root: ParentNode | null): boolean {
  if (!root) return false;
  const marked = root.querySelector<HTMLElement>("[data-first-field]");
  const target =
    marked ??
    [...root.querySelectorAll<HTMLElement>(FIELDS)].find(
      (el) => el.offsetParent !== null && !el.closest("[aria-hidden='true']"),
    );
  if (!target) return false;
  target.focus();
  return document.activeElement === target;
}
