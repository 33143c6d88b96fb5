import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { dateLabel, dayLabel, shanghaiTime } from '@shared/domain/time';
import { monthLabel, monthOf } from '@shared/domain/duty';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import { api } from '../../services/api';
import { getSession } from '../../services/session';
import { useAction } from '../../services/use-action';
import { useLoad } from '../../services/use-load';
import Tap, { TapButton } from '../../components/tap';
import LabelledInput, { LabelledTextarea } from '../../components/labelled-input';

const timeOf = (iso: string) => shanghaiTime(new Date(iso));

/**
 * 带班值班接访记录 (R-DUTY-2): the leader on duty records on the day that they are present and
 * each person received — the visitor's name only if they wish, the matter and the outcome. The
 * office, leaders and admin read the month's records below.
 */
function Record() {
  const user = getSession()?.user;
  const centerId = user?.centerId ?? '';
  const [tick, setTick] = useState(0);
  const today = useLoad(() => api.duty.today({ centerId }), `${centerId}|${tick}`);
  const month = today.data ? monthOf(today.data.date) : null;
  const list = useLoad(async () => (month ? (await api.duty.records({ month })).records : null), `${month ?? ''}|${tick}`);
  const [visitorName, setVisitorName] = useState('');
  const [matter, setMatter] = useState('');
  const [outcome, setOutcome] = useState('');
  const { message, busy, errs, run } = useAction();

  const onDuty = user?.role === 'leader' && (today.data?.leaders ?? []).some((l) => l.id === user.id);
  const mine = (list.data ?? []).find((r) => r.date === today.data?.date && r.leaderId === user?.id);

  const present = async () => {
    if (await run(() => api.duty.recordDuty({}), '已登记到岗,谢谢您带班值班。')) setTick((t) => t + 1);
  };
  const receive = async () => {
    const reception = { matter, outcome, ...(visitorName.trim() ? { visitorName } : {}) };
    if (await run(() => api.duty.recordDuty({ reception }), '接访记录已保存,谢谢。')) {
      setVisitorName('');
      setMatter('');
      setOutcome('');
      setTick((t) => t + 1);
    }
  };

  return (
    <PageShell>
      <StateView loading={today.loading && !today.data} error={today.error} onRetry={today.reload} next={today.next} />
      {today.data && (
        <View className="card">
          <View className="title">今天:{dateLabel(today.data.date)}</View>
          <View>
            今日带班领导:
            {today.data.leaders.length ? today.data.leaders.map((l) => l.name).join('、') : today.data.workingDay ? '暂未公示' : '今日休息,无带班安排'}
          </View>
          <Tap role="link" onTap={() => Taro.navigateTo({ url: '/duty/roster/index' })} className="link">
            查看本月带班值班表 ›
          </Tap>
        </View>
      )}
      {message && <View className="card">{message}</View>}
      {user?.role === 'leader' && today.data && !onDuty && (
        <View className="card">您好,今天不是您的带班值班日,无需登记;如排班有误,请联系中心管理员调整,谢谢。</View>
      )}
      {onDuty && (
        <Section title="到岗登记">
          {mine ? <View>您已于 {timeOf(mine.presentAt)} 登记到岗,谢谢。</View> : <View className="muted">请到岗后点击登记。</View>}
          {!mine && (
            <TapButton type="primary" loading={busy} onTap={() => void present()}>
              登记到岗
            </TapButton>
          )}
        </Section>
      )}
      {onDuty && (
        <Section title="登记接访(带班值班接访记录)">
          <Field label="来访人姓名(来访人不愿留名可不填)" errors={errs('reception.visitorName')}>
            <LabelledInput label="来访人姓名(来访人不愿留名可不填)" value={visitorName} placeholder="如:李大爷" onInput={(e) => setVisitorName(e.detail.value)} />
          </Field>
          <Field label="反映的事项" errors={errs('reception.matter')}>
            <LabelledTextarea label="反映的事项" value={matter} placeholder="如:反映低保复核进度" maxlength={200} onInput={(e) => setMatter(e.detail.value)} />
          </Field>
          <Field label="处理结果" errors={errs('reception.outcome')}>
            <LabelledTextarea label="处理结果" value={outcome} placeholder="如:当场联系民政窗口,三日内回电答复" maxlength={200} onInput={(e) => setOutcome(e.detail.value)} />
          </Field>
          <TapButton type="primary" loading={busy} onTap={() => void receive()}>
            保存接访记录
          </TapButton>
        </Section>
      )}
      {month && (
        <Section title={`${monthLabel(month)}带班值班记录`}>
          <StateView loading={list.loading && !list.data} error={list.error} onRetry={list.reload} next={list.next} />
          {list.data && list.data.length === 0 && <View className="muted">本月还没有值班记录。</View>}
          {(list.data ?? []).map((r) => (
            <View key={`${r.date}|${r.leaderId}`} className="duty-record">
              <View className="item-row__name">
                {dayLabel(r.date)} {r.leaderName}(到岗 {timeOf(r.presentAt)})
              </View>
              {r.receptions.length === 0 && <View className="muted">当日无接访。</View>}
              {r.receptions.map((x, i) => (
                <View key={i} className="muted">
                  {timeOf(x.at)} {x.visitorName ?? '来访群众'}:{x.matter} → {x.outcome}
                </View>
              ))}
            </View>
          ))}
        </Section>
      )}
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['leader', 'office', 'admin']} who="带班领导、中心管理办公室和管理员">
      <Record />
    </RoleGate>
  );
}
