import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { petitionsContract } from '@shared/contracts/petitions';
import { COLLECTIVE_HEADCOUNT, GENDER_LABELS, GENDERS, PETITION_FORM_LABELS, PETITION_FORMS } from '@shared/domain/petitions';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import StateView from '../../components/state-view';
import { api } from '../../services/api';
import { dateLabel } from '../../services/format';
import { petitionsApi } from '../../services/fn/petitions';
import { getSession } from '../../services/session';
import { useAction } from '../../services/use-action';
import { useLoad } from '../../services/use-load';
import { collectiveDraft, emptyPetitionDraft, registerInput, type PetitionDraft } from '../rules';
import '../petition.scss';
import Tap, { TapButton } from '../../components/tap';
import LabelledInput, { LabelledTextarea } from '../../components/labelled-input';

interface Registered {
  id: string;
  number: string;
  replyDue: string;
  alerted: boolean;
}

/** One row of choices as chips (form, gender, unit). */
function Chips({ name, values, value, onPick }: { name: string; values: ReadonlyArray<{ id: string; label: string }>; value: string | null; onPick: (id: string | null) => void }) {
  return (
    <View className="day-tabs">
      {values.map((v) => (
        <Tap role="radio" checked={value === v.id} label={`${name}:${v.label}`} onTap={() => onPick(value === v.id && name === '涉及的单位' ? null : v.id)} key={v.id} className={`day-tab${value === v.id ? ' day-tab--on' : ''}`}>
          {v.label}
        </Tap>
      ))}
    </View>
  );
}

/**
 * 登记信访 (R-PET-1, R-PET-2): staff at any window (first-ask), the office or a leader record a
 * visit, letter, call or online petition with the facts the rules list — no more; political
 * status only when offered. Five or more people make it a 集体访: the leaders are alerted at
 * once, as for an urgent one. A refused submit marks every field named (by the contract here,
 * or the server), keeping everything typed; a registered petition opens for those who may see it.
 */
