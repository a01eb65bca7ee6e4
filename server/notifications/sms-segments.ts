/**
 * How many SMS segments a text needs: GSM-7 when every character is in the GSM 03.38
 * alphabet (160 per single message, 153 per part when concatenated; the extension table
 * counts twice), otherwise UCS-2 (70, or 67 per part; characters outside the BMP count twice).
 */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';

const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);

export interface SmsLength {
  characters: number;
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
}

/** Characters (as the network counts them) and segments of one SMS text. */
export function smsLength(text: string): SmsLength {
  const chars = [...text];
  if (chars.every((char) => basic.has(char) || extended.has(char))) {
    const units = chars.reduce((sum, char) => sum + (extended.has(char) ? 2 : 1), 0);
    return { characters: units, segments: segmentsOf(units, 160, 153), encoding: 'GSM-7' };
  }
  const units = text.length; // UTF-16 code units: a surrogate pair takes two
  return { characters: units, segments: segmentsOf(units, 70, 67), encoding: 'UCS-2' };
}

function segmentsOf(units: number, single: number, part: number): number {
  if (units === 0) return 0;
  return units <= single ? 1 : Math.ceil(units / part);
}
