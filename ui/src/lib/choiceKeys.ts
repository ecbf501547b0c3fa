// Arrow keys in a choice control (a radio group drawn as segments), the same in WebKitGTK and
// WebView2: engines differ on whether arrows move a radio group at all, and on which way in a
// right-to-left page. Here the arrow that points to the next segment on screen moves to it.

/** The value an arrow key moves to from `current`, or null for any other key. */
export function choiceAfterKey(
  key: string,
  values: readonly string[],
  current: string,
  dir: "rtl" | "ltr",
): string | null {
  const forward = dir === "rtl" ? "ArrowLeft" : "ArrowRight";
  const back = dir === "rtl" ? "ArrowRight" : "ArrowLeft";
  let step: number;
  if (key === forward || key === "ArrowDown") step = 1;
  else if (key === back || key === "ArrowUp") step = -1;
  else if (key === "Home") return values[0] ?? null;
  else if (key === "End") return values[values.length - 1] ?? null;
  else return null;
  if (values.length === 0) return null;
  const at = Math.max(0, values.indexOf(current));
  return values[(at + step + values.length) % values.length];
}
