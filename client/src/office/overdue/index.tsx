import { View } from '@tarojs/components';
import { useState } from 'react';
import CaseRow from '../../components/case-row';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import StateView from '../../components/state-view';
import { api, messageOf } from '../../services/api';
import { getSession } from '../../services/session';
import { useLoad } from '../../services/use-load';
import { TapButton } from '../../components/tap';

/** The office and leaders: every open case past its deadline (R-CASE-5), oldest first. */
function Overdue() {
  const [tick, setTick] = useState(0);
  const res = useLoad(() => api.cases.overdue({}), String(tick));
  const [message, setMessage] = useState<string | null>(null);
  const role = getSession()?.user.role;
  const sweep = async () => {
    try {
      const r = await api.cases.sweep({});
      setMessage(`已检查${r.due}件到期办件,发出${r.notices}条提醒。`);
      setTick((t) => t + 1);
    } catch (e) {
      setMessage(messageOf(e));
    }
  };
  return (
    <PageShell>
      {(role === 'office' || role === 'admin') && (
        <TapButton onTap={() => void sweep()}>
          立即检查到期办件并提醒
        </TapButton>
      )}
      {message && <View className="card">{message}</View>}
      <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} next={res.next} empty={res.data?.cases.length === 0 ? '目前没有超期的办件。' : null} />
      {res.data && res.data.cases.length > 0 && (
        <View className="card">
          <View className="title">超期办件 {res.data.cases.length} 件</View>
          {res.data.cases.map((c) => (
            <CaseRow key={c.id} c={c} url={`/staff/case/index?id=${encodeURIComponent(c.id)}`} />
          ))}
        </View>
      )}
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['office', 'leader', 'admin']} who="中心管理办公室和带班领导">
      <Overdue />
    </RoleGate>
  );
}
