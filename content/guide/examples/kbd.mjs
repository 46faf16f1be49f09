// A complete Galley plugin: a `kbd` Liquid tag that renders key combinations.
// Copy this file to `_plugins/kbd.mjs` in your site to use it.
//
//   kbd Ctrl+Shift+P   ->   <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>P</kbd>

const escapeHtml = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export default function kbdPlugin(galley) {
  galley.addTag('kbd', {
    // Runs once, when the page is parsed: keep the keys on the tag instance.
    parse(tagToken) {
      this.keys = tagToken.args
        .trim()
        .split('+')
        .map((key) => key.trim())
        .filter((key) => key !== '');
    },
    // Runs every time the tag is rendered.
    *render(_ctx, emitter) {
      emitter.write(this.keys.map((key) => `<kbd>${escapeHtml(key)}</kbd>`).join('+'));
    },
  });

  // A filter for the same markup, for keys that come from a variable.
  galley.addFilter('kbd', (value) =>
    String(value)
      .split('+')
      .map((key) => `<kbd>${escapeHtml(key.trim())}</kbd>`)
      .join('+'),
  );
}
