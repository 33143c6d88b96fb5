import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { daySlots, SLOT_MINUTES } from '@shared/domain/booking';
import { ChoiceChips } from '../../components/date-chips';
import LabelledInput from '../../components/labelled-input';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import { TapButton } from '../../components/tap';
import { api, messageOf } from '../../services/api';
import { useLoad } from '../../services/use-load';

interface Draft {
  slotMinutes: number;
  slotCapacity: string;
}

/** Per window: slot length and places per slot (R-BOOK-1). Bookings already made stay. */
function Windows() {
  const [tick, setTick] = useState(0);
  const res = useLoad(() => api.center.windows({}), String(tick));
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (res.data) setDrafts(Object.fromEntries(res.data.windows.map((w) => [w.id, { slotMinutes: w.slotMinutes, slotCapacity: String(w.slotCapacity) }])));
  }, [res.data]);

  const save = async (windowId: string) => {
    const d = drafts[windowId];
    if (!d) return;
    setMessage(null);
    try {
      const r = await api.center.saveWindowSchedule({ windowId, slotMinutes: d.slotMinutes, slotCapacity: Number(d.slotCapacity) });
      setMessage(`${r.window.name}已保存:每${r.window.slotMinutes}分钟一个时段,每个时段可预约${r.window.slotCapacity}人。`);
      setTick((t) => t + 1);
    } catch (e) {
      setMessage(messageOf(e));
    }
  };

  return (
    <PageShell>
      <View className="muted">办公时间 9:00–17:00,中午不休息。修改后对新的预约生效,已有预约保持不变。</View>
      {message && <View className="card">{message}</View>}
      <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} next={res.next} />
      {res.data?.windows.map((w) => {
        const d = drafts[w.id];
        if (!d) return null;
        return (
          <Section key={w.id} title={w.name}>
            <View className="field__label">时段长度:{d.slotMinutes}分钟</View>
            <ChoiceChips label={`${w.name}:时段长度`} options={SLOT_MINUTES.map((m) => ({ value: String(m), label: `${m}分钟`, note: `每天${daySlots(m).length}个时段` }))} value={String(d.slotMinutes)} onChange={(v) => setDrafts({ ...drafts, [w.id]: { ...d, slotMinutes: Number(v) } })} />
            <View className="field__label">每个时段可预约人数</View>
            <LabelledInput label={`${w.name}:每个时段可预约人数`} type="number" value={d.slotCapacity} onInput={(e) => setDrafts({ ...drafts, [w.id]: { ...d, slotCapacity: e.detail.value } })} />
            <TapButton type="primary" label={`保存${w.name}的时段设置`} onTap={() => void save(w.id)}>
              保存
            </TapButton>
          </Section>
        );
      })}
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['admin']} who="中心管理员">
      <Windows />
    </RoleGate>
  );
}
