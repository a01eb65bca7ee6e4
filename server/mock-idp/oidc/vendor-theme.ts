/**
 * The look and wording of each vendor's sign-in page, for the persona picker: colours,
 * type and phrases ("Pick an account", "Sign On"), never logos. Every page also says
 * plainly that it is a MOCK (security.md #19).
 */
import type { VendorPreset } from '../../model/federation';

export interface VendorTheme {
  /** Shown in text where the vendor puts its logo. */
  brand: string;
  heading: string;
  /** `{app}` is replaced by the connection's name. */
  subheading: string;
  continueLabel: string;
  cancelLabel: string;
  footer: string;
}

export const VENDOR_THEMES: Record<VendorPreset, VendorTheme> = {
  okta: {
    brand: 'Okta',
    heading: 'Sign In',
    subheading: 'Choose who signs in to {app}',
    continueLabel: 'Sign in',
    cancelLabel: 'Back to sign in',
    footer: 'Mock Okta org, hosted by Orgbench',
  },
  entra: {
    brand: 'Microsoft',
    heading: 'Pick an account',
    subheading: 'to continue to {app}',
    continueLabel: 'Sign in',
    cancelLabel: 'Cancel',
    footer: 'Mock Microsoft Entra ID tenant, hosted by Orgbench',
  },
  ping: {
    brand: 'PingOne',
    heading: 'Sign On',
    subheading: 'Select a user to sign on to {app}',
    continueLabel: 'Sign On',
    cancelLabel: 'Cancel',
    footer: 'Mock PingOne environment, hosted by Orgbench',
  },
  google: {
    brand: 'Google',
    heading: 'Choose an account',
    subheading: 'to continue to {app}',
    continueLabel: 'Continue',
    cancelLabel: 'Cancel',
    footer: 'Mock Google Workspace domain, hosted by Orgbench',
  },
  secureauth: {
    brand: 'SecureAuth',
    heading: 'Log in',
    subheading: 'Choose an identity to log in to {app}',
    continueLabel: 'Log in',
    cancelLabel: 'Cancel',
    footer: 'Mock SecureAuth workspace, hosted by Orgbench',
  },
  generic: {
    brand: 'Identity provider',
    heading: 'Sign in',
    subheading: 'Choose a persona to sign in to {app}',
    continueLabel: 'Continue',
    cancelLabel: 'Cancel',
    footer: 'Mock OIDC identity provider, hosted by Orgbench',
  },
};

interface Palette {
  page: string;
  card: string;
  text: string;
  muted: string;
  accent: string;
  accentText: string;
  border: string;
  radius: string;
  buttonRadius: string;
  font: string;
  width: string;
  bar: string;
}

const PALETTES: Record<VendorPreset, Palette> = {
  okta: {
    page: '#f4f4f4',
    card: '#ffffff',
    text: '#1d1d21',
    muted: '#6e6e78',
    accent: '#1662dd',
    accentText: '#ffffff',
    border: '#d7d7dc',
    radius: '6px',
    buttonRadius: '6px',
    font: "'Public Sans', 'Helvetica Neue', Arial, sans-serif",
    width: '400px',
    bar: '#1662dd',
  },
  entra: {
    page: '#f2f2f2',
    card: '#ffffff',
    text: '#1b1b1b',
    muted: '#605e5c',
    accent: '#0067b8',
    accentText: '#ffffff',
    border: '#8a8886',
    radius: '0',
    buttonRadius: '0',
    font: "'Segoe UI', 'Helvetica Neue', Arial, sans-serif",
    width: '440px',
    bar: 'transparent',
  },
  ping: {
    page: '#eef1f5',
    card: '#ffffff',
    text: '#253746',
    muted: '#68747f',
    accent: '#b3282d',
    accentText: '#ffffff',
    border: '#cfd6dd',
    radius: '4px',
    buttonRadius: '20px',
    font: "'Helvetica Neue', Helvetica, Arial, sans-serif",
    width: '420px',
    bar: '#b3282d',
  },
  google: {
    page: '#f0f4f9',
    card: '#ffffff',
    text: '#1f1f1f',
    muted: '#444746',
    accent: '#0b57d0',
    accentText: '#ffffff',
    border: '#c4c7c5',
    radius: '28px',
    buttonRadius: '20px',
    font: "'Google Sans', Roboto, Arial, sans-serif",
    width: '450px',
    bar: 'transparent',
  },
  secureauth: {
    page: '#1b2a4a',
    card: '#ffffff',
    text: '#1b2a4a',
    muted: '#5b6780',
    accent: '#f05a28',
    accentText: '#ffffff',
    border: '#d3d8e2',
    radius: '10px',
    buttonRadius: '6px',
    font: "'Open Sans', 'Helvetica Neue', Arial, sans-serif",
    width: '420px',
    bar: '#f05a28',
  },
  generic: {
    page: '#f6f7fb',
    card: '#ffffff',
    text: '#1c2033',
    muted: '#646b82',
    accent: '#4f46e5',
    accentText: '#ffffff',
    border: '#e2e5ee',
    radius: '14px',
    buttonRadius: '8px',
    font: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    width: '420px',
    bar: 'transparent',
  },
};

