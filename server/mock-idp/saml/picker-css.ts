/**
 * The stylesheet of mock SAML IdP pages: one layout, a palette per vendor (colours and
 * type in the spirit of each vendor's sign-in page; no logos, no trademarks copied).
 */
export const PICKER_CSS = `
.idp { --accent: #4f46e5; --accent-text: #fff; --bg: #f4f5f8; --card: #fff; --text: #1d2130; --muted: #5f6577;
  --border: #dfe2ea; --radius: 10px; --brand-bg: transparent; --brand-text: var(--text);
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
.idp-okta { --accent: #1662dd; --bg: #f5f5f6; --radius: 6px; --brand-text: #1d1d21;
  font-family: 'Helvetica Neue', Helvetica, Arial, sans-serif; }
.idp-entra { --accent: #0067b8; --bg: #f2f2f2; --radius: 0; --muted: #605e5c; --text: #1b1b1b;
  font-family: 'Segoe UI', 'Segoe UI Web', Tahoma, Arial, sans-serif; }
.idp-ping { --accent: #b3282d; --bg: #f7f7f8; --radius: 6px; --brand-bg: #23282e; --brand-text: #fff; }
.idp-google { --accent: #1a73e8; --bg: #fff; --radius: 8px; --border: #dadce0; --muted: #5f6368; --text: #202124;
  font-family: Roboto, Arial, sans-serif; }
.idp-secureauth { --accent: #c25710; --bg: #eef1f5; --radius: 6px; --brand-bg: #1e2a3a; --brand-text: #fff; }
* { box-sizing: border-box; }
body.idp { margin: 0; min-height: 100vh; display: flex; flex-direction: column; align-items: center; gap: 18px;
  padding: 0 0 24px; background: var(--bg); color: var(--text); font-size: 15px; line-height: 1.45; }
.idp-brand { width: 100%; padding: 14px 24px; background: var(--brand-bg); color: var(--brand-text); font-weight: 700;
  display: flex; align-items: center; gap: 10px; letter-spacing: 0.2px; }
.idp-mark { width: 14px; height: 14px; border-radius: 50%; background: var(--accent); display: inline-block; }
.idp-mock { font-weight: 500; font-size: 12px; opacity: 0.75; border: 1px solid currentColor; border-radius: 999px; padding: 1px 8px; }
.idp-card { width: min(520px, calc(100% - 32px)); background: var(--card); border: 1px solid var(--border);
  border-radius: var(--radius); padding: 28px; display: flex; flex-direction: column; gap: 16px;
  box-shadow: 0 2px 6px rgb(0 0 0 / 6%); }
.idp-card h1 { margin: 0; font-size: 24px; font-weight: 600; }
.idp-lead { margin: 0; color: var(--muted); }
.idp-personas { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 10px; }
.idp-persona { border: 1px solid var(--border); border-radius: var(--radius); padding: 12px 14px; }
.idp-persona form { display: grid; grid-template-columns: 1fr auto; grid-template-areas: 'who go' 'edit edit';
  align-items: center; gap: 6px 12px; margin: 0; }
.idp-persona .idp-who { grid-area: who; }
.idp-persona details { grid-area: edit; }
.idp .idp-persona button { grid-area: go; align-self: center; }
.idp-who { display: flex; gap: 12px; align-items: center; min-width: 0; }
.idp-avatar { width: 36px; height: 36px; border-radius: 50%; background: var(--accent); color: var(--accent-text);
  display: flex; align-items: center; justify-content: center; font-weight: 700; flex: none; }
.idp-who div { min-width: 0; }
.idp-who strong { display: block; }
.idp-who div span { display: block; color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
.idp-groups { font-size: 12px; }
.idp details summary { cursor: pointer; color: var(--accent); font-size: 13px; }
.idp label { display: flex; flex-direction: column; gap: 4px; font-size: 13px; font-weight: 600; margin-top: 8px; }
.idp input { font: inherit; padding: 8px 10px; border: 1px solid var(--border); border-radius: min(var(--radius), 6px); }
.idp button { font: inherit; font-weight: 600; padding: 9px 16px; border-radius: min(var(--radius), 6px); cursor: pointer;
  border: 1px solid var(--accent); background: var(--accent); color: var(--accent-text); align-self: flex-start; }
.idp button.idp-secondary { background: transparent; color: var(--accent); }
.idp input:focus, .idp button:focus-visible, .idp summary:focus-visible { outline: 3px solid color-mix(in srgb, var(--accent) 35%, transparent); outline-offset: 1px; }
.idp-error, .idp-faults { margin: 0; }
.idp-error { padding: 10px 12px; border-radius: min(var(--radius), 6px); background: #fdecee; color: #a4262c; }
.idp-faults { padding: 10px 12px; border-radius: min(var(--radius), 6px); background: #fff4e5; color: #7a4500; font-size: 13px; }
.idp-request dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; font-size: 13px; margin: 8px 0; }
.idp-request dt { color: var(--muted); }
.idp-request dd { margin: 0; word-break: break-all; }
.idp pre { margin: 0; padding: 10px; background: var(--bg); border: 1px solid var(--border); overflow: auto;
  font: 12px/1.4 ui-monospace, Menlo, Consolas, monospace; white-space: pre-wrap; word-break: break-all; }
.idp-footer { color: var(--muted); font-size: 12px; }
`;
