import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { relativeDayName } from '../../components/date-chips/days';
import HeldBookings from '../../components/held-booking';
import PageShell from '../../components/page-shell';
import PhoneLink from '../../components/phone-link';
import Tap, { TapButton } from '../../components/tap';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import { api, ApiError, messageOf } from '../../services/api';
import { AUTH_STATE_LABELS, dateLabel } from '../../services/format';
import { getSession } from '../../services/session';
import { useLoad } from '../../services/use-load';
import './index.scss';
import { useCenterToday } from '../../services/clock';

interface Alternative {
  date: string;
  start: string;
  end: string;
}

/** Morning slots start before noon; the rest are the afternoon's (issue 11: 上午 / 下午). */
const isMorning = (start: string): boolean => start < '12:00';

/**
 * Book an item (R-BOOK-1..4): an agent first chooses the authorised resident, then everyone
 * picks one of the next working days and a slot showing the places left. With ?rescheduleId
 * the same screen moves an existing booking. Issue 11: the days are large chips (今天 / 明天 /
 * 周三 …, a tab list), the slots radios grouped 上午 / 下午, the chosen one marked in words, and
 * the confirm bar stays on screen; a booking already held for the item is shown first.
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
  const today = useCenterToday();

  const opts = useLoad(() => api.booking.options({ itemId }), `${itemId}|${tick}`);
  // What the caller already holds for this item, shown before a slot is picked (issue 11).
  const held = useLoad(async () => (session && !rescheduleId ? (await api.booking.held({ itemId })).bookings : []), `held|${itemId}|${tick}`);
  const residents = useLoad(async () => (isAgent && !rescheduleId ? (await api.residents.list({})).residents : []), `res|${isAgent}`);
  // The booking being moved, shown above the new choice (outside review: the page did not say which).
  const moving = useLoad(async () => (rescheduleId ? (await api.booking.get({ bookingId: rescheduleId })).booking : null), `moving|${rescheduleId ?? ''}`);

  if (!session) {
    return (
      <PageShell>
        <View className="card">
          <View>
            {process.env.TARO_ENV === 'weapp' ? '您好,预约前请先选择您所在的服务中心,选择后即可预约,谢谢。' : '您好,预约前请先选择演示身份,谢谢。'}
          </View>
          <Tap role="link" className="link" onTap={() => void Taro.reLaunch({ url: process.env.TARO_ENV === 'weapp' ? '/pages/centers/index' : '/pages/login/index' })}>
            {process.env.TARO_ENV === 'weapp' ? '选择服务中心 ›' : '选择演示身份 ›'}
          </Tap>
        </View>
      </PageShell>
    );
  }
  if (!opts.data) {
    return (
      <PageShell>
        <StateView loading={opts.loading} error={opts.error} onRetry={opts.reload} next={opts.next} />
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

  const slots = day?.slots ?? [];
  const groups = [
    { name: '上午', slots: slots.filter((x) => isMorning(x.start)) },
    { name: '下午', slots: slots.filter((x) => !isMorning(x.start)) },
  ].filter((g) => g.slots.length > 0);

  return (
    <PageShell className="book-page">
      <View className="card">
        <View className="hero">{item.name}</View>
        <View className="muted">{window.name}</View>
        <View>
          窗口电话:<PhoneLink phone={window.phone} what={`${window.name}电话`} />
        </View>
        {rescheduleId && <View className="tag tag--warn">改期:请选择新的时间</View>}
        {moving.data && (
          <View className="para">
            原预约:{dateLabel(moving.data.date)} {moving.data.start}–{moving.data.end}(预约号 {moving.data.number})
          </View>
        )}
      </View>

      <HeldBookings bookings={held.data ?? []} forAgent={isAgent} replace />

      {isAgent && !rescheduleId && (
        <Section title="第一步:选择代办的群众">
          <StateView loading={residents.loading} error={residents.error} onRetry={residents.reload} next={residents.next} empty={residents.data?.length === 0 ? '您还没有登记代办群众,请先在“我的 → 我代办的群众”中登记。' : null} />
          <View role="radiogroup" aria-label="代办的群众">
            {[...(residents.data ?? [])].sort((a, b) => Number(b.authorization?.state === 'active') - Number(a.authorization?.state === 'active')).map((r) => {
              const state = r.authorization?.state ?? null;
              const usable = state === 'active';
              const on = residentId === r.id;
              const authWords = `授权${state ? AUTH_STATE_LABELS[state] : '未登记'}`;
              return (
                <Tap
                  key={r.id}
                  role="radio"
                  checked={on}
                  label={`${r.name},${authWords}${usable ? '' : ',不能代办'}`}
                  className={`choice choice--stacked${on ? ' choice--on' : ''}${usable ? '' : ' choice--off'}`}
                  onTap={() => {
                    if (usable) {
                      setResidentId(r.id);
                      setError(null);
                      return;
                    }
                    const why = `${r.name}的代办授权${state ? AUTH_STATE_LABELS[state] : '尚未登记'},请先在“我代办的群众”中补录授权后再预约。`;
                    setError(why);
                    Taro.showToast({ title: why, icon: 'none', duration: 3000 });
                  }}
                >
                  {/* Name, then the masked number and the authorisation on a line of their own (outside review: they ran together). */}
                  <View className="item-row__name">
                    {on ? '✓ ' : ''}
                    {r.name}
                  </View>
                  <View className="muted">
                    {r.idNumber} · {authWords}
                  </View>
                </Tap>
              );
            })}
          </View>
        </Section>
      )}

      <Section title={isAgent && !rescheduleId ? '第二步:选择日期和时段' : '选择日期和时段'}>
        {days.length === 0 && (
          <View className="muted">
            近期没有可预约的工作日,请拨打窗口电话 <PhoneLink phone={window.phone} what={`${window.name}电话`} /> 咨询。
          </View>
        )}
        <View className="day-tabs" role="tablist" aria-label="预约日期">
          {days.map((d, i) => {
            const rel = relativeDayName(today, d.date);
            const short = d.label.split(' ');
            const on = i === dayIndex;
            return (
              <Tap
                key={d.date}
                role="tab"
                selected={on}
                className={`day-tab${on ? ' day-tab--on' : ''}`}
                onTap={() => {
                  setDayIndex(i);
                  setStart(null);
                }}
              >
                {/* The name is what is seen, then the full date for a screen reader (WCAG 2.5.3). */}
                <View className="day-tab__rel">
                  {on ? '✓ ' : ''}
                  {rel === d.label ? short[1] : rel}
                </View>{' '}
                <View className="day-tab__date">{short[0]}</View>
                <Text className="sr-only">,{dateLabel(d.date)}</Text>
              </Tap>
            );
          })}
        </View>
        {day && (
          <View className="day-chosen">
            {dateLabel(day.date)}
            {slots.length > 0 ? `,每个时段${window.slotMinutes}分钟,点开始时间即可` : ''}
          </View>
        )}
        {groups.map((g) => (
          <View key={g.name} className="slot-group">
            <View className="slot-group__title">{g.name}</View>
            <View className="slot-grid" role="radiogroup" aria-label={`${g.name}时段`}>
              {g.slots.map((s) => {
                const on = start === s.start;
                const full = s.left === 0;
                return (
                  <Tap
                    key={s.start}
                    role="radio"
                    checked={on}
                    disabled={full}
                    className={`slot${full ? ' slot--full' : ''}${on ? ' slot--on' : ''}`}
                    onTap={() => setStart(s.start)}
                  >
                    <View className="slot__time">
                      {on ? '✓ ' : ''}
                      {s.start}
                    </View>{' '}
                    <View className="slot__left">{on ? '已选' : full ? '已约满' : `余${s.left}个`}</View>
                    <Text className="sr-only">
                      ,{g.name}
                      {s.start}至{s.end}
                      {on && !full ? `,余${s.left}个` : ''}
                    </Text>
                  </Tap>
                );
              })}
            </View>
          </View>
        ))}
        {day && day.slots.length === 0 && <View className="muted">当天已没有可预约的时段,请选择其他日期。</View>}
      </Section>

      {error && (
        <View className="card error" role="alert">
          {error}
          {alternatives.map((a) => (
            <Tap key={`${a.date}${a.start}`} role="button" className="link alt" onTap={() => choose(a)}>
              改选 {dateLabel(a.date)} {a.start}–{a.end} ›
            </Tap>
          ))}
        </View>
      )}

      <View className="muted">办公时间:工作日 9:00–17:00,中午不休息。预约后可在“我的预约”中取消或改期。</View>

      <View className="confirm-bar">
        <View className="confirm-bar__what">{start && day ? `已选:${dateLabel(day.date)} ${start}` : '尚未选择时段'}</View>
        <TapButton type="primary" loading={busy} disabled={!start} onTap={() => void submit()}>
          {start && day ? `确认预约 ${day.label} ${start}` : '请先选择时段'}
        </TapButton>
      </View>
    </PageShell>
  );
}