/** The stylesheet of a preset's pages (served from the mock, since the CSP allows no inline styles). */
export function vendorCss(preset: VendorPreset): string {
  const p = PALETTES[preset];
  return `
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; align-items: center; justify-content: center;
  gap: 14px; padding: 24px; background: ${p.page}; color: ${p.text}; font: 15px/1.45 ${p.font}; }
.idp-card { width: min(${p.width}, 100%); background: ${p.card}; border-radius: ${p.radius}; padding: 32px 36px;
  box-shadow: 0 2px 6px rgb(0 0 0 / 20%); border-top: 4px solid ${p.bar}; display: flex; flex-direction: column; gap: 14px; }
.idp-brand { display: flex; justify-content: space-between; align-items: center; font-weight: 600; font-size: 17px; color: ${p.muted}; }
.mock-badge { font-size: 11px; font-weight: 700; letter-spacing: .06em; padding: 2px 8px; border-radius: 999px;
  background: #fff4ce; color: #7a5b00; border: 1px solid #e8cf7a; }
h1 { margin: 0; font-size: 24px; font-weight: 600; }
.idp-sub, .idp-muted, footer { color: ${p.muted}; font-size: 13px; margin: 0; }
.idp-error { padding: 10px 12px; border-radius: 4px; background: #fde7e9; color: #a4262c; font-size: 14px; margin: 0; }
form { display: flex; flex-direction: column; gap: 10px; margin: 0; }
.personas { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.persona { border: 1px solid ${p.border}; border-radius: ${p.radius === '0' ? '0' : '10px'}; padding: 12px; display: flex; flex-direction: column; gap: 8px; }
.persona-head { display: flex; gap: 12px; align-items: center; }
.avatar { width: 36px; height: 36px; border-radius: 50%; background: ${p.accent}; color: ${p.accentText}; display: inline-flex;
  align-items: center; justify-content: center; font-weight: 600; font-size: 14px; flex: none; }
.persona-who { display: flex; flex-direction: column; min-width: 0; }
.persona-who span { color: ${p.muted}; font-size: 13px; overflow-wrap: anywhere; }
.persona-claims { font: 12px/1.4 ui-monospace, Menlo, Consolas, monospace; color: ${p.muted}; overflow-wrap: anywhere; margin: 0; }
details summary { cursor: pointer; color: ${p.accent}; font-size: 13px; }
details[open] summary { margin-bottom: 8px; }
label { display: flex; flex-direction: column; gap: 4px; font-size: 12px; font-weight: 600; color: ${p.muted}; margin-bottom: 6px; }
input { font: inherit; font-weight: 400; padding: 7px 9px; border: 1px solid ${p.border}; border-radius: ${p.radius === '0' ? '0' : '4px'}; color: ${p.text}; }
button { font: inherit; font-weight: 600; padding: 8px 16px; border-radius: ${p.buttonRadius}; border: 1px solid ${p.accent};
  background: ${p.accent}; color: ${p.accentText}; cursor: pointer; align-self: flex-end; }
button.secondary { background: transparent; color: ${p.accent}; border-color: ${p.border}; align-self: flex-start; }
button:focus-visible, input:focus, summary:focus-visible { outline: 2px solid ${p.accent}; outline-offset: 2px; }
footer { color: ${preset === 'secureauth' ? '#c9d1e3' : p.muted}; }
`;
}
