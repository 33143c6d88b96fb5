import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { MATERIAL_FORMS, MATERIAL_FORM_LABELS, type MaterialForm, type ServiceItem, type ServiceItemDraftInput } from '@shared/domain/catalog';
import type { FieldIssue } from '@shared/domain/errors';
import ConfirmDialog from '../../components/confirm-dialog';
import { ChoiceChips } from '../../components/date-chips';
import Field from '../../components/field';
import LabelledInput, { LabelledTextarea } from '../../components/labelled-input';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import Tap, { TapButton } from '../../components/tap';
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
  /** The material whose 删除此项材料 waits for its confirmation. */
  const [removing, setRemoving] = useState<number | null>(null);

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
        <StateView loading={existing.loading} error={existing.error} onRetry={existing.reload} next={existing.next} />
      </PageShell>
    );
  }

  const windows = home.data?.windows ?? [];
  // Each input carries its field's label (issue 11: the label tied to the input, not only shown above it).
  const text = (k: 'code' | 'name' | 'fees' | 'forwardedTo' | 'consultPhone' | 'promisedDays' | 'keywords', placeholder: string, label: string) => (
    <LabelledInput label={label} value={form[k]} placeholder={placeholder} onInput={(e) => set(k, e.detail.value)} />
  );
  const area = (k: 'policyBasis' | 'conditions' | 'steps', placeholder: string, label: string) => (
    <LabelledTextarea label={label} value={form[k]} placeholder={placeholder} maxlength={-1} onInput={(e) => set(k, e.detail.value)} />
  );
  /** A yes/no of the item as a checkbox with its words and state (instead of a switch with no name). */
  const toggle = (k: 'doorToDoor' | 'forwarded', label: string) => (
    <Tap role="checkbox" checked={form[k]} className={`choice${form[k] ? ' choice--on' : ''}`} onTap={() => set(k, !form[k])}>
      {form[k] ? '☑ ' : '☐ '}
      {label}:{form[k] ? '是' : '否'}
    </Tap>
  );

  return (
    <PageShell>
      <Section title={id ? '修改事项' : '新增事项'}>
        <Field label="事项编码" hint="如 MZ-006" errors={errs('draft.code')}>{text('code', '请输入事项编码', '事项编码')}</Field>
        <Field label="事项名称" errors={errs('draft.name')}>{text('name', '请输入事项名称', '事项名称')}</Field>
        <Field label="办理窗口" errors={errs('draft.windowId')}>
          <ChoiceChips label="办理窗口" options={windows.map((w) => ({ value: w.id, label: w.name }))} value={form.windowId || null} onChange={(v) => set('windowId', v)} />
        </Field>
        <Field label="搜索关键词" hint="群众常说的叫法,用逗号分开" errors={errs('draft.keywords')}>{text('keywords', '如:低保,困难补助', '搜索关键词')}</Field>
        <Field label="政策依据" hint="每行一条" errors={errs('draft.policyBasis')}>{area('policyBasis', '如:《社会救助暂行办法》', '政策依据')}</Field>
        <Field label="申报条件" hint="每行一条" errors={errs('draft.conditions')}>{area('conditions', '请逐条写明申报条件', '申报条件')}</Field>
        <Field label="办事程序" hint="每行一步" errors={errs('draft.steps')}>{area('steps', '如:申请人到窗口提交材料', '办事程序')}</Field>
        <Field label="承诺期限(工作日)" hint="当场办结的即办件请填0" errors={errs('draft.promisedDays')}>{text('promisedDays', '如:10', '承诺期限(工作日)')}</Field>
        <Field label="收费标准" errors={errs('draft.fees')}>{text('fees', '不收费请填写“不收费”', '收费标准')}</Field>
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
              <LabelledInput label={`材料${i + 1}名称`} value={m.name} placeholder="如:户口簿" onInput={(e) => setMaterial(i, { name: e.detail.value })} />
            </Field>
            <Field label="原件或复印件" errors={errs(`draft.materials.${i}.form`)}>
              <ChoiceChips label={`材料${i + 1}:原件或复印件`} options={MATERIAL_FORMS.map((f) => ({ value: f, label: MATERIAL_FORM_LABELS[f] }))} value={m.form} onChange={(f) => setMaterial(i, { form: f })} />
            </Field>
            <Field label="份数" errors={errs(`draft.materials.${i}.count`)}>
              <LabelledInput label={`材料${i + 1}:份数`} type="number" value={m.count} onInput={(e) => setMaterial(i, { count: e.detail.value })} />
            </Field>
            <Field label="说明" errors={errs(`draft.materials.${i}.notes`)}>
              <LabelledInput label={`材料${i + 1}:说明`} value={m.notes} placeholder="如:申请人及家庭成员的户口簿" onInput={(e) => setMaterial(i, { notes: e.detail.value })} />
            </Field>
            <Field label="样表" errors={errs(`draft.materials.${i}.sample`)}>
              <LabelledInput label={`材料${i + 1}:样表`} value={m.sample} placeholder="如:窗口领取,或无需填写" onInput={(e) => setMaterial(i, { sample: e.detail.value })} />
            </Field>
            {/* Asks first (issue 11): it deleted at once. */}
            <TapButton type="danger" label={`删除此项材料:材料${i + 1}${m.name ? ` ${m.name}` : ''}`} onTap={() => setRemoving(i)}>
              删除此项材料
            </TapButton>
          </View>
        ))}
        <TapButton onTap={() => setForm((f) => ({ ...f, materials: [...f.materials, EMPTY_MATERIAL] }))}>添加一项材料</TapButton>
      </Section>

      <Section title="服务方式">
        {toggle('doorToDoor', '可申请上门服务')}
        {toggle('forwarded', '转报件(报上级部门审批)')}
        {form.forwarded && <Field label="报送的上级部门" errors={errs('draft.forwardedTo')}>{text('forwardedTo', '如:县残疾人联合会', '报送的上级部门')}</Field>}
        <Field label="咨询电话(不填则显示窗口电话)" errors={errs('draft.consultPhone')}>{text('consultPhone', '', '咨询电话(不填则显示窗口电话)')}</Field>
      </Section>

      {message && <View className="card error">{message}</View>}
      <TapButton type="primary" loading={saving} onTap={() => void save()}>
        保存
      </TapButton>
      {removing !== null && form.materials[removing] && (
        <ConfirmDialog
          title={`确定删除材料${removing + 1}?`}
          act="确定删除此项材料"
          message={`${form.materials[removing]?.name || '(未填写名称)'}将从本事项的材料清单中删除;保存后群众看到的清单随之更新。`}
          busy={false}
          onConfirm={() => {
            const i = removing;
            setForm((f) => ({ ...f, materials: f.materials.filter((_, j) => j !== i) }));
            setRemoving(null);
          }}
          onCancel={() => setRemoving(null)}
        />
      )}
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
