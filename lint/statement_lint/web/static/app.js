// statement-lint's page. Every file is sent to this server only, one request each; results
// are built as DOM nodes (never as HTML), so nothing in a statement can run as code.
"use strict";

const $ = (id) => document.getElementById(id);
let rules = {};

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) node.append(child);
  return node;
}

async function loadRules() {
  const response = await fetch("/api/rules");
  rules = await response.json();
}

// Lines and columns count characters (code points), as the linter does.
function offsets(characters) {
  const starts = [0];
  characters.forEach((c, i) => { if (c === "\n") starts.push(i + 1); });
  return starts;
}

function spanOf(d, starts) {
  if (d.line === 1 && d.column === 1 && d.end_line === 1 && d.end_column === 1) return null;
  const start = starts[d.line - 1] + d.column - 1;
  const end = starts[d.end_line - 1] + d.end_column - 1;
  return end > start ? [start, end] : [start, start + 1];
}

function place(d) {
  const where = [d.page && `page ${d.page}`, d.part, d.table && `table ${d.table}, row ${d.row}`]
    .filter(Boolean).join(", ");
  return where ? `line ${d.line} (${where})` : `line ${d.line}, column ${d.column}`;
}

function messageItem(d, number) {
  const rule = rules[d.code] || {};
  const item = element("li", { id: `slip-${number}`, class: `severity-${d.severity}` },
    element("span", { class: "code", text: d.code }), " ",
    element("span", { text: d.message }), " ",
    element("span", { class: "place", text: place(d) }));
  if (d.fix) item.append(element("div", { text: `Fix: ${d.fix.message}` }));
  if (d.suggestion) {
    item.append(element("div", { text: "The paragraph for the countries listed:" }),
      element("pre", { class: "statement", text: d.suggestion }));
  }
  if (rule.doc) {
    item.append(element("details", {},
      element("summary", { text: `${d.code} ${rule.name}: ${rule.summary}` }),
      element("pre", { text: rule.doc })));
  }
  return item;
}

function highlighted(text, diagnostics) {
  const characters = Array.from(text);
  const starts = offsets(characters);
  const spans = [];
  diagnostics.forEach((d, i) => {
    const span = spanOf(d, starts);
    if (span) spans.push({ start: span[0], end: Math.min(span[1], characters.length), i, d });
  });
  const cuts = new Set([0, characters.length]);
  spans.forEach((s) => { cuts.add(s.start); cuts.add(s.end); });
  const points = [...cuts].filter((p) => p <= characters.length).sort((a, b) => a - b);
  const pre = element("pre", { class: "statement", tabindex: "0" });
  for (let k = 0; k < points.length - 1; k += 1) {
    const [a, b] = [points[k], points[k + 1]];
    const piece = characters.slice(a, b).join("");
    const covering = spans.filter((s) => s.start <= a && b <= s.end);
    if (!covering.length) { pre.append(piece); continue; }
    const error = covering.some((s) => s.d.severity === "error");
    const mark = element("mark", {
      class: error ? "error" : "warning",
      title: covering.map((s) => `${s.d.code} ${s.d.message}`).join("\n"),
      "aria-describedby": covering.map((s) => `slip-${s.i}`).join(" "),
    });
    mark.textContent = piece;
    pre.append(mark);
  }
  return pre;
}

async function download(file, endpoint, ending, status) {
  status.textContent = "Preparing the file…";
  const response = await fetch(`${endpoint}?name=${encodeURIComponent(file.name)}`,
    { method: "POST", body: file });
  if (!response.ok) {
    status.textContent = (await response.json()).error || "The file could not be made.";
    return;
  }
  const url = URL.createObjectURL(await response.blob());
  const link = element("a", { href: url, download: file.name.replace(/\.docx$/i, `.${ending}.docx`) });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  status.textContent = "Downloaded.";
}

