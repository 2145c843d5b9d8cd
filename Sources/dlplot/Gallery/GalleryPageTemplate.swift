/// The Mustache template of the gallery page (`GalleryPage`). `{{…}}` escapes `< > & " '`; the page
/// uses no triple mustaches, so no text reaches the HTML unescaped. Commands are copied from the text
/// of their `<code>` element, never through script strings. No network: system fonts, inline CSS and
/// script only.
enum GalleryPageTemplate {
    static let text = #"""
<!DOCTYPE html>
<!-- dlplot gallery: written by `dlplot gallery`; edits are overwritten. -->
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="dlplot gallery">
<title>dlplot gallery</title>
<style>
:root {
  --bg: #f6f7f9; --card: #ffffff; --text: #1b1f24; --muted: #57606a; --line: #d8dee4;
  --code-bg: #f0f2f5; --accent: #0b63c4; --accent-text: #ffffff; --shadow: 0 1px 3px rgba(27, 31, 36, 0.08);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1115; --card: #181b21; --text: #e6e8eb; --muted: #9aa4af; --line: #2d333b;
    --code-bg: #0b0d10; --accent: #5aa9ff; --accent-text: #0b0d10; --shadow: none;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; scroll-padding-top: 1rem; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", sans-serif;
}
a { color: var(--accent); }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; }
header, main, footer { max-width: 96rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 2rem; }
h1 { font-size: 2rem; margin: 0 0 0.25rem; letter-spacing: -0.01em; }
.lead { margin: 0 0 1rem; color: var(--muted); max-width: 60rem; }
.lead code { font-size: 0.9em; background: var(--code-bg); padding: 0.05em 0.3em; border-radius: 4px; color: var(--text); }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0; padding: 0; }
nav a {
  display: inline-block; padding: 0.3rem 0.75rem; border: 1px solid var(--line); border-radius: 999px;
  background: var(--card); text-decoration: none; color: var(--text); font-size: 0.92rem;
}
nav a:hover, nav a:focus-visible { border-color: var(--accent); color: var(--accent); }
nav .n { color: var(--muted); font-variant-numeric: tabular-nums; }
section { margin-top: 2.25rem; }
h2 { font-size: 1.35rem; margin: 0 0 0.9rem; padding-bottom: 0.35rem; border-bottom: 1px solid var(--line); }
h2 a { color: inherit; text-decoration: none; }
h2 a:hover { text-decoration: underline; }
.grid { display: grid; gap: 1.25rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 24rem), 1fr)); }
figure.card {
  margin: 0; display: flex; flex-direction: column; background: var(--card); border: 1px solid var(--line);
  border-radius: 10px; overflow: hidden; box-shadow: var(--shadow);
}
figure.card:target { outline: 3px solid var(--accent); outline-offset: 2px; }
.media { display: block; background: #ffffff; border-bottom: 1px solid var(--line); }
.media img, .media video { display: block; width: 100%; height: auto; }
.media.none { padding: 2rem 1rem; text-align: center; color: var(--muted); background: var(--code-bg); }
figcaption { display: flex; flex-direction: column; gap: 0.6rem; padding: 0.85rem 1rem 1rem; flex: 1; }
.caption { margin: 0; font-size: 0.97rem; }
.badge {
  display: inline-block; margin-right: 0.35rem; padding: 0 0.4rem; border-radius: 4px; font-size: 0.75rem;
  font-weight: 600; vertical-align: 0.1em; background: var(--accent); color: var(--accent-text);
}
.command { position: relative; margin-top: auto; }
.command pre {
  margin: 0; padding: 0.6rem 4.6rem 0.6rem 0.75rem; background: var(--code-bg); border: 1px solid var(--line);
  border-radius: 6px; font-size: 0.84rem; line-height: 1.45; white-space: pre-wrap; overflow-wrap: anywhere;
}
.command .w { display: inline-block; max-width: 100%; }
.copy {
  display: none; position: absolute; top: 0.35rem; right: 0.35rem; min-width: 3.9rem; padding: 0.2rem 0.55rem;
  font: inherit; font-size: 0.8rem; color: var(--text); background: var(--card); border: 1px solid var(--line);
  border-radius: 5px; cursor: pointer;
}
.js .copy { display: block; }
.copy:hover, .copy:focus-visible { border-color: var(--accent); color: var(--accent); }
.copy.done { border-color: var(--accent); color: var(--accent); }
.meta { display: flex; justify-content: space-between; gap: 0.75rem; font-size: 0.85rem; color: var(--muted); }
.meta a { text-decoration: none; }
.meta a:hover { text-decoration: underline; }
.formats a { font-weight: 600; }
footer { margin: 3rem auto 2rem; color: var(--muted); font-size: 0.85rem; }
@media (max-width: 40rem) {
  header { padding-top: 1.25rem; }
  h1 { font-size: 1.6rem; }
  .grid { gap: 1rem; }
}
@media print {
  .copy, nav { display: none !important; }
  figure.card { break-inside: avoid; box-shadow: none; }
}
</style>
</head>
<body>
<header>
<h1>dlplot gallery</h1>
<p class="lead">{{count}} figure{{#plural}}s{{/plural}}, each made by the command under it. Click a figure for the full-size file; the button copies its command. Regenerate them all with <code>make gallery</code> (or <code>dlplot gallery</code>).</p>
{{#hasContents}}
<nav aria-label="Sections">
<ul>
{{#contents}}
<li><a href="#{{id}}">{{heading}} <span class="n">{{count}}</span></a></li>
{{/contents}}
</ul>
</nav>
{{/hasContents}}
</header>
<main>
{{#sections}}
<section{{#heading}} id="{{id}}" aria-labelledby="{{id}}-h"{{/heading}}>
{{#heading}}
<h2 id="{{id}}-h"><a href="#{{id}}">{{text}}</a></h2>
{{/heading}}
<div class="grid">
{{#figures}}
<figure class="card" id="{{id}}">
{{#image}}
<a class="media" href="{{src}}"><img src="{{src}}" alt="{{alt}}"{{#width}} width="{{width}}"{{/width}}{{#height}} height="{{height}}"{{/height}} loading="lazy" decoding="async"></a>
{{/image}}
{{#video}}
<a class="media" href="{{src}}"><video src="{{src}}"{{#poster}} poster="{{poster}}"{{/poster}}{{#width}} width="{{width}}"{{/width}}{{#height}} height="{{height}}"{{/height}} autoplay loop muted playsinline aria-label="{{alt}}"></video></a>
{{/video}}
{{^image}}
{{^video}}
<div class="media none">No preview: open a file below.</div>
{{/video}}
{{/image}}
<figcaption>
{{#hasCaption}}
<p class="caption">{{#animated}}<span class="badge">animation</span>{{/animated}}{{caption}}</p>
{{/hasCaption}}
<div class="command"><pre><code>{{#command}}<span class="w">{{text}}</span>{{^last}} {{/last}}{{/command}}</code></pre><button type="button" class="copy" aria-label="Copy the command">Copy</button></div>
<div class="meta"><span class="formats">{{#links}}<a href="{{href}}">{{label}}</a>{{^last}} · {{/last}}{{/links}}</span><a href="#{{id}}" title="Link to this figure">#{{id}}</a></div>
</figcaption>
</figure>
{{/figures}}
</div>
</section>
{{/sections}}
</main>
<footer>Made with dlplot. Every figure is reproducible byte for byte from its command.</footer>
<script>
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  function flash(button, text) {
    button.textContent = text;
    button.classList.add("done");
    clearTimeout(button.dlplotTimer);
    button.dlplotTimer = setTimeout(function () {
      button.textContent = "Copy";
      button.classList.remove("done");
    }, 2000);
  }
  function selectAndCopy(button, code) {
    var range = document.createRange();
    range.selectNodeContents(code);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
    flash(button, copied ? "Copied" : "Selected: press Ctrl+C");
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.copy") : null;
    if (!button) { return; }
    var code = button.parentNode.querySelector("code");
    if (!code) { return; }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(code.textContent).then(function () { flash(button, "Copied"); },
                                                           function () { selectAndCopy(button, code); });
    } else {
      selectAndCopy(button, code);
    }
  });
})();
</script>
</body>
</html>

"""#
}
