import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { LEAVE_KINDS, LEAVE_KIND_LABELS, type LeaveKind } from '@shared/domain/cases';
import ConfirmDialog from '../../components/confirm-dialog';
import DateChips, { ChoiceChips } from '../../components/date-chips';
import Field from '../../components/field';
import LabelledInput from '../../components/labelled-input';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import { TapButton } from '../../components/tap';
import { api } from '../../services/api';
import { useAction } from '../../services/use-action';
import { dateLabel } from '../../services/format';
import { getSession } from '../../services/session';
import { useLoad } from '../../services/use-load';
import { useCenterToday, useDayChoice } from '../../services/clock';

/** Leave, training or trip (R-CASE-6): meanwhile the B post receives the cases and reminders. */
function LeavePage() {
  const isAdmin = getSession()?.user.role === 'admin';
  const [tick, setTick] = useState(0);
  const res = useLoad(() => api.cases.leaves({}), String(tick));
  const staff = useLoad(async () => (isAdmin ? (await api.cases.staff({})).staff : []), 'staff');
  const [who, setWho] = useState(-1);
  const [kind, setKind] = useState<LeaveKind>('leave');
  const today = useCenterToday();
  const [from, setFrom] = useDayChoice();
  const [to, setTo] = useDayChoice();
  const [removing, setRemoving] = useState<{ id: string; what: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const { message, errs, run } = useAction();

  const save = async () => {
    const userId = isAdmin ? staff.data?.[who]?.id : undefined;
    if (await run(() => api.cases.addLeave({ kind, from, to, note, ...(userId ? { userId } : {}) }), '已登记。期间办件和提醒由B岗接收,回岗后自动交回。')) setTick((t) => t + 1);
  };
  // Asked in the app's own dialog (issue 11: showModal stays small in 长辈模式), worded as the act.
  const remove = async (id: string) => {
    setBusy(true);
    const ok = await run(() => api.cases.removeLeave({ leaveId: id }));
    setBusy(false);
    setRemoving(null);
    if (ok) setTick((t) => t + 1);
  };

  return (
    <PageShell>
      <Section title="登记不在岗">
        {isAdmin && (
          <Field label="工作人员" errors={errs('userId')}>
            <ChoiceChips label="工作人员" options={(staff.data ?? []).map((x, i) => ({ value: String(i), label: `${x.windowName} ${x.name}` }))} value={who >= 0 ? String(who) : null} onChange={(v) => setWho(Number(v))} />
          </Field>
        )}
        <Field label="类型" errors={errs('kind')}>
          <ChoiceChips label="类型" options={LEAVE_KINDS.map((k) => ({ value: k, label: LEAVE_KIND_LABELS[k] }))} value={kind} onChange={setKind} />
        </Field>
        <Field label="开始日期" errors={errs('from')}>
          <DateChips label="开始日期" today={today} value={from} onChange={(d) => {
            setFrom(d);
            if (to < d) setTo(d);
          }} />
        </Field>
        <Field label="结束日期" errors={errs('to')}>
          <DateChips label="结束日期" today={today} from={from > today ? from : today} min={from} value={to} onChange={setTo} />
        </Field>
        <Field label="说明" errors={errs('note')}>
          <LabelledInput label="说明" value={note} placeholder="如:县里培训" onInput={(e) => setNote(e.detail.value)} />
        </Field>
        <TapButton type="primary" onTap={() => void save()}>
          登记
        </TapButton>
      </Section>
      {message && <View className="card">{message}</View>}
      <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} next={res.next} empty={res.data?.leaves.length === 0 ? '近期没有登记。' : null} />
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
              <TapButton type="danger" label={`删除登记:${l.userName},${dateLabel(l.from)}至${dateLabel(l.to)}`} onTap={() => setRemoving({ id: l.id, what: `${l.userName} ${LEAVE_KIND_LABELS[l.kind]} ${dateLabel(l.from)} 至 ${dateLabel(l.to)}` })}>
                删除
              </TapButton>
            </View>
          ))}
        </Section>
      )}
      {removing && <ConfirmDialog title="确定删除这条登记?" act="确定删除登记" message={`${removing.what}。删除后B岗不再代为接收这段时间的办件和提醒。`} busy={busy} onConfirm={() => void remove(removing.id)} onCancel={() => setRemoving(null)} />}
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
