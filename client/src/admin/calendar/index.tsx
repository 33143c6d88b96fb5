import { Input, Picker, View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { AtButton } from 'taro-ui';
import { CALENDAR_KINDS, CALENDAR_KIND_LABELS, type CalendarKind } from '@shared/domain/calendar';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import { api } from '../../services/api';
import { useAction } from '../../services/use-action';
import { dateLabel, todayInShanghai } from '../../services/format';
import { useLoad } from '../../services/use-load';

/**
 * The center's calendar (R-BOOK-1): the official holidays and adjusted working days of a year
 * the built-in calendar does not know yet, and the center's own closure days. A closure (or
 * holiday) entered later cancels that day's bookings and tells everyone concerned.
 */
function Calendar() {
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [tick, setTick] = useState(0);
  const res = useLoad(() => api.center.calendar({ year }), `${year}|${tick}`);
  const [date, setDate] = useState(todayInShanghai());
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
  const remove = async (d: string) => {
    const ok = await Taro.showModal({ title: '删除日历条目', content: `确定删除${d}的条目吗?`, confirmText: '删除', cancelText: '返回' });
    if (ok.confirm && (await run(() => api.center.removeCalendarEntry({ date: d })))) setTick((t) => t + 1);
  };

  return (
    <PageShell>
      <Section title="添加日历条目">
        <Field label="日期" errors={errs('date')}>
          <Picker mode="date" value={date} onChange={(e) => setDate(e.detail.value)}>
            <View className="field__input">{dateLabel(date)}({date}) ›</View>
          </Picker>
        </Field>
        <Field label="类型" errors={errs('kind')}>
          <Picker mode="selector" range={CALENDAR_KINDS.map((k) => CALENDAR_KIND_LABELS[k])} value={CALENDAR_KINDS.indexOf(kind)} onChange={(e) => setKind(CALENDAR_KINDS[Number(e.detail.value)] ?? 'closure')}>
            <View className="field__input">{CALENDAR_KIND_LABELS[kind]} ›</View>
          </Picker>
        </Field>
        <Field label="说明" errors={errs('note')}>
          <Input className="field__input" value={note} placeholder="如:春节、国庆调休、电力检修" onInput={(e) => setNote(e.detail.value)} />
        </Field>
        <AtButton type="primary" onClick={() => void save()}>
          保存
        </AtButton>
      </Section>
      {message && <View className="card">{message}</View>}
      <Section title={`${year}年`}>
        <View className="actions">
          <AtButton type="secondary" size="small" onClick={() => setYear(year - 1)}>
            上一年
          </AtButton>
          <AtButton type="secondary" size="small" onClick={() => setYear(year + 1)}>
            下一年
          </AtButton>
        </View>
        {res.data && !res.data.yearKnown && <View className="error">{year}年的法定节假日安排尚未录入:请按国务院办公厅通知逐日录入放假日和调休上班日,录入前按周一至周五上班计算。</View>}
        {res.data?.yearKnown && <View className="muted">{year}年的法定节假日已按国家安排计入,以下为本中心另行登记的条目。</View>}
        <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} empty={res.data?.entries.length === 0 ? '本年没有另行登记的条目。' : null} />
        {res.data?.entries.map((e) => (
          <View key={e.date} className="row">
            <View>
              <View className="item-row__name">{dateLabel(e.date)}</View>
              <Text className="muted">
                {CALENDAR_KIND_LABELS[e.kind]} · {e.note}
              </Text>
            </View>
            <Text className="link" onClick={() => void remove(e.date)}>
              删除
            </Text>
          </View>
        ))}
      </Section>
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
