/** R-CAT-1..3: what makes a complete guide, table-driven. */
import {
  asksForOwnPhotocopy,
  catalogItemIssues,
  copiesNote,
  isCatchAllMaterial,
  promiseLabel,
  searchScore,
  serviceItemDraftSchema,
  type ServiceItemDraftInput,
} from '../../shared/domain/catalog';

describe('R-CAT-3 catch-all materials are refused', () => {
  test.each([
    ['其他材料', true],
    ['其它材料', true],
    ['有关材料', true],
    ['相关材料', true],
    ['相关证明', true],
    ['其他相关资料', true],
    ['其他证明材料', true],
    ['需要提供的其他材料', true],
    ['要求的材料', true],
    ['规定的其他资料', true],
    ['身份证、户口簿等材料', true],
    ['视情况提供补充证明', true],
    ['材料', true],
    ['证明', true],
    ['（其他材料）', true],
    ['其 他 材 料', true],
    // Found by the outside review (2026-11-27): reworded catch-alls that passed.
    ['其他必要的证明', true],
    ['其他有关证明', true],
    ['村委会出具的其他证明', true],
    ['其他佐证', true],
    ['其他凭证', true],
    ['有关票据', true],
    ['相关手续', true],
    ['户口簿或其他有效身份证明', false],
    ['居民身份证', false],
    ['户口簿', false],
    ['残疾人证', false],
    ['医院出具的诊断证明', false],
    ['家庭收入情况说明', false],
    ['残疾相关诊断证明', false],
    ['村委会出具的居住证明', false],
  ])('%s → catch-all: %s', (name, expected) => {
    expect(isCatchAllMaterial(name)).toBe(expected);
  });
});

describe('R-CAT-3 the window copies originals: no "original and copy"', () => {
  test.each([
    [{ name: '身份证原件及复印件', notes: '' }, true],
    [{ name: '户口簿', notes: '原件和复印件各一份' }, true],
    [{ name: '结婚证', notes: '请自带复印件' }, true],
    [{ name: '户口簿', notes: '申请人及家庭成员' }, false],
    [{ name: '住院费用结算单复印件', notes: '原件留存于医保经办机构' }, false],
  ])('%o → %s', (m, expected) => {
    expect(asksForOwnPhotocopy(m)).toBe(expected);
  });

  test('the note under a material list never contradicts a copy it asks for (outside review)', () => {
    const originals = copiesNote([{ form: 'original' }, { form: 'original' }]);
    expect(originals).toContain('由窗口现场复印留存');
    const withCopy = copiesNote([{ form: 'original' }, { form: 'copy' }]);
    expect(withCopy).not.toContain('只需带原件');
    expect(withCopy).toContain('标明“复印件”的材料');
  });
});

const complete: ServiceItemDraftInput = {
  code: 'MZ-101',
  name: '测试事项',
  windowId: 'w-1',
  policyBasis: ['《社会救助暂行办法》'],
  conditions: ['本镇户籍居民'],
  steps: ['申请', '受理', '审核'],
  promisedDays: 10,
  fees: '不收费',
  materials: [{ name: '居民身份证', form: 'original', count: 1 }],
  doorToDoor: false,
  forwarded: false,
};

