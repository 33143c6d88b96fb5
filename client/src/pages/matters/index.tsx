import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import CaseRow from '../../components/case-row';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { api } from '../../services/api';
import { useLoad } from '../../services/use-load';

/** A villager's (or agent's) matters at the center, each with its progress. */
export default function Matters() {
  const [tick, setTick] = useState(0);
  useDidShow(() => setTick((t) => t + 1));
  const res = useLoad(() => api.cases.myMatters({}), String(tick));
  return (
    <PageShell>
      <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} next={res.next} empty={res.data?.cases.length === 0 ? '您还没有在中心办理的事项。到窗口办理后,这里可以查看进度。' : null} />
      {res.data && res.data.cases.length > 0 && (
        <View className="card">
          {res.data.cases.map((c) => (
            <CaseRow key={c.id} c={c} url={`/pages/matter/index?id=${encodeURIComponent(c.id)}`} />
          ))}
        </View>
      )}
    </PageShell>
  );
}
