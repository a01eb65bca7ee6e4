/** An HTML email shown as the recipient's mail client would: sandboxed, no scripts, links open a new window. */
import { EMAIL_SANDBOX, previewDocument } from './email-frame-doc';

export function EmailPreviewFrame({ html, title, testId }: { html: string; title: string; testId: string }) {
  return (
    <iframe
      className="ntf-email-frame"
      title={title}
      sandbox={EMAIL_SANDBOX}
      referrerPolicy="no-referrer"
      srcDoc={previewDocument(html)}
      data-testid={testId}
    />
  );
}
