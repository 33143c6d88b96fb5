import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import CaseRow from '../../components/case-row';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import { api } from '../../services/api';
import { canSubscribe, useConsent } from '../../services/subscribe';
import { useLoad } from '../../services/use-load';
import { TapButton } from '../../components/tap';

/** Staff: the cases they handle today (also as B) by deadline, and those they follow as first-ask person. */
function Cases() {
  const [tick, setTick] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  useDidShow(() => setTick((t) => t + 1));
  const res = useLoad(() => api.cases.mine({}), String(tick));
  // Template ids load with the page; the tap asks WeChat at once (issue 7).
  const consent = useConsent(['deadline', 'case']);
  return (
    <PageShell>
      <View className="actions">
        <TapButton type="primary" onTap={() => Taro.navigateTo({ url: '/staff/walk-in/index' })}>
          登记现场来办
        </TapButton>
        <TapButton onTap={() => Taro.navigateTo({ url: '/staff/day-board/index' })}>
          今日预约
        </TapButton>
      </View>
      {canSubscribe() && (
        <TapButton onTap={() => void consent.ask().then(setMessage)}>
          开启办件到期微信提醒
        </TapButton>
      )}
      {message && <View className="card">{message}</View>}
      <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} next={res.next} />
      {res.data && (
        <Section title={`我承办的(${res.data.handling.length}件,按期限排序)`}>
          {res.data.handling.length === 0 && <View className="muted">目前没有待办的办件。</View>}
          {res.data.handling.map((c) => (
            <CaseRow key={c.id} c={c} url={`/staff/case/index?id=${encodeURIComponent(c.id)}`} />
          ))}
        </Section>
      )}
      {res.data && res.data.following.length > 0 && (
        <Section title={`我首问负责、在跟进的(${res.data.following.length}件)`}>
          {res.data.following.map((c) => (
            <CaseRow key={c.id} c={c} url={`/staff/case/index?id=${encodeURIComponent(c.id)}`} />
          ))}
        </Section>
      )}
      <View className="actions">
        <TapButton onTap={() => Taro.navigateTo({ url: '/staff/leave/index' })}>
          请假、培训、出差登记
        </TapButton>
      </View>
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['staff']} who="窗口工作人员">
      <Cases />
    </RoleGate>
  );
}
