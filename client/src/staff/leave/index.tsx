import { Input, Picker, View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { AtButton } from 'taro-ui';
import { LEAVE_KINDS, LEAVE_KIND_LABELS, type LeaveKind } from '@shared/domain/cases';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import { api } from '../../services/api';
import { useAction } from '../../services/use-action';
import { dateLabel, todayInShanghai } from '../../services/format';
import { getSession } from '../../services/session';
import { useLoad } from '../../services/use-load';

/** Leave, training or trip (R-CASE-6): meanwhile the B post receives the cases and reminders. */
function LeavePage() {
  const isAdmin = getSession()?.user.role === 'admin';
  const [tick, setTick] = useState(0);
  const res = useLoad(() => api.cases.leaves({}), String(tick));
  const staff = useLoad(async () => (isAdmin ? (await api.cases.staff({})).staff : []), 'staff');
  const [who, setWho] = useState(-1);
  const [kind, setKind] = useState<LeaveKind>('leave');
  const [from, setFrom] = useState(todayInShanghai());
  const [to, setTo] = useState(todayInShanghai());
  const [note, setNote] = useState('');
  const { message, errs, run } = useAction();

  const save = async () => {
    const userId = isAdmin ? staff.data?.[who]?.id : undefined;
    if (await run(() => api.cases.addLeave({ kind, from, to, note, ...(userId ? { userId } : {}) }), '已登记。期间办件和提醒由B岗接收,回岗后自动交回。')) setTick((t) => t + 1);
  };
  const remove = async (id: string) => {
    const ok = await Taro.showModal({ title: '删除登记', content: '确定删除这条登记吗?', confirmText: '删除', cancelText: '返回' });
    if (ok.confirm && (await run(() => api.cases.removeLeave({ leaveId: id })))) setTick((t) => t + 1);
  };

  return (
    <PageShell>
      <Section title="登记不在岗">
        {isAdmin && (
          <Field label="工作人员" errors={errs('userId')}>
            <Picker mode="selector" range={(staff.data ?? []).map((s) => `${s.windowName} ${s.name}`)} value={Math.max(0, who)} onChange={(e) => setWho(Number(e.detail.value))}>
              <View className="field__input">{staff.data?.[who]?.name ?? '请选择工作人员'} ›</View>
            </Picker>
          </Field>
        )}
        <Field label="类型" errors={errs('kind')}>
          <Picker mode="selector" range={LEAVE_KINDS.map((k) => LEAVE_KIND_LABELS[k])} value={LEAVE_KINDS.indexOf(kind)} onChange={(e) => setKind(LEAVE_KINDS[Number(e.detail.value)] ?? 'leave')}>
            <View className="field__input">{LEAVE_KIND_LABELS[kind]} ›</View>
          </Picker>
        </Field>
        <Field label="开始日期" errors={errs('from')}>
          <Picker mode="date" value={from} onChange={(e) => setFrom(e.detail.value)}>
            <View className="field__input">{dateLabel(from)} ›</View>
          </Picker>
        </Field>
        <Field label="结束日期" errors={errs('to')}>
          <Picker mode="date" value={to} onChange={(e) => setTo(e.detail.value)}>
            <View className="field__input">{dateLabel(to)} ›</View>
          </Picker>
        </Field>
        <Field label="说明" errors={errs('note')}>
          <Input className="field__input" value={note} placeholder="如:县里培训" onInput={(e) => setNote(e.detail.value)} />
        </Field>
        <AtButton type="primary" onClick={() => void save()}>
          登记
        </AtButton>
      </Section>
      {message && <View className="card">{message}</View>}
      <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} empty={res.data?.leaves.length === 0 ? '近期没有登记。' : null} />
      {res.data && res.data.leaves.length > 0 && (
        <Section title="近期登记">
          {res.data.leaves.map((l) => (
            <View key={l.id} className="row">
              <View>
                <View className="item-row__name">
                  {l.userName} · {LEAVE_KIND_LABELS[l.kind]}
                </View>
                <Text className="muted">
                  {dateLabel(l.from)} 至 {dateLabel(l.to)} {l.note}
                </Text>
              </View>
              <Text className="link" onClick={() => void remove(l.id)}>
                删除
              </Text>
            </View>
          ))}
        </Section>
      )}
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['staff', 'admin']} who="窗口工作人员和中心管理员">
      <LeavePage />
    </RoleGate>
  );
}