function render(file, result) {
  const card = element("article", { class: "result", "aria-label": result.name },
    element("h3", { text: result.name }));
  const diagnostics = result.diagnostics;
  const verdict = diagnostics.length
    ? `${diagnostics.length} slip${diagnostics.length === 1 ? "" : "s"} found`
    : "No slips found: this statement is clean.";
  card.append(element("p", { class: `verdict ${diagnostics.length ? "slips" : "clean"}`,
    text: verdict }));
  if (file && /\.docx$/i.test(file.name) && diagnostics.length) {
    const status = element("span", { class: "status", role: "status" });
    const fix = element("button", { type: "button", class: "secondary",
      text: "Download with fixes as tracked changes" });
    const review = element("button", { type: "button", class: "secondary",
      text: "Download with review comments" });
    fix.addEventListener("click", () => download(file, "/api/fix", "fixed", status));
    review.addEventListener("click", () => download(file, "/api/review", "reviewed", status));
    card.append(element("div", { class: "downloads" }, fix, review, status));
  }
  const characters = Array.from(result.text || "");
  const starts = offsets(characters);
  const unplaced = diagnostics.filter((d) => !spanOf(d, starts) || result.text === null);
  if (unplaced.length) {
    card.append(element("div", { class: "unplaced" },
      element("strong", { text: "Not tied to a place in the text:" }),
      element("ul", {}, ...unplaced.map((d) =>
        element("li", { text: `${d.code} ${d.message}` })))));
  }
  const list = element("ol", { class: "messages" }, ...diagnostics.map(messageItem));
  if (result.text !== null) {
    card.append(element("div", { class: "columns" },
      highlighted(result.text, diagnostics), diagnostics.length ? list : element("div")));
  } else if (diagnostics.length) {
    card.append(list);
  }
  $("results").prepend(card);
}

async function check(name, body, file) {
  $("status").textContent = `Checking ${name}…`;
  const response = await fetch(`/api/check?name=${encodeURIComponent(name)}`,
    { method: "POST", body });
  const result = await response.json();
  if (!response.ok) {
    $("status").textContent = result.error || `${name} could not be checked.`;
    return;
  }
  render(file, result);
  $("status").textContent = `Checked ${name}.`;
}

async function checkFiles(files) {
  for (const file of files) await check(file.name, file, file);
}

async function loadCountries() {
  const date = $("align-date").value;
  const response = await fetch(`/api/countries?date=${encodeURIComponent(date)}`);
  const answer = await response.json();
  const box = $("align-countries");
  box.replaceChildren(element("legend", { text: "Countries that align" }));
  for (const country of answer.countries) {
    const input = element("input", { type: "checkbox", value: country.id,
      id: `country-${country.id}` });
    box.append(element("label", { for: `country-${country.id}` }, input,
      element("span", { text: country.name }),
      element("span", { class: "slot", text: country.slot.replaceAll("-", " ") })));
  }
}

async function writeParagraph() {
  const countries = [...document.querySelectorAll("#align-countries input:checked")]
    .map((input) => input.value);
  $("align-error").textContent = "";
  const response = await fetch("/api/align", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ date: $("align-date").value, countries }),
  });
  const answer = await response.json();
  if (!response.ok) {
    $("align-error").textContent = answer.error;
    $("align-output").value = "";
    return;
  }
  $("align-output").value = answer.paragraph + (answer.footnote ? `\n${answer.footnote}` : "");
}

async function copyParagraph() {
  const text = $("align-output").value;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    $("align-output").select();
    document.execCommand("copy");
  }
  $("align-copied").textContent = "Copied.";
}

document.addEventListener("DOMContentLoaded", () => {
  loadRules();
  loadCountries();
  const drop = $("drop");
  $("files").addEventListener("change", (event) => checkFiles([...event.target.files]));
  drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    checkFiles([...event.dataTransfer.files]);
  });
  $("check-pasted").addEventListener("click", () => {
    const text = $("pasted").value;
    if (text.trim()) check("pasted.txt", text, null);
  });
  $("align-date").addEventListener("change", loadCountries);
  $("align-write").addEventListener("click", writeParagraph);
  $("align-copy").addEventListener("click", copyParagraph);
});
