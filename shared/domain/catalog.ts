/**
 * The service catalog (R-CAT-1..3): what an item must say so that a villager makes one trip.
 * Pure rules and schemas only; the store and the pages both use these.
 */
import { z } from 'zod';
import type { FieldIssue } from './errors';

const text = (max: number, label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}请不超过${max}个字`);

const textList = (label: string, maxItems: number, maxLen: number) =>
  z
    .array(text(maxLen, label), { error: `请填写${label}` })
    .min(1, `请至少填写一条${label}`)
    .max(maxItems, `${label}请不超过${maxItems}条`);

/**
 * Said once with every material list (R-CAT-3): originals are copied by the window. When the list
 * also asks for a copy — only where the original stays elsewhere, e.g. with the insurer — the note
 * says so instead of telling the villager to bring originals only (outside review, 2026-11-27).
 */
export function copiesNote(materials: ReadonlyArray<{ form: MaterialForm }>): string {
  const copies = materials.some((m) => m.form === 'copy');
  return copies
    ? '您带原件的材料,如需复印由窗口现场复印留存,无需自带复印件;标明“复印件”的材料,原件不在您手中,请按说明准备好复印件。'
    : '需要复印的材料,由窗口现场复印留存,您只需带原件,无需自带复印件。';
}

/**
 * How a material is presented. There is deliberately no "original and copy" form: copies are
 * made by the window from the original it sees (R-CAT-3), so the applicant brings either the
 * original or — only where the original stays elsewhere — a copy.
 */
export const MATERIAL_FORMS = ['original', 'copy'] as const;
export type MaterialForm = (typeof MATERIAL_FORMS)[number];
export const MATERIAL_FORM_LABELS: Record<MaterialForm, string> = {
  original: '原件',
  copy: '复印件',
};

export const materialSchema = z.object({
  name: text(60, '材料名称'),
  form: z.enum(MATERIAL_FORMS, { error: '请选择原件或复印件' }),
  count: z
    .number({ error: '请填写份数' })
    .int('份数请填写整数')
    .min(1, '份数至少为1份')
    .max(20, '份数请不超过20份'),
  notes: z.string().trim().max(200, '备注请不超过200个字').default(''),
  /** Where the sample form (样表) is available, if the material is a form to fill in. */
  sample: z.string().trim().max(200, '样表说明请不超过200个字').default(''),
});
export type Material = z.infer<typeof materialSchema>;

/**
 * Words that turn a material into a catch-all (R-CAT-3): "其他材料", "有关材料", "相关材料",
 * "其它资料", "另需提供的材料", "等材料", "要求的材料" and their kin. A named material may still
 * contain "相关" as part of a real name (e.g. "相关证明" is rejected, "残疾相关诊断证明" is not:
 * the catch-all words must qualify the noun "材料/资料/证明/文件/证件" directly).
 */
const CATCH_ALL_PATTERNS: readonly RegExp[] = [
  /^(其他|其它|有关|相关|其余|另需|另外|补充|必要|所需|需要|必需|规定|要求)(的)?(提供|提交)?(的)?(材料|资料|证明|文件|证件|证明材料|佐证材料)$/,
  /(其他|其它|有关|相关|其余)(的)?(材料|资料|证明材料|证件|文件)/,
  // "其他证明", "村委会出具的其他证明", "其他有关证明", "其他必要的证明", "有关票据", "相关手续" …
  /(其他|其它|其余)(有关|相关|必要|必需|所需)?(的)?(证明|佐证|凭证|票据|手续|证照)$/,
  /^(有关|相关|必要|必需|所需)(的)?(证明|佐证|凭证|票据|手续|证照)$/,
  /(等|等等)(相关|有关|其他)?(材料|资料|证明材料|证件|文件)$/,
  /(要求|需要|规定)(的|提供的|提交的)(其他|其它|有关|相关)?(材料|资料|证明材料|证件|文件)/,
  /^(材料|资料|证明|文件|证件|证明材料)$/,
  /(视情况|根据情况|按需|酌情)(提供|提交|补充)/,
];

export function isCatchAllMaterial(name: string): boolean {
  const compact = name.replace(/\s+/g, '').replace(/[()（）【】\[\]]/g, '');
  return CATCH_ALL_PATTERNS.some((p) => p.test(compact));
}

/** Asking for both the original and a photocopy of it contradicts R-CAT-3. */
export function asksForOwnPhotocopy(m: Pick<Material, 'name' | 'notes'>): boolean {
  const t = `${m.name}${m.notes}`.replace(/\s+/g, '');
  return /原件(及|和|与|、|并)(其)?复印件|复印件(及|和|与|、)原件|(自带|自行|另附|附)复印件/.test(t);
}

export const itemCodeSchema = z
  .string({ error: '请填写事项编码' })
  .trim()
  .regex(/^[A-Z]{2,4}-\d{3,6}$/, '事项编码格式为2-4位大写字母、短横线和3-6位数字,例如 MZ-001');

/** The editable content of a service item — everything R-CAT-1 asks for. */
const serviceItemFields = {
    code: itemCodeSchema,
    name: text(60, '事项名称'),
    windowId: text(64, '办理窗口'),
    keywords: z.array(z.string().trim().min(1).max(20)).max(20, '关键词请不超过20个').default([]),
    policyBasis: textList('政策依据', 20, 200),
    conditions: textList('申报条件', 30, 300),
    steps: textList('办事程序', 20, 200),
    promisedDays: z
      .number({ error: '请填写承诺期限' })
      .int('承诺期限请填写整数个工作日')
      .min(0, '承诺期限不能为负数;即办件请填0')
      .max(120, '承诺期限请不超过120个工作日'),
    fees: text(200, '收费标准(不收费请填写"不收费")'),
    materials: z
      .array(materialSchema, { error: '请填写申报材料' })
      .min(1, '请至少填写一项申报材料')
      .max(40, '申报材料请不超过40项'),
    doorToDoor: z.boolean({ error: '请选择是否可上门服务' }),
    forwarded: z.boolean({ error: '请选择是否为转报件' }),
    /** The higher authority a forwarded item (转报件) goes to. */
    forwardedTo: z.string().trim().max(60).default(''),
    /** Who to call with a question about this item. */
    consultPhone: z.string().trim().max(30).default(''),
};

export const serviceItemDraftSchema = z
  .object(serviceItemFields)
  .superRefine((draft, ctx) => {
    for (const issue of catalogItemIssues(draft)) {
      ctx.addIssue({ code: 'custom', path: issue.field.split('.').map(pathPart), message: issue.message });
    }
  });
export type ServiceItemDraft = z.infer<typeof serviceItemDraftSchema>;
export type ServiceItemDraftInput = z.input<typeof serviceItemDraftSchema>;

const pathPart = (p: string): string | number => (/^\d+$/.test(p) ? Number(p) : p);

/**
 * Rules beyond field shapes (R-CAT-1, R-CAT-3). Returned as field issues so that the admin's
 * form can show each one next to its field.
 */
export function catalogItemIssues(
  draft: Pick<ServiceItemDraft, 'materials' | 'forwarded' | 'forwardedTo'>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  draft.materials.forEach((m, i) => {
    if (isCatchAllMaterial(m.name)) {
      issues.push({
        field: `materials.${i}.name`,
        message: `"${m.name}"属于兜底性表述,按一次性告知要求不能使用,请写明具体材料名称。`,
      });
    }
    if ((m.form === 'copy' || m.name.includes('复印件')) && !m.notes.includes('原件')) {
      issues.push({
        field: `materials.${i}.notes`,
        message: '请在备注中写明原件在哪里、为什么不能带来(如原件已交保险公司);原件在群众手中的,由窗口现场复印,请选择“原件”。',
      });
    }
    if (asksForOwnPhotocopy(m)) {
      issues.push({
        field: `materials.${i}.notes`,
        message: '原件由窗口现场复印留存,请不要要求群众另带复印件。',
      });
    }
    const key = m.name.replace(/\s+/g, '');
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({ field: `materials.${i}.name`, message: `材料"${m.name}"与第${first + 1}项重复,请合并。` });
    } else {
      seen.set(key, i);
    }
  });
  if (draft.forwarded && draft.forwardedTo.trim() === '') {
    issues.push({ field: 'forwardedTo', message: '转报件请填写报送的上级部门。' });
  }
  return issues;
}

export const serviceItemSchema = z.object({
  id: z.string(),
  centerId: z.string(),
  ...serviceItemFields,
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type ServiceItem = z.infer<typeof serviceItemSchema>;

export const itemSummarySchema = serviceItemSchema.pick({
  id: true,
  code: true,
  name: true,
  windowId: true,
  promisedDays: true,
  fees: true,
  doorToDoor: true,
  forwarded: true,
});
export type ItemSummary = z.infer<typeof itemSummarySchema>;

export const toSummary = (i: ServiceItem): ItemSummary => ({
  id: i.id,
  code: i.code,
  name: i.name,
  windowId: i.windowId,
  promisedDays: i.promisedDays,
  fees: i.fees,
  doorToDoor: i.doorToDoor,
  forwarded: i.forwarded,
});

/** "即办件" for 0 days, otherwise the promise in working days (R-CAT-1). */
export const promiseLabel = (days: number): string => (days === 0 ? '即办件(当场办结)' : `${days}个工作日内办结`);

/**
 * Search by name, code or keyword. Scores exact and prefix name matches first so that a
 * villager typing "低保" sees 最低生活保障 before items that only mention it in a condition.
 */
export function searchScore(
  item: Pick<ServiceItem, 'name' | 'code' | 'keywords' | 'conditions' | 'materials'>,
  query: string,
): number {
  const terms = query
    .toLowerCase()
    .split(/[\s,,、]+/)
    .filter((t) => t.length > 0);
  if (terms.length === 0) return 0;
  let total = 0;
  for (const t of terms) {
    const name = item.name.toLowerCase();
    let s = 0;
    if (name === t) s = 100;
    else if (name.startsWith(t)) s = 80;
    else if (name.includes(t)) s = 60;
    else if (item.code.toLowerCase() === t) s = 90;
    else if (item.keywords.some((k) => k.toLowerCase() === t)) s = 50;
    else if (item.keywords.some((k) => k.toLowerCase().includes(t) || t.includes(k.toLowerCase()))) s = 40;
    else if (item.conditions.some((c) => c.includes(t))) s = 10;
    else if (item.materials.some((m) => m.name.includes(t))) s = 5;
    if (s === 0) return 0; // every term must match somewhere
    total += s;
  }
  return total;
}
