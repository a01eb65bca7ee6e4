// Uploads are judged by their bytes: logos (PNG, JPEG, WebP, plain SVG) and fonts (WOFF2,
// WOFF, TrueType), size-capped; SVG with scripts, handlers or outside references refused.
import { describe, expect, it } from 'vitest';
import { checkAsset, decodeBase64, svgProblem } from '../../server/branding/theme-assets';
import { ValidationError } from '../../server/errors';

const bytes = (...values: (number | string)[]) =>
  Buffer.concat(
    values.map((value) => (typeof value === 'string' ? Buffer.from(value, 'latin1') : Buffer.from([value]))),
  );

const messageOf = (run: () => unknown) => {
  try {
    run();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).fields?.[0];
  }
};

describe('checkAsset', () => {
  it('recognizes logo formats by magic bytes', () => {
    expect(checkAsset('logo', bytes(0x89, 'PNG\r\n\x1a\n', 'rest'))).toBe('image/png');
    expect(checkAsset('logo', bytes(0xff, 0xd8, 0xff, 0xe0, 'rest'))).toBe('image/jpeg');
    expect(checkAsset('logo', bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 '))).toBe('image/webp');
    expect(
      checkAsset(
        'logo',
        Buffer.from('<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg"/>'),
      ),
    ).toBe('image/svg+xml');
  });

  it('recognizes font formats by magic bytes', () => {
    expect(checkAsset('font', bytes('wOF2', 0, 0))).toBe('font/woff2');
    expect(checkAsset('font', bytes('wOFF', 0, 0))).toBe('font/woff');
    expect(checkAsset('font', bytes(0, 1, 0, 0, 0, 0))).toBe('font/ttf');
  });

  it('refuses other types, a font as a logo, empty and oversized files, naming `data`', () => {
    expect(messageOf(() => checkAsset('logo', Buffer.from('GIF89a....')))).toEqual({
      path: 'data',
      message: 'is not a PNG, JPEG, WebP or SVG file',
    });
    expect(messageOf(() => checkAsset('logo', bytes('wOF2', 0)))?.message).toContain('is not a PNG');
    expect(messageOf(() => checkAsset('font', bytes(0x89, 'PNG\r\n\x1a\n')))?.message).toContain('is not a WOFF2');
    expect(messageOf(() => checkAsset('logo', Buffer.alloc(0)))?.message).toBe('is empty');
    expect(
      messageOf(() => checkAsset('logo', Buffer.concat([bytes(0x89, 'PNG\r\n\x1a\n'), Buffer.alloc(256 * 1024)])))
        ?.message,
    ).toContain('at most 256 KiB');
  });

  it('decodes strict base64 only', () => {
    expect(decodeBase64('aGk=').toString()).toBe('hi');
    expect(messageOf(() => decodeBase64('not base64!'))).toEqual({ path: 'data', message: 'must be base64' });
  });
});

describe('svgProblem', () => {
  const ns = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';
  it.each([
    [`<svg ${ns}><script>alert(1)</script></svg>`, 'must not contain <script>'],
    [`<svg ${ns}><foreignObject><div/></foreignObject></svg>`, 'must not contain <foreignobject>'],
    [`<svg ${ns} onload="alert(1)"/>`, 'event handlers'],
    [`<svg ${ns}><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>`, 'outside the file'],
    [`<svg ${ns}><image href="https://evil.example/p.png"/></svg>`, 'outside the file'],
    [`<svg ${ns}><rect style="fill: url(https://evil.example/p.svg#x)"/></svg>`, 'must not load anything'],
    [`<svg ${ns}><style>@import url(x.css);</style></svg>`, 'must not import'],
    [`<!DOCTYPE svg [<!ENTITY x "y">]><svg ${ns}>&x;</svg>`, 'must not declare entities'],
    [`<html ${ns}/>`, 'must have <svg> as its root element'],
    [`<svg ${ns}><rect></svg>`, 'is not well-formed XML'],
  ])('refuses %s', (svg, message) => {
    expect(svgProblem(svg)).toContain(message);
  });

  it('accepts a plain drawing with internal references', () => {
    expect(
      svgProblem(
        `<svg ${ns} viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0" stop-color="#f00"/></linearGradient></defs>` +
          `<rect width="10" height="10" fill="url(#g)"/><use href="#g"/></svg>`,
      ),
    ).toBeUndefined();
  });
});