function NewPetition() {
  const role = getSession()?.user.role;
  const windows = useLoad(async () => (await api.center.windows({})).windows, 'windows');
  const [d, setD] = useState<PetitionDraft>(emptyPetitionDraft);
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState<Registered | null>(null);
  const act = useAction();
  const set = (p: Partial<PetitionDraft>) => setD((x) => ({ ...x, ...p }));

  const checked = petitionsContract.register.input.safeParse(registerInput(d));
  const missing = tried && !checked.success ? checked.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })) : [];
  const errs = (field: string): string[] => [...new Set([...missing.filter((i) => i.field === field).map((i) => i.message), ...act.errs(field)])];
  const collective = collectiveDraft(d);

  const submit = async () => {
    setTried(true);
    if (!checked.success) {
      act.setMessage(null);
      return;
    }
    await act.run(async () => {
      const out = await petitionsApi.register(checked.data);
      const p = out.petition;
      const r = { id: p.id, number: p.number, replyDue: p.replyDue, alerted: p.collective || p.urgent };
      // The office and leaders handle it from its page; a clerk sees it there once it is their unit's.
      if (role === 'office' || role === 'leader') void Taro.redirectTo({ url: `/petition/detail/index?id=${encodeURIComponent(p.id)}` });
      else setDone(r);
    });
  };

  if (done) {
    return (
      <PageShell>
        <View className="card">
          <View className="hero">信访已登记,谢谢</View>
          <View className="muted">信访件编号</View>
          <View className="title">{done.number}</View>
          <View className="para">答复期限:{dateLabel(done.replyDue)}前</View>
          <View className="para">已送中心管理办公室交办{done.alerted ? ',并已立即通知中心领导和值班领导' : ''}。请将编号告知信访人,凭编号可拨打中心电话查询。</View>
          <View className="muted para">信访人的个人信息只有中心管理办公室、领导和承办人能看到;交由本窗口办理后,您可在“信访登记簿”中看到此件。</View>
        </View>
        <View className="actions">
          <TapButton type="primary" onTap={() => { setD(emptyPetitionDraft()); setTried(false); setDone(null); }}>
            再登记一件
          </TapButton>
          <TapButton onTap={() => void Taro.redirectTo({ url: '/petition/list/index' })}>
            信访登记簿
          </TapButton>
        </View>
      </PageShell>
    );
  }

  const units = (windows.data ?? []).map((w) => ({ id: w.id, label: w.name }));
  return (
    <PageShell>
      <View className="muted para">您好,请如实记录信访人反映的情况;登记后立即送中心管理办公室交办,答复期限自动计算。</View>
      <View className="card">
        <View className="title">信访形式和信访人</View>
        <Field label="信访形式" errors={errs('form')}>
          <Chips name="信访形式" values={PETITION_FORMS.map((f) => ({ id: f, label: PETITION_FORM_LABELS[f] }))} value={d.form} onPick={(form) => set({ form })} />
        </Field>
        <Field label="姓名" errors={errs('name')}>
          <LabelledInput label="姓名" value={d.name} maxlength={20} placeholder="信访人姓名" onInput={(e) => set({ name: e.detail.value })} />
        </Field>
        <Field label="性别" errors={errs('gender')}>
          <Chips name="性别" values={GENDERS.map((g) => ({ id: g, label: GENDER_LABELS[g] }))} value={d.gender} onPick={(gender) => set({ gender })} />
        </Field>
        <Field label="年龄" errors={errs('age')}>
          <LabelledInput label="年龄" type="number" value={d.age} maxlength={3} placeholder="如:58" onInput={(e) => set({ age: e.detail.value })} />
        </Field>
        <Field label="职业" errors={errs('occupation')}>
          <LabelledInput label="职业" value={d.occupation} maxlength={30} placeholder="如:农民、个体经营、退休" onInput={(e) => set({ occupation: e.detail.value })} />
        </Field>
        <Field label="住址或工作单位" errors={errs('addressOrUnit')}>
          <LabelledInput label="住址或工作单位" value={d.addressOrUnit} maxlength={60} placeholder="如:白沙村三组" onInput={(e) => set({ addressOrUnit: e.detail.value })} />
        </Field>
        <Field label="政治面貌(可不填)" hint="信访接待制度列有此项;信访人不愿说明的,不必询问。" errors={errs('politicalStatus')}>
          <LabelledInput label="政治面貌(可不填)" value={d.politicalStatus} maxlength={20} placeholder="如:群众、中共党员" onInput={(e) => set({ politicalStatus: e.detail.value })} />
        </Field>
      </View>

      <View className="card">
        <View className="title">反映的问题</View>
        <Field label="反映的主要问题" errors={errs('mainIssue')}>
          <LabelledTextarea label="反映的主要问题" value={d.mainIssue} maxlength={1000} placeholder="请写明反映的事项、涉及的单位或人员、诉求" onInput={(e) => set({ mainIssue: e.detail.value })} />
        </Field>
        <Field label="来访人数" hint={`${COLLECTIVE_HEADCOUNT}人及以上为集体访。`} errors={errs('headcount')}>
          <LabelledInput label="来访人数" type="number" value={d.headcount} maxlength={4} onInput={(e) => set({ headcount: e.detail.value })} />
        </Field>
        {collective && <View className="pet-alert">集体访:登记后系统会立即通知中心领导、今日值班领导和涉及的单位,请同时电话报告。</View>}
        <Field label="是否紧急" errors={errs('urgent')}>
          {/* A named checkbox with its state in words (issue 11: the switch's input had no label). */}
          <Tap role="checkbox" checked={d.urgent} className={`choice${d.urgent ? ' choice--on' : ''}`} onTap={() => set({ urgent: !d.urgent })}>
            {d.urgent ? '☑ 紧急信访:是' : '☐ 紧急信访:否(一般)'}
          </Tap>
        </Field>
        {d.urgent && !collective && <View className="pet-alert">紧急信访:登记后系统会立即通知中心领导、今日值班领导和涉及的单位。</View>}
        <Field label="涉及的单位(可不选)" hint="选定后,集体访或紧急信访也会立即通知该窗口;管理办公室交办时可再选择。" errors={errs('unitId')}>
          <StateView loading={windows.loading && !windows.data} error={windows.error} onRetry={windows.reload} next={windows.next} />
          <Chips name="涉及的单位" values={units} value={d.unitId} onPick={(unitId) => set({ unitId })} />
        </Field>
      </View>

      {missing.length > 0 && <View className="card error">对不起,还有{missing.length}处需要补充或更正,请按红字提示填写后再提交,已填写的内容都保留着。</View>}
      {act.message && <View className="card error">{act.message}</View>}
      <TapButton type="primary" loading={act.busy} onTap={() => void submit()}>
        登记信访
      </TapButton>
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['staff', 'office', 'leader']} who="窗口工作人员、管理办公室和中心领导">
      <NewPetition />
    </RoleGate>
  );
}