describe('R-CAT-1 an item is complete or refused', () => {
  test('a complete item parses, with defaults filled', () => {
    const d = serviceItemDraftSchema.parse(complete);
    expect(d.keywords).toEqual([]);
    expect(d.materials[0]?.notes).toBe('');
  });

  test.each<[string, Partial<ServiceItemDraftInput>, string]>([
    ['no policy basis', { policyBasis: [] }, 'policyBasis'],
    ['no conditions', { conditions: [] }, 'conditions'],
    ['no steps', { steps: [] }, 'steps'],
    ['no materials', { materials: [] }, 'materials'],
    ['empty name', { name: '  ' }, 'name'],
    ['bad code', { code: 'mz1' }, 'code'],
    ['negative days', { promisedDays: -1 }, 'promisedDays'],
    ['fractional days', { promisedDays: 1.5 }, 'promisedDays'],
    ['empty fees', { fees: '' }, 'fees'],
    ['zero count', { materials: [{ name: '户口簿', form: 'original', count: 0 }] }, 'materials.0.count'],
    ['catch-all material', { materials: [{ name: '其他材料', form: 'original', count: 1 }] }, 'materials.0.name'],
    [
      'duplicate material',
      {
        materials: [
          { name: '户口簿', form: 'original', count: 1 },
          { name: '户口簿', form: 'original', count: 1 },
        ],
      },
      'materials.1.name',
    ],
    ['forwarded without authority', { forwarded: true, forwardedTo: '' }, 'forwardedTo'],
  ])('%s → issue on %s', (_label, patch, field) => {
    const r = serviceItemDraftSchema.safeParse({ ...complete, ...patch });
    expect(r.success).toBe(false);
    if (!r.success) {
      const fields = r.error.issues.map((i) => i.path.join('.'));
      expect(fields).toContain(field);
      // Every message is Chinese and tells what to do.
      for (const i of r.error.issues) expect(i.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  test('catalogItemIssues names each problem once', () => {
    const issues = catalogItemIssues({
      materials: [
        { name: '相关材料', form: 'original', count: 1, notes: '', sample: '' },
        { name: '身份证', form: 'original', count: 1, notes: '原件及复印件', sample: '' },
      ],
      forwarded: false,
      forwardedTo: '',
    });
    expect(issues.map((i) => i.field)).toEqual(['materials.0.name', 'materials.1.notes']);
  });

  test('a copy says where the original is; a copy of an original the villager holds is refused (R-CAT-3, outside review)', () => {
    const issues = catalogItemIssues({
      materials: [
        { name: '身份证复印件', form: 'copy', count: 1, notes: '', sample: '' },
        { name: '住院费用结算单', form: 'copy', count: 1, notes: '原件已用于医保报销的,请医院复印并盖章', sample: '' },
      ],
      forwarded: false,
      forwardedTo: '',
    });
    expect(issues.map((i) => i.field)).toEqual(['materials.0.notes']);
    expect(issues[0]?.message).toContain('请选择“原件”');
  });
});

describe('promise labels', () => {
  test.each([
    [0, '即办件(当场办结)'],
    [1, '1个工作日内办结'],
    [20, '20个工作日内办结'],
  ])('%d days → %s', (d, label) => expect(promiseLabel(d)).toBe(label));
});

describe('search ranks names before mentions', () => {
  const item = (name: string, extra: Partial<{ keywords: string[]; conditions: string[] }> = {}) => ({
    name,
    code: 'MZ-001',
    keywords: extra.keywords ?? [],
    conditions: extra.conditions ?? [],
    materials: [{ name: '户口簿', form: 'original' as const, count: 1, notes: '', sample: '' }],
  });
  test.each<[string, ReturnType<typeof item>, string, number]>([
    ['exact name', item('临时救助申请'), '临时救助申请', 100],
    ['name prefix', item('临时救助申请'), '临时救助', 80],
    ['name contains', item('最低生活保障申请'), '生活保障', 60],
    ['code', item('某事项'), 'mz-001', 90],
    ['keyword', item('最低生活保障申请', { keywords: ['低保'] }), '低保', 50],
    ['keyword contains', item('最低生活保障申请', { keywords: ['吃低保'] }), '低保', 40],
    ['condition', item('医保参保', { conditions: ['低保对象个人缴费由财政资助'] }), '低保', 10],
    ['material', item('医保参保'), '户口簿', 5],
    ['no match', item('医保参保'), '宅基地', 0],
    ['all terms must match', item('临时救助申请'), '临时 宅基地', 0],
    ['blank', item('临时救助申请'), '   ', 0],
  ])('%s', (_l, it, q, score) => expect(searchScore(it, q)).toBe(score));
});
