import { View, Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { CALENDAR_KINDS, CALENDAR_KIND_LABELS, type CalendarKind } from '@shared/domain/calendar';
import ConfirmDialog from '../../components/confirm-dialog';
import { ChoiceChips } from '../../components/date-chips';
import Field from '../../components/field';
import LabelledInput from '../../components/labelled-input';
import MonthGrid from '../../components/month-grid';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import { TapButton } from '../../components/tap';
import { api } from '../../services/api';
import { useAction } from '../../services/use-action';
import { dateLabel } from '../../services/format';
import { useLoad } from '../../services/use-load';
import { useCenterToday } from '../../services/clock';

/**
 * The center's calendar (R-BOOK-1): the official holidays and adjusted working days of a year
 * the built-in calendar does not know yet, and the center's own closure days. A closure (or
 * holiday) entered later cancels that day's bookings and tells everyone concerned.
 */
const SHORT_MARKS: Record<CalendarKind, string> = { holiday: '放假', workday: '调休', closure: '闭馆' };

function Calendar() {
  const today = useCenterToday();
  const thisYear = Number(today.slice(0, 4));
  // The reminder to enter next year's arrangement opens the page at that year.
  const param = Number(useRouter().params.year);
  const asked = Number.isInteger(param) && param >= 2000 && param <= 2100 ? param : null;
  const [picked, setYear] = useState<number | null>(asked);
  const year = picked ?? thisYear;
  const [tick, setTick] = useState(0);
  const res = useLoad(() => api.center.calendar({ year }), `${year}|${tick}`);
  // The entry's date: today, or 1 January of the year the reminder asked for (its month shown).
  const [chosen, setDate] = useState<string | null>(null);
  const date = chosen ?? (asked !== null && asked !== thisYear ? `${asked}-01-01` : today);
  const [removing, setRemoving] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [kind, setKind] = useState<CalendarKind>('closure');
  const [note, setNote] = useState('');
  const { message, setMessage, errs, run } = useAction();

  const save = () =>
    run(async () => {
      const r = await api.center.saveCalendarEntry({ date, kind, note });
      setMessage(r.cancelledBookings > 0 ? `已保存。当天的${r.cancelledBookings}个预约已取消,并已通知群众。` : '已保存。');
      setNote('');
      setYear(Number(date.slice(0, 4)));
      setTick((t) => t + 1);
    });
  // Asked in the app's own dialog (issue 11), worded as the act.
  const remove = async (d: string) => {
    setBusy(true);
    const ok = await run(() => api.center.removeCalendarEntry({ date: d }));
    setBusy(false);
    setRemoving(null);
    if (ok) setTick((t) => t + 1);
  };
  // The month grid marks the center's own entries in words (the official holidays stay on the server).
  const entries = new Map((res.data?.entries ?? []).map((e) => [e.date, e.kind] as const));
  const markOf = (d: string): string | null => {
    const k = entries.get(d);
    return k ? CALENDAR_KIND_LABELS[k] : null;
  };
  const shortMark = (d: string): string | null => {
    const k = entries.get(d);
    return k ? SHORT_MARKS[k] : null;
  };

  return (
    <PageShell>
      <Section title="添加日历条目">
        <Field label="日期" errors={errs('date')}>
          <View className="chips__chosen">日期:{dateLabel(date)}</View>
          <MonthGrid label="日期" today={today} value={date} onChange={setDate} markOf={markOf} shortMark={shortMark} />
        </Field>
        <Field label="类型" errors={errs('kind')}>
          <ChoiceChips label="类型" options={CALENDAR_KINDS.map((k) => ({ value: k, label: CALENDAR_KIND_LABELS[k] }))} value={kind} onChange={setKind} />
        </Field>
        <Field label="说明" errors={errs('note')}>
          <LabelledInput label="说明" value={note} placeholder="如:春节、国庆调休、电力检修" onInput={(e) => setNote(e.detail.value)} />
        </Field>
        <TapButton type="primary" onTap={() => void save()}>
          保存
        </TapButton>
      </Section>
      {message && <View className="card">{message}</View>}
      <Section title={`${year}年`}>
        <View className="actions">
          <TapButton label={`上一年,${year - 1}年`} onTap={() => setYear(year - 1)}>
            上一年
          </TapButton>
          <TapButton label={`下一年,${year + 1}年`} onTap={() => setYear(year + 1)}>
            下一年
          </TapButton>
        </View>
        {res.data && !res.data.yearKnown && <View className="error">{year}年的放假和调休安排尚未录入:目前只按法定节日当天放假计算(元旦、春节除夕至初三、清明、劳动节两天、端午、中秋、国庆三天),其余按周一至周五上班。请按国务院办公厅通知逐日录入连休的放假日和调休上班日。</View>}
        {res.data?.yearKnown && <View className="muted">{year}年的法定节假日已按国家安排计入,以下为本中心另行登记的条目。</View>}
        <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} next={res.next} empty={res.data?.entries.length === 0 ? '本年没有另行登记的条目。' : null} />
        {res.data?.entries.map((e) => (
          <View key={e.date} className="row">
            <View>
              <View className="item-row__name">{dateLabel(e.date)}</View>
              <Text className="muted">
                {CALENDAR_KIND_LABELS[e.kind]} · {e.note}
              </Text>
            </View>
            <TapButton type="danger" label={`删除条目:${dateLabel(e.date)}`} onTap={() => setRemoving(e.date)}>
              删除
            </TapButton>
          </View>
        ))}
      </Section>
      {removing && (
        <ConfirmDialog title={`确定删除${dateLabel(removing)}的条目?`} act="确定删除条目" message="删除后这一天按国家安排和周一至周五上班计算。" busy={busy} onConfirm={() => void remove(removing)} onCancel={() => setRemoving(null)} />
      )}
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['admin']} who="中心管理员">
      <Calendar />
    </RoleGate>
  );
}
