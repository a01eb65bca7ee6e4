/** The stylesheet of hosted pages (login, org picker, errors, sample app). */
export const HOSTED_CSS = `
:root { color-scheme: light dark; --accent: #4f46e5; --bg: #f6f7fb; --card: #fff; --text: #1c2033; --muted: #646b82;
  --border: #e2e5ee; --danger: #c2263c; --danger-bg: #fdecef; --hint-bg: #eef0ff; --on-accent: #fff; --link: var(--accent);
  --radius: 8px; --radius-card: 14px; --font: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
@media (prefers-color-scheme: dark) { :root { --bg: #0d1020; --card: #151a2e; --text: #e6e8f2; --muted: #9aa1bd;
  --border: #2a3150; --accent: #818cf8; --danger: #f2798b; --danger-bg: #3a1a24; --hint-bg: #23284a; --on-accent: #0d1020;
  --link: #a5b4fc; } }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; align-items: center; justify-content: center;
  gap: 16px; padding: 24px; font: 15px/1.5 var(--font); background: var(--bg); color: var(--text); }
.card { width: min(420px, 100%); background: var(--card); border: 1px solid var(--border); border-radius: var(--radius-card); padding: 28px;
  box-shadow: 0 1px 3px rgb(16 24 40 / 8%); display: flex; flex-direction: column; gap: 16px; }
.card.wide { width: min(860px, 100%); }
h1 { font-size: 21px; margin: 0; }
h2 { font-size: 16px; margin: 8px 0 0; }
p { margin: 0; }
.muted, .powered { color: var(--muted); font-size: 13px; }
.org { display: inline-flex; align-items: center; gap: 8px; font-weight: 600; }
.badge { display: inline-block; padding: 2px 8px; border-radius: 999px; background: var(--hint-bg); color: var(--accent); font-size: 12px; font-weight: 600; }
form { display: flex; flex-direction: column; gap: 12px; margin: 0; }
label { display: flex; flex-direction: column; gap: 6px; font-weight: 600; font-size: 13px; }
input, select { font: inherit; padding: 10px 12px; border: 1px solid var(--border); border-radius: var(--radius); background: var(--card); color: var(--text); }
input:focus, select:focus, button:focus-visible, a:focus-visible { outline: 3px solid color-mix(in srgb, var(--accent) 35%, transparent); outline-offset: 1px; }
button, .button { font: inherit; font-weight: 600; padding: 10px 14px; border-radius: var(--radius); border: 1px solid var(--accent);
  background: var(--accent); color: var(--on-accent); cursor: pointer; text-align: center; text-decoration: none; }
button.secondary, .button.secondary { background: transparent; color: var(--accent); }
.error { padding: 10px 12px; border-radius: var(--radius); background: var(--danger-bg); color: var(--danger); font-size: 14px; }
.hint { padding: 10px 12px; border-radius: var(--radius); background: var(--hint-bg); font-size: 13px; }
.hint code, code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12.5px; }
.choices { display: flex; flex-direction: column; gap: 8px; }
.choices button { display: flex; justify-content: space-between; align-items: center; background: transparent; color: var(--text);
  border: 1px solid var(--border); }
.choices button:hover { border-color: var(--accent); }
.row { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 12px; }
pre { margin: 0; padding: 12px; border-radius: 8px; background: var(--bg); border: 1px solid var(--border); overflow: auto;
  font: 12.5px/1.45 ui-monospace, Menlo, Consolas, monospace; white-space: pre-wrap; word-break: break-all; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
td, th { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--border); vertical-align: top; }
a { color: var(--link); }
a.button { color: var(--on-accent); }
a.button.secondary { color: var(--accent); }
.brand { display: flex; justify-content: center; }
.brand-logo { max-height: 48px; max-width: 220px; object-fit: contain; }
.powered { display: flex; flex-wrap: wrap; gap: 6px 16px; justify-content: center; text-align: center; }
.legal { display: flex; flex-wrap: wrap; gap: 4px 12px; justify-content: center; }
.legal a { color: var(--muted); }
`;
