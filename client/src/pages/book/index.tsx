import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { AtButton } from 'taro-ui';
import PageShell from '../../components/page-shell';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import { api, ApiError, messageOf } from '../../services/api';
import { AUTH_STATE_LABELS } from '../../services/format';
import { getSession } from '../../services/session';
import { useLoad } from '../../services/use-load';

interface Alternative {
  date: string;
  start: string;
  end: string;
}

/**
 * Book an item (R-BOOK-1..4): an agent first chooses the authorised resident, then everyone
 * picks one of the next working days and a slot showing the places left. With ?rescheduleId
 * the same screen moves an existing booking.
 */
export default function Book() {
  const { params } = useRouter();
  const itemId = decodeURIComponent(params.itemId ?? '');
  const rescheduleId = params.rescheduleId ? decodeURIComponent(params.rescheduleId) : undefined;
  const session = getSession();
  const isAgent = session?.user.role === 'agent';
  const [dayIndex, setDayIndex] = useState(0);
  const [start, setStart] = useState<string | null>(null);
  const [residentId, setResidentId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [alternatives, setAlternatives] = useState<Alternative[]>([]);
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);

  const opts = useLoad(() => api.booking.options({ itemId }), `${itemId}|${tick}`);
  const residents = useLoad(async () => (isAgent && !rescheduleId ? (await api.residents.list({})).residents : []), `res|${isAgent}`);

  if (!session) {
    return (
      <PageShell>
        <View className="card">
          <View>
            {process.env.TARO_ENV === 'weapp' ? '您好,预约前请先选择您所在的服务中心,选择后即可预约,谢谢。' : '您好,预约前请先选择演示身份,谢谢。'}
          </View>
          <Text className="link" onClick={() => Taro.reLaunch({ url: process.env.TARO_ENV === 'weapp' ? '/pages/centers/index' : '/pages/login/index' })}>
            {process.env.TARO_ENV === 'weapp' ? '选择服务中心 ›' : '选择演示身份 ›'}
          </Text>
        </View>
      </PageShell>
    );
  }
  if (!opts.data) {
    return (
      <PageShell>
        <StateView loading={opts.loading} error={opts.error} onRetry={opts.reload} />
      </PageShell>
    );
  }
  const { item, window, days } = opts.data;
  const day = days[dayIndex];

  const submit = async () => {
    if (busy || !day || !start) return;
    if (isAgent && !rescheduleId && !residentId) {
      setError('请先选择为哪位群众代办。');
      return;
    }
    setBusy(true);
    setError(null);
    setAlternatives([]);
    try {
      const r = rescheduleId
        ? await api.booking.reschedule({ bookingId: rescheduleId, date: day.date, start })
        : await api.booking.create({ itemId, date: day.date, start, ...(residentId ? { residentId } : {}) });
      Taro.redirectTo({ url: `/pages/booking/index?id=${encodeURIComponent(r.booking.id)}&new=1` });
    } catch (e) {
      setError(messageOf(e));
      if (e instanceof ApiError && e.code === 'CONFLICT') {
        const alts = (e.details as { alternatives?: Alternative[] } | undefined)?.alternatives ?? [];
        setAlternatives(alts);
        setTick((t) => t + 1);
      }
    } finally {
      setBusy(false);
    }
  };

  const choose = (a: Alternative) => {
    const i = days.findIndex((d) => d.date === a.date);
    if (i >= 0) {
      setDayIndex(i);
      setStart(a.start);
      setAlternatives([]);
      setError(null);
    }
  };

  return (
    <PageShell>
      <View className="card">
        <View className="hero">{item.name}</View>
        <View className="muted">
          {window.name} · 电话 {window.phone}
        </View>
        {rescheduleId && <View className="tag tag--warn">改期:请选择新的时间</View>}
      </View>

      {isAgent && !rescheduleId && (
        <Section title="第一步:选择代办的群众">
          <StateView loading={residents.loading} error={residents.error} empty={residents.data?.length === 0 ? '您还没有登记代办群众,请先在“我的 → 我代办的群众”中登记。' : null} />
          {[...(residents.data ?? [])].sort((a, b) => Number(b.authorization?.state === 'active') - Number(a.authorization?.state === 'active')).map((r) => {
            const state = r.authorization?.state ?? null;
            const usable = state === 'active';
            return (
              <View key={r.id} className={`choice${residentId === r.id ? ' choice--on' : ''}${usable ? '' : ' choice--off'}`} onClick={() => {
                  if (usable) {
                    setResidentId(r.id);
                    setError(null);
                    return;
                  }
                  const why = `${r.name}的代办授权${state ? AUTH_STATE_LABELS[state] : '尚未登记'},请先在“我代办的群众”中补录授权后再预约。`;
                  setError(why);
                  Taro.showToast({ title: why, icon: 'none', duration: 3000 });
                }}>
                <Text className="item-row__name">{r.name}</Text>
                <Text className="muted"> {r.idNumber} · 授权{state ? AUTH_STATE_LABELS[state] : '未登记'}</Text>
              </View>
            );
          })}
        </Section>
      )}

      <Section title={isAgent && !rescheduleId ? '第二步:选择日期和时段' : '选择日期和时段'}>
        {days.length === 0 && <View className="muted">近期没有可预约的工作日,请拨打窗口电话咨询。</View>}
        <View className="day-tabs">
          {days.map((d, i) => (
            <View key={d.date} className={`day-tab${i === dayIndex ? ' day-tab--on' : ''}`} onClick={() => { setDayIndex(i); setStart(null); }}>
              {d.label}
            </View>
          ))}
        </View>
        <View className="slot-grid">
          {(day?.slots ?? []).map((s) => (
            <View
              key={s.start}
              className={`slot${s.left === 0 ? ' slot--full' : ''}${start === s.start ? ' slot--on' : ''}`}
              onClick={() => s.left > 0 && setStart(s.start)}
            >
              <View>{s.start}–{s.end}</View>
              <View className="slot__left">{s.left === 0 ? '已约满' : `余${s.left}个`}</View>
            </View>
          ))}
        </View>
        {day && day.slots.length === 0 && <View className="muted">当天已没有可预约的时段,请选择其他日期。</View>}
      </Section>

      {error && (
        <View className="card error">
          {error}
          {alternatives.map((a) => (
            <View key={`${a.date}${a.start}`} className="link alt" onClick={() => choose(a)}>
              改选 {a.date} {a.start}–{a.end} ›
            </View>
          ))}
        </View>
      )}

      <AtButton type="primary" loading={busy} disabled={!start} onClick={() => void submit()}>
        {start && day ? `确认预约 ${day.label} ${start}` : '请选择时段'}
      </AtButton>
      <View className="muted">办公时间:工作日 9:00–17:00,中午不休息。预约后可在“我的预约”中取消或改期。</View>
    </PageShell>
  );
}
