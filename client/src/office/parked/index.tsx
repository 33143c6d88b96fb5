import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { AtButton } from 'taro-ui';
import { shanghaiDate, shanghaiTime } from '@shared/domain/time';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import StateView from '../../components/state-view';
import { api, messageOf } from '../../services/api';
import { useLoad } from '../../services/use-load';

/** WeChat messages that failed every retry: the office follows up (by phone) and may requeue them. */
function Parked() {
  const [tick, setTick] = useState(0);
  const res = useLoad(() => api.inbox.parked({}), String(tick));
  const [message, setMessage] = useState<string | null>(null);
  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      setMessage(done);
      setTick((t) => t + 1);
    } catch (e) {
      setMessage(messageOf(e));
    }
  };
  return (
    <PageShell>
      <View className="muted">这些提醒已送达站内消息,但微信消息多次发送失败。请电话告知相关人员,或重新发送。</View>
      <AtButton type="secondary" onClick={() => void act(async () => {
        const r = await api.inbox.dispatch({});
        setMessage(`已发送${r.sent}条,${r.retried}条稍后重试,${r.skipped}条仅站内送达。`);
      }, '')}>
        立即发送待发的微信消息
      </AtButton>
      {message && <View className="card">{message}</View>}
      <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} empty={res.data?.entries.length === 0 ? '没有未送达的微信提醒。' : null} />
      {res.data?.entries.map((e) => (
        <View key={e.id} className="card">
          <View className="item-row__name">
            {e.title} → {e.userName}
          </View>
          <View>{e.body}</View>
          <Text className="muted">
            {shanghaiDate(new Date(e.createdAt))} {shanghaiTime(new Date(e.createdAt))} · 已尝试{e.attempts}次 · {e.lastError ?? ''}
          </Text>
          <View className="actions">
            <AtButton type="secondary" size="small" onClick={() => void act(() => api.inbox.retryParked({ outboxId: e.id }), '已重新排队发送。')}>
              重新发送
            </AtButton>
          </View>
        </View>
      ))}
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['office', 'admin']} who="中心管理办公室">
      <Parked />
    </RoleGate>
  );
}
