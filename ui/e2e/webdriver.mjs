// A small W3C WebDriver client (Node's fetch) for driving the real app through tauri-driver and
// WebKitWebDriver. tauri-driver 2.1 sometimes resets a connection: requests are retried.

import { setTimeout as sleep } from "node:timers/promises";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

export class WebDriver {
  constructor(url) {
    this.url = url.replace(/\/$/, "");
    this.session = null;
  }

  async request(method, path, body) {
    let lastError;
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const response = await fetch(`${this.url}${path}`, {
          method,
          headers: { "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const json = await response.json();
        if (!response.ok || (json.value && json.value.error)) {
          const error = new Error(
            `${method} ${path}: ${json.value?.error ?? response.status} ${json.value?.message ?? ""}`,
          );
          error.webdriver = json.value?.error;
          throw error;
        }
        return json.value;
      } catch (error) {
        if (error.webdriver) throw error;
        lastError = error; // connection reset or refused: try again
        await sleep(300 * (attempt + 1));
      }
    }
    throw lastError;
  }

  s(path) {
    return `/session/${this.session}${path}`;
  }

  async start(application) {
    const value = await this.request("POST", "/session", {
      capabilities: { alwaysMatch: { "tauri:options": { application } } },
    });
    this.session = value.sessionId;
    return value;
  }

  async quit() {
    if (this.session) await this.request("DELETE", this.s("")).catch(() => undefined);
    this.session = null;
  }

  /** Runs `script` in the page; arguments and elements cross both ways. */
  execute(script, ...args) {
    return this.request("POST", this.s("/execute/sync"), { script, args });
  }

  async find(css) {
    const value = await this.request("POST", this.s("/element"), {
      using: "css selector",
      value: css,
    });
    return value[ELEMENT];
  }

  async findAll(css) {
    const value = await this.request("POST", this.s("/elements"), {
      using: "css selector",
      value: css,
    });
    return value.map((v) => v[ELEMENT]);
  }

  click(id) {
    return this.request("POST", this.s(`/element/${id}/click`), {});
  }

  type(id, text) {
    return this.request("POST", this.s(`/element/${id}/value`), { text });
  }

  clear(id) {
    return this.request("POST", this.s(`/element/${id}/clear`), {});
  }

  text(id) {
    return this.request("GET", this.s(`/element/${id}/text`));
  }

  property(id, name) {
    return this.request("GET", this.s(`/element/${id}/property/${name}`));
  }

  screenshot() {
    return this.request("GET", this.s("/screenshot"));
  }

  /** Types keys at the window (not into an element), as fast as the driver can: a scanner. */
  keys(text) {
    const actions = [];
    for (const ch of text)
      actions.push({ type: "keyDown", value: ch }, { type: "keyUp", value: ch });
    return this.request("POST", this.s("/actions"), {
      actions: [{ type: "key", id: "keyboard", actions }],
    });
  }

  /** Presses `keys` together (a chord: Alt+2, Ctrl+Enter, Shift+Tab), then lets them go. */
  chord(...keys) {
    const actions = [
      ...keys.map((value) => ({ type: "keyDown", value })),
      ...[...keys].reverse().map((value) => ({ type: "keyUp", value })),
    ];
    return this.request("POST", this.s("/actions"), {
      actions: [{ type: "key", id: "keyboard", actions }],
    });
  }

  /** Sets the window's size (the office screens of issue 12: 1024×640, 1366×768). */
  setWindowSize(width, height) {
    return this.request("POST", this.s("/window/rect"), { width, height });
  }

  /** Waits until `probe` returns something truthy (retrying its errors), and returns it. */
  async waitFor(probe, what, timeoutMs = 15000) {
    const deadline = Date.now() + timeoutMs;
    let lastError;
    while (Date.now() < deadline) {
      try {
        const value = await probe();
        if (value) return value;
      } catch (error) {
        lastError = error;
      }
      await sleep(150);
    }
    throw new Error(`timed out waiting for ${what}${lastError ? `: ${lastError.message}` : ""}`);
  }

  /** Waits for an element matching `css` and returns its id. */
  waitForElement(css, timeoutMs) {
    return this.waitFor(() => this.find(css), css, timeoutMs);
  }
}

export { ELEMENT };
