/**
 * WeChat subscribe-message templates come from configuration, never code: the environment
 * variable WX_SUBSCRIBE_TEMPLATES holds JSON such as
 *   {"case": {"id": "<template id>", "fields": {"title": "thing1", "body": "thing2", "time": "time3"}}}
 * Each template's own field keys (thing1, time3 …) map our title, body and time onto it.
 */
import { z } from 'zod';
import { NOTICE_KINDS, type NoticeKind } from '../../../shared/domain/notices';

const templateSchema = z.object({
  id: z.string().min(1),
  fields: z.object({ title: z.string().min(1), body: z.string().min(1), time: z.string().min(1).optional() }),
});
export type Template = z.infer<typeof templateSchema>;
export type TemplateConfig = Partial<Record<NoticeKind, Template>>;

const configSchema = z.record(z.enum(NOTICE_KINDS), templateSchema);

export function templatesFromEnv(env: NodeJS.ProcessEnv = process.env): TemplateConfig {
  const raw = env.WX_SUBSCRIBE_TEMPLATES;
  if (!raw) return {};
  const parsed = configSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new Error('WX_SUBSCRIBE_TEMPLATES is not valid: see cloudfunctions/core/push/templates.ts');
  return parsed.data;
}
