import { Input, Picker, Textarea, View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { AtButton, AtSwitch } from 'taro-ui';
import { MATERIAL_FORMS, MATERIAL_FORM_LABELS, type MaterialForm, type ServiceItem, type ServiceItemDraftInput } from '@shared/domain/catalog';
import type { FieldIssue } from '@shared/domain/errors';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import { api, ApiError, messageOf } from '../../services/api';
import { getSession } from '../../services/session';
import { useLoad } from '../../services/use-load';

interface MaterialForm_ {
  name: string;
  form: MaterialForm;
  count: string;
  notes: string;
  sample: string;
}

interface FormState {
  code: string;
  name: string;
  windowId: string;
  keywords: string;
  policyBasis: string;
  conditions: string;
  steps: string;
  promisedDays: string;
  fees: string;
  materials: MaterialForm_[];
  doorToDoor: boolean;
  forwarded: boolean;
  forwardedTo: string;
  consultPhone: string;
}

const EMPTY_MATERIAL: MaterialForm_ = { name: '', form: 'original', count: '1', notes: '', sample: '' };

const EMPTY: FormState = {
  code: '',
  name: '',
  windowId: '',
  keywords: '',
  policyBasis: '',
  conditions: '',
  steps: '',
  promisedDays: '',
  fees: '不收费',
  materials: [EMPTY_MATERIAL],
  doorToDoor: false,
  forwarded: false,
  forwardedTo: '',
  consultPhone: '',
};

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter((l) => l !== '');

function fromItem(i: ServiceItem): FormState {
  return {
    code: i.code,
    name: i.name,
    windowId: i.windowId,
    keywords: i.keywords.join(','),
    policyBasis: i.policyBasis.join('\n'),
    conditions: i.conditions.join('\n'),
    steps: i.steps.join('\n'),
    promisedDays: String(i.promisedDays),
    fees: i.fees,
    materials: i.materials.map((m) => ({ ...m, count: String(m.count) })),
    doorToDoor: i.doorToDoor,
    forwarded: i.forwarded,
    forwardedTo: i.forwardedTo,
    consultPhone: i.consultPhone,
  };
}

function toDraft(f: FormState): ServiceItemDraftInput {
  const days = f.promisedDays.trim() === '' ? Number.NaN : Number(f.promisedDays);
  return {
    code: f.code.trim().toUpperCase(),
    name: f.name,
    windowId: f.windowId,
    keywords: f.keywords.split(/[,,、\s]+/).filter((k) => k !== ''),
    policyBasis: lines(f.policyBasis),
    conditions: lines(f.conditions),
    steps: lines(f.steps),
    promisedDays: days,
    fees: f.fees,
    materials: f.materials.map((m) => ({ name: m.name, form: m.form, count: Number(m.count), notes: m.notes, sample: m.sample })),
    doorToDoor: f.doorToDoor,
    forwarded: f.forwarded,
    forwardedTo: f.forwardedTo,
    consultPhone: f.consultPhone,
  };
}

/** Add or edit one item of the admin's own center; the contract's rules are checked as they save. */
function ItemEdit() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : undefined;
  const session = getSession();
  const centerId = session?.user.centerId ?? '';
  const [form, setForm] = useState<FormState>(EMPTY);
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const home = useLoad(() => api.catalog.home({ centerId }), centerId);
  const existing = useLoad(async () => (id ? (await api.catalog.getItem({ itemId: id })).item : null), id ?? 'new');

  useEffect(() => {
    if (existing.data) {
      setForm(fromItem(existing.data));
      setVersion(existing.data.version);
    }
  }, [existing.data]);

  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setForm((f) => ({ ...f, [k]: v }));
  const setMaterial = (i: number, patch: Partial<MaterialForm_>) =>
    setForm((f) => ({ ...f, materials: f.materials.map((m, j) => (j === i ? { ...m, ...patch } : m)) }));
  const errs = (prefix: string) =>
    issues.filter((x) => x.field === prefix || x.field.startsWith(`${prefix}.`)).map((x) => x.message);

  const save = async () => {
    if (saving) return;
    setSaving(true);
    setMessage(null);
    setIssues([]);
    try {
      await api.catalog.saveItem({ ...(id ? { id, expectedVersion: version } : {}), draft: toDraft(form) });
      Taro.showToast({ title: '已保存,谢谢', icon: 'success' });
      setTimeout(() => Taro.navigateBack(), 600);
    } catch (e) {
      if (e instanceof ApiError) setIssues(e.fieldIssues);
      setMessage(messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  if (id && !existing.data) {
    return (
      <PageShell>
        <StateView loading={existing.loading} error={existing.error} onRetry={existing.reload} />
      </PageShell>
    );
  }

  const windows = home.data?.windows ?? [];
  const windowIndex = Math.max(0, windows.findIndex((w) => w.id === form.windowId));
  const text = (k: 'code' | 'name' | 'fees' | 'forwardedTo' | 'consultPhone' | 'promisedDays' | 'keywords', placeholder: string) => (
    <Input className="field__input" value={form[k]} placeholder={placeholder} onInput={(e) => set(k, e.detail.value)} />
  );
  const area = (k: 'policyBasis' | 'conditions' | 'steps', placeholder: string) => (
    <Textarea className="field__input field__textarea" value={form[k]} placeholder={placeholder} maxlength={-1} onInput={(e) => set(k, e.detail.value)} />
  );

  return (
    <PageShell>
      <Section title={id ? '修改事项' : '新增事项'}>
        <Field label="事项编码" hint="如 MZ-006" errors={errs('draft.code')}>{text('code', '请输入事项编码')}</Field>
        <Field label="事项名称" errors={errs('draft.name')}>{text('name', '请输入事项名称')}</Field>
        <Field label="办理窗口" errors={errs('draft.windowId')}>
          <Picker mode="selector" range={windows.map((w) => w.name)} value={windowIndex} onChange={(e) => set('windowId', windows[Number(e.detail.value)]?.id ?? '')}>
            <View className="field__input">{windows.find((w) => w.id === form.windowId)?.name ?? '请选择办理窗口'}</View>
          </Picker>
        </Field>
        <Field label="搜索关键词" hint="群众常说的叫法,用逗号分开" errors={errs('draft.keywords')}>{text('keywords', '如:低保,困难补助')}</Field>
        <Field label="政策依据" hint="每行一条" errors={errs('draft.policyBasis')}>{area('policyBasis', '如:《社会救助暂行办法》')}</Field>
        <Field label="申报条件" hint="每行一条" errors={errs('draft.conditions')}>{area('conditions', '请逐条写明申报条件')}</Field>
        <Field label="办事程序" hint="每行一步" errors={errs('draft.steps')}>{area('steps', '如:申请人到窗口提交材料')}</Field>
        <Field label="承诺期限(工作日)" hint="当场办结的即办件请填0" errors={errs('draft.promisedDays')}>{text('promisedDays', '如:10')}</Field>
        <Field label="收费标准" errors={errs('draft.fees')}>{text('fees', '不收费请填写“不收费”')}</Field>
      </Section>

      <Section title="申报材料">
        <View className="muted">请逐项写明具体材料,不能写“其他材料”“相关材料”等兜底表述;原件由窗口复印,不要求群众自带复印件。</View>
        {errs('draft.materials')
          .slice(0, 1)
          .filter(() => form.materials.length === 0)
          .map((e) => (
            <View key={e} className="field__error">{e}</View>
          ))}
        {form.materials.map((m, i) => (
          <View className="material-edit" key={i}>
            <Field label={`材料${i + 1}名称`} errors={errs(`draft.materials.${i}.name`)}>
              <Input className="field__input" value={m.name} placeholder="如:户口簿" onInput={(e) => setMaterial(i, { name: e.detail.value })} />
            </Field>
            <Field label="原件或复印件" errors={errs(`draft.materials.${i}.form`)}>
              <Picker mode="selector" range={MATERIAL_FORMS.map((f) => MATERIAL_FORM_LABELS[f])} value={MATERIAL_FORMS.indexOf(m.form)} onChange={(e) => setMaterial(i, { form: MATERIAL_FORMS[Number(e.detail.value)] ?? 'original' })}>
                <View className="field__input">{MATERIAL_FORM_LABELS[m.form]}</View>
              </Picker>
            </Field>
            <Field label="份数" errors={errs(`draft.materials.${i}.count`)}>
              <Input className="field__input" type="number" value={m.count} onInput={(e) => setMaterial(i, { count: e.detail.value })} />
            </Field>
            <Field label="说明" errors={errs(`draft.materials.${i}.notes`)}>
              <Input className="field__input" value={m.notes} placeholder="如:申请人及家庭成员的户口簿" onInput={(e) => setMaterial(i, { notes: e.detail.value })} />
            </Field>
            <Field label="样表" errors={errs(`draft.materials.${i}.sample`)}>
              <Input className="field__input" value={m.sample} placeholder="如:窗口领取,或无需填写" onInput={(e) => setMaterial(i, { sample: e.detail.value })} />
            </Field>
            <Text className="link" onClick={() => setForm((f) => ({ ...f, materials: f.materials.filter((_, j) => j !== i) }))}>
              删除此项材料
            </Text>
          </View>
        ))}
        <AtButton type="secondary" onClick={() => setForm((f) => ({ ...f, materials: [...f.materials, EMPTY_MATERIAL] }))}>
          添加一项材料
        </AtButton>
      </Section>

      <Section title="服务方式">
        <AtSwitch title="可申请上门服务" checked={form.doorToDoor} onChange={(v: boolean) => set('doorToDoor', v)} />
        <AtSwitch title="转报件(报上级部门审批)" checked={form.forwarded} onChange={(v: boolean) => set('forwarded', v)} />
        {form.forwarded && <Field label="报送的上级部门" errors={errs('draft.forwardedTo')}>{text('forwardedTo', '如:县残疾人联合会')}</Field>}
        <Field label="咨询电话(不填则显示窗口电话)" errors={errs('draft.consultPhone')}>{text('consultPhone', '')}</Field>
      </Section>

      {message && <View className="card error">{message}</View>}
      <AtButton type="primary" loading={saving} onClick={() => void save()}>
        保存
      </AtButton>
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['admin']} who="中心管理员">
      <ItemEdit />
    </RoleGate>
  );
}
