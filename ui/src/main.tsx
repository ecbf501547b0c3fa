// The entry: no CSS and no React of its own, so nothing here holds up the first paint (the
// Persian markup of index.html and boot.css). It loads the app — React, Mantine and its CSS,
// the start and sign-in screens — which replaces that markup; every other screen loads when used.

const root = document.getElementById("root");
if (root) {
  import("./start").then(({ start }) => start(root)).catch((e: unknown) => console.error(e));
}
