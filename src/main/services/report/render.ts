/**
 * Renders the incident document as Markdown (CommonMark + GFM tables) and as one self-contained HTML
 * page (inline CSS, a CSP that forbids scripts and remote content, printable). Every text is escaped
 * here: a hostile connector name or log line stays text in both.
 */
import type { Block, IncidentDocument, Inline } from './incident-document'

// ---------- Markdown ----------

/** Backslash-escapes every character Markdown or inline HTML could act on; newlines become spaces. */
export function markdownText(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/[\\`*_[\]<>#+|&~]/g, '\\$&')
}

/** A code span whose fence is longer than any backtick run inside; `|` escaped for table cells. */
function markdownCode(text: string, inTable: boolean): string {
  const flat = text.replace(/\r?\n|\r/g, ' ')
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const body = inTable ? flat.replace(/\|/g, '\\|') : flat
  return `${fence}${/^`|`$|^ .* $/.test(body) || longest > 0 ? ` ${body} ` : body}${fence}`
}

function markdownInline(parts: Inline[], inTable = false): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return markdownText(part)
      if ('code' in part) return markdownCode(part.code, inTable)
      if ('strong' in part) return `**${markdownText(part.strong)}**`
      return `${part.icon} **${markdownText(part.badge)}**`
    })
    .join('')
}

function markdownBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${markdownText(block.text)}`
    case 'paragraph':
      return markdownInline(block.parts)
    case 'facts':
      return ['| | |', '|---|---|', ...block.rows.map(([label, value]) => `| **${markdownText(label)}** | ${markdownInline(value, true)} |`)].join('\n')
    case 'table':
      return [
        `| ${block.head.map(markdownText).join(' | ')} |`,
        `|${block.head.map(() => '---').join('|')}|`,
        ...block.rows.map((row) => `| ${row.map((cell) => markdownInline(cell, true)).join(' | ')} |`)
      ].join('\n')
    case 'list':
      return block.items.map((item) => `- ${markdownInline(item)}`).join('\n')
    case 'quote': {
      const body = block.lines.map((line) => `${line.ref}  ${line.text.replace(/\r?\n|\r/g, ' ')}`).join('\n')
      const longest = Math.max(0, ...(body.match(/`{3,}/g) ?? []).map((run) => run.length))
      const fence = '`'.repeat(Math.max(3, longest + 1))
      return `${fence}text\n${body}\n${fence}`
    }
  }
}

export function renderMarkdown(document: IncidentDocument): string {
  return `${[`# ${markdownText(document.title)}`, `_${markdownText(document.subtitle)}_`, ...document.blocks.map(markdownBlock)].join('\n\n')}\n`
}

// ---------- HTML ----------

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

function htmlInline(parts: Inline[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return escapeHtml(part)
      if ('code' in part) return `<code>${escapeHtml(part.code)}</code>`
      if ('strong' in part) return `<strong>${escapeHtml(part.strong)}</strong>`
      return `<span class="badge ${part.tone}"><span aria-hidden="true">${part.icon}</span> ${escapeHtml(part.badge)}</span>`
    })
    .join('')
}

function htmlBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`
    case 'paragraph':
      return `<p>${htmlInline(block.parts)}</p>`
    case 'facts':
      return `<dl class="facts">${block.rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${htmlInline(value)}</dd>`).join('')}</dl>`
    case 'table':
      return `<div class="table-wrap"><table><thead><tr>${block.head.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('')}</tr></thead><tbody>${block.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${htmlInline(cell)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table></div>`
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${htmlInline(item)}</li>`).join('')}</ul>`
    case 'quote':
      return `<pre class="evidence">${block.lines.map((line) => `<span class="ref">${escapeHtml(line.ref)}</span>  ${escapeHtml(line.text)}`).join('\n')}</pre>`
  }
}

const CSS = `
:root { color-scheme: light; --text: #17202a; --muted: #4f5b69; --border: #c9d0d9; --surface: #eef1f5;
  --ok: #1b6e35; --ok-bg: #e3f4e8; --err: #b0242a; --err-bg: #fde7e8; --neutral: #4f5b69; --neutral-bg: #eef1f5; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: var(--text); background: #fff;
  max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
.subtitle { color: var(--muted); margin: 0 0 1.5rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid var(--border); padding-bottom: .25rem; margin: 2rem 0 .75rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
code, pre { font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: .86em; }
code { background: var(--surface); padding: 0 .25em; border-radius: 3px; overflow-wrap: break-word; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: .5rem 0 1rem; }
.facts dt { font-weight: 600; color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--border); padding: .35rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: var(--surface); }
.badge { display: inline-block; font-weight: 600; padding: 0 .4em; border-radius: 4px; white-space: nowrap; }
.badge.ok { color: var(--ok); background: var(--ok-bg); }
.badge.err { color: var(--err); background: var(--err-bg); }
.badge.neutral { color: var(--neutral); background: var(--neutral-bg); }
pre.evidence { background: var(--surface); border-left: 4px solid var(--border); padding: .6rem .8rem; white-space: pre-wrap;
  overflow-wrap: anywhere; margin: .25rem 0 1rem; }
pre.evidence .ref { color: var(--muted); font-weight: 600; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2, h3 { break-after: avoid; }
  tr, pre.evidence, .facts { break-inside: avoid; }
  .table-wrap { overflow: visible; }
}
`

export function renderHtml(document: IncidentDocument): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Daemon Doctor">
<title>${escapeHtml(document.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(document.title)}</h1>
<p class="subtitle">${escapeHtml(document.subtitle)}</p>
</header>
<main>
${document.blocks.map(htmlBlock).join('\n')}
</main>
<footer>Made by Daemon Doctor. Passwords are never included in this report.</footer>
</body>
</html>
`
}
