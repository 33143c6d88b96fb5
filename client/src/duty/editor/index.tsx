import { View, Text } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { dayLabel } from '@shared/domain/time';
import { monthLabel, monthOf, nextMonth, ROSTER_STATUS_LABELS } from '@shared/domain/duty';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import StateView from '../../components/state-view';
import { api } from '../../services/api';
import { getSession } from '../../services/session';
import { useAction } from '../../services/use-action';
import { useLoad } from '../../services/use-load';
import Tap, { TapButton } from '../../components/tap';

/**
 * The admin's roster editor (R-DUTY-1): each working day of the month with the center's leaders
 * as large choices (several allowed), saved as a draft and then published (公示). Publishing is
 * refused while a working day has no leader; the refusal's days are marked here.
 */
function Editor() {
  const centerId = getSession()?.user.centerId ?? '';
  const today = useLoad(() => api.duty.today({ centerId }), centerId);
  const thisMonth = today.data ? monthOf(today.data.date) : null;
  // R-DUTY-1: next month's roster is made before the month starts.
  const [month, setMonth] = useState<string | null>(null);
  const shown = month ?? (thisMonth ? nextMonth(thisMonth) : null);
  const [tick, setTick] = useState(0);
  const res = useLoad(async () => (shown ? (await api.duty.roster({ centerId, month: shown })).roster : null), `${shown ?? ''}|${tick}`);
  const [picked, setPicked] = useState<Record<string, string[]>>({});
  const { message, busy, errs, run } = useAction();
  const r = res.data;

  // The latest saved version, else the published one, else nothing chosen yet.
  useEffect(() => {
    if (!r) return;
    const days = r.draft?.days ?? r.published?.days ?? [];
    setPicked(Object.fromEntries(days.map((d) => [d.date, d.leaders.map((l) => l.id)])));
  }, [r]);

  const leaders = r?.leaders ?? [];
  const toggle = (date: string, id: string) => {
    const now = picked[date] ?? [];
    setPicked({ ...picked, [date]: now.includes(id) ? now.filter((x) => x !== id) : [...now, id] });
  };
  /** Fills the days still open, the leaders taking turns. */
  const fillOpen = () => {
    if (!r || leaders.length === 0) return;
    const next = { ...picked };
    let turn = 0;
    for (const d of r.workingDays) {
      if ((next[d] ?? []).length === 0) next[d] = [leaders[turn++ % leaders.length]?.id ?? ''];
    }
    setPicked(next);
  };
  const entries = () => (r?.workingDays ?? []).map((date) => ({ date, leaderIds: picked[date] ?? [] }));
  const save = async () => {
    if (shown && (await run(() => api.duty.draftRoster({ month: shown, entries: entries() }), '草稿已保存。群众暂时看不到草稿,请检查无误后点“发布公示”。'))) setTick((t) => t + 1);
  };
  const publish = async () => {
    if (!shown) return;
    // Saved first, so that a refusal names the days of exactly what is on screen.
    await run(async () => {
      await api.duty.draftRoster({ month: shown, entries: entries() });
      await api.duty.publishRoster({ month: shown });
    }, `${monthLabel(shown)}带班值班表已发布公示,群众在首页即可看到当天的带班领导,谢谢。`);
    setTick((t) => t + 1);
  };
  const open = (r?.workingDays ?? []).filter((d) => (picked[d] ?? []).length === 0);

  return (
    <PageShell>
      <View className="muted">请为每个工作日选择带班领导(可选多位),保存草稿后发布公示。节假日和闭馆日不用排班。</View>
      {thisMonth && (
        <View className="day-tabs">
          {[thisMonth, nextMonth(thisMonth), nextMonth(nextMonth(thisMonth))].map((m) => (
            <Tap role="radio" checked={m === shown} label={monthLabel(m)} onTap={() => setMonth(m)} key={m} className={`day-tab${m === shown ? ' day-tab--on' : ''}`}>
              {monthLabel(m)}
            </Tap>
          ))}
        </View>
      )}
      <StateView loading={(res.loading && !r) || today.loading} error={res.error ?? today.error} onRetry={res.reload} next={res.error ? res.next : today.next} />
      {r && (
        <View className="card">
          <View className="title">{monthLabel(r.month)}</View>
          <View>
            状态:{r.draft ? ROSTER_STATUS_LABELS[r.draft.status] : '尚未排班'}
            {r.published && r.draft?.status !== 'published' ? '(群众看到的是上次公示的版本)' : ''}
          </View>
          <View className="muted">
            共{r.workingDays.length}个工作日,还有{open.length}天未安排。
          </View>
          {message && <View className={errs('entries').length ? 'error' : ''}>{message}</View>}
          <View className="actions">
            <TapButton disabled={open.length === 0} onTap={fillOpen}>
              未安排的日子按顺序轮流填上
            </TapButton>
          </View>
        </View>
      )}
      {r &&
        r.workingDays.map((date) => {
          const dayErrs = errs(`entries.${date}`);
          return (
            <View key={date} className={`card duty-edit${dayErrs.length ? ' duty-edit--problem' : ''}`}>
              <View className="title">{dayLabel(date)}</View>
              <View className="day-tabs">
                {leaders.map((l) => (
                  <Tap role="checkbox" checked={(picked[date] ?? []).includes(l.id)} label={`${dayLabel(date)}带班:${l.name}`} onTap={() => toggle(date, l.id)} key={l.id} className={`day-tab${(picked[date] ?? []).includes(l.id) ? ' day-tab--on' : ''}`}>
                    {l.name}
                  </Tap>
                ))}
              </View>
              {dayErrs.map((e) => (
                <View key={e} className="field__error">
                  {e}
                </View>
              ))}
            </View>
          );
        })}
      {r && (
        <View className="card">
          {message && <View className={errs('entries').length ? 'error' : ''}>{message}</View>}
          <View className="actions">
            <TapButton loading={busy} onTap={() => void save()}>
              保存草稿
            </TapButton>
            <TapButton type="primary" loading={busy} onTap={() => void publish()}>
              发布公示
            </TapButton>
          </View>
        </View>
      )}
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['admin']} who="中心管理员">
      <Editor />
    </RoleGate>
  );
}
