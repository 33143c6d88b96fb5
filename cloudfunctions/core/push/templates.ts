/**
 * WeChat subscribe-message templates come from configuration, never code: the environment
 * variable WX_SUBSCRIBE_TEMPLATES holds JSON such as
 *   {"case": {"id": "<template id>", "fields": {"title": "thing1", "body": "thing2", "time": "time3"}}}
 * Each template's own field keys (thing1, time3 …) map our title, body and time onto it. A key
 * names its WeChat field type (thing, phrase, name, time …), and each type takes values of its
 * own shape and length, so values are formatted per type when a message is sent, and a
 * configuration that cannot carry our Chinese text is refused when it is read.
 *
 * A broken configuration never breaks a function: push is off, the reason is logged once per
 * container and shown to the office (inbox.pushStatus), and notices stay in the in-app inbox.
 */
import { z } from 'zod';
import { NOTICE_KINDS, type NoticeKind } from '../../../shared/domain/notices';

/** WeChat's subscribe-message field types (the key without its number). */
export const FIELD_TYPES = ['thing', 'phrase', 'name', 'number', 'letter', 'symbol', 'character_string', 'time', 'date', 'amount', 'phone_number', 'car_number'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

const FIELD_KEY = new RegExp(`^(${FIELD_TYPES.join('|')})(\\d{1,2})$`);

export function fieldType(key: string): FieldType | null {
  const m = FIELD_KEY.exec(key);
  return m ? (m[1] as FieldType) : null;
}

/** Types that can carry Chinese text (our titles and bodies); the others refuse Chinese. */
const TEXT_TYPES: ReadonlySet<FieldType> = new Set(['thing', 'phrase', 'name']);
const TIME_TYPES: ReadonlySet<FieldType> = new Set(['time', 'date']);

const fieldKey = (role: string, allowed: ReadonlySet<FieldType>) =>
  z.string().superRefine((key, c) => {
    const t = fieldType(key);
    if (!t) c.addIssue({ code: 'custom', message: `${role} 的字段名“${key}”不是微信模板字段(如 thing1、time3)` });
    else if (!allowed.has(t)) c.addIssue({ code: 'custom', message: `${role} 的字段“${key}”是 ${t} 类型,只能用 ${[...allowed].join('/')} 类型的字段` });
  });

const templateSchema = z
  .object({
    id: z.string().min(1, '模板 id 不能为空').max(64),
    fields: z
      .object({
        title: fieldKey('title', TEXT_TYPES),
        body: fieldKey('body', TEXT_TYPES),
        time: fieldKey('time', TIME_TYPES).optional(),
      })
      .strict(),
  })
  .strict();
export type Template = z.infer<typeof templateSchema>;
export type TemplateConfig = Partial<Record<NoticeKind, Template>>;

const configSchema = z.partialRecord(z.enum(NOTICE_KINDS), templateSchema);

export interface LoadedTemplates {
  templates: TemplateConfig;
  /** Why push is off, when the configuration is present but unusable. */
  problem: string | null;
}

/** Reads and validates WX_SUBSCRIBE_TEMPLATES; never throws. */
export function loadTemplates(env: NodeJS.ProcessEnv = process.env): LoadedTemplates {
  const raw = env.WX_SUBSCRIBE_TEMPLATES;
  if (!raw || raw.trim() === '' || raw.trim() === '{}') return { templates: {}, problem: null };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { templates: {}, problem: 'WX_SUBSCRIBE_TEMPLATES 不是有效的 JSON' };
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.map(String).join('.') ?? '';
    return { templates: {}, problem: `WX_SUBSCRIBE_TEMPLATES 配置无效${where ? `(${where})` : ''}:${first?.message ?? '格式不正确'}` };
  }
  return { templates: parsed.data, problem: null };
}

const chars = (s: string): string[] => Array.from(s);
const clip = (s: string, n: number): string => (chars(s).length > n ? `${chars(s).slice(0, n - 1).join('')}…` : s);
const clipHard = (s: string, n: number): string => chars(s).slice(0, n).join('');
const two = (n: number) => String(n).padStart(2, '0');

/** Shanghai wall-clock parts of an instant. */
function shanghaiParts(at: Date) {
  const t = new Date(at.getTime() + 8 * 3600_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), hh: two(t.getUTCHours()), mm: two(t.getUTCMinutes()) };
}

/**
 * A value shaped as WeChat takes it for the field's type: thing ≤ 20 characters, phrase ≤ 5
 * Chinese characters, name ≤ 10, time/date as "2026年11月27日 15:01", character_string ≤ 32
 * without Chinese.
 */
export function formatField(type: FieldType, value: string | Date): string {
  if (value instanceof Date) {
    const p = shanghaiParts(value);
    return `${p.y}年${p.m}月${p.d}日 ${p.hh}:${p.mm}`;
  }
  switch (type) {
    case 'thing':
      return clip(value, 20);
    case 'phrase':
      return clipHard(value.replace(/[^\u4e00-\u9fa5]/g, ''), 5) || '通知';
    case 'name':
      return clipHard(value, 10);
    case 'character_string':
    case 'letter':
    case 'symbol':
      return clipHard(value.replace(/[^\x20-\x7e]/g, ''), 32);
    case 'number':
    case 'amount':
      return clipHard(value.replace(/[^\d.]/g, ''), 32);
    case 'phone_number':
      return clipHard(value.replace(/[^\d+\-]/g, ''), 17);
    case 'car_number':
      return clipHard(value, 8);
    case 'time':
    case 'date':
      return value;
  }
}

/** The `data` of a subscribe message for one notice. */
export function messageData(template: Template, notice: { title: string; body: string; createdAt: string }): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  const put = (key: string, value: string | Date) => {
    const t = fieldType(key);
    if (t) data[key] = { value: formatField(t, value) };
  };
  put(template.fields.title, notice.title);
  put(template.fields.body, notice.body);
  if (template.fields.time) put(template.fields.time, new Date(notice.createdAt));
  return data;
}
