/**
 * Personal data of residents: the resident identity card number (GB 11643-1999, with its ISO
 * 7064 MOD 11-2 check digit) and phone numbers, and how they are masked (R-BOOK-4 issue notes:
 * shown whole only to the person themself and the admin, never in logs).
 */
import { isIsoDate } from './time';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '';
}

/** Null when valid; otherwise the courteous reason, with what to check. */
export function idNumberProblem(raw: string): string | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码应为18位,最后一位可以是数字或字母X,请核对后重新填写。';
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isIsoDate(birth) || birth < '1900-01-01') return '身份证号码中的出生日期不正确,请核对后重新填写。';
  if (idCheckDigit(id.slice(0, 17)) !== id[17]) return '身份证号码校验位不正确,可能有数字填错了,请对照身份证逐位核对。';
  return null;
}

export const normalizeIdNumber = (raw: string): string => raw.trim().toUpperCase();

export const isMobilePhone = (raw: string): boolean => /^1[3-9]\d{9}$/.test(raw.trim());

/** 330102199001011234 → 3301**********1234 */
export const maskIdNumber = (id: string): string => (id.length < 8 ? '*'.repeat(id.length) : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`);

/** 13812345678 → 138****5678 */
export const maskPhone = (phone: string): string => (phone.length < 7 ? '*'.repeat(phone.length) : `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`);

/** 王秀英 → 王*英, 张伟 → 张*: how an applicant is named on a printed notice. */
export const maskName = (name: string): string => {
  const chars = Array.from(name);
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
};

/**
 * Free text shown to others (a public comment, R-CAT-5): mobile phone numbers and ID numbers
 * written into it are masked like the fields, so none is published whole.
 */
export const maskNumbersInText = (text: string): string =>
  text
    // The character before a number is captured and kept, not looked behind: older iOS WeChat
    // engines reject lookbehind (test/weapp/engine-syntax.test.ts).
    .replace(/(^|[^\dXx])(\d{17}[\dXx])(?![\dXx])/g, (_m, before: string, id: string) => before + maskIdNumber(id))
    .replace(
      /(^|\D)((?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2})(?!\d)/g,
      (_m, before: string, p: string) => before + maskPhone(p.replace(/[^\d]/g, '').replace(/^86(?=1[3-9]\d{9}$)/, '')),
    );
