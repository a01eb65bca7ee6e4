/**
 * Submits a page's auto-post form (SAML POST binding) on load. Served as a file from the
 * protocol listener so hosted pages keep `script-src 'self'` and no inline script.
 */
export const AUTOPOST_PATH = '/_orgbench/autopost.js';

export const AUTOPOST_SCRIPT = `document.addEventListener('DOMContentLoaded', function () {
  var form = document.querySelector('form[data-autopost]');
  if (form) form.submit();
});
`;
