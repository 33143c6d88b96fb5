import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import StateView from '../../components/state-view';
import { api, messageOf } from '../../services/api';
import { useLoad } from '../../services/use-load';
import { instantLabel, NOTICE_KIND_LABELS } from '../../services/format';
import { TapButton } from '../../components/tap';

/** Whether WeChat push is on, and why not (issue 7): the office sees it before the parked list. */
function PushStatus() {
  const res = useLoad(() => api.inbox.pushStatus({}), 'push-status');
  if (!res.data) return <StateView loading={res.loading} error={res.error} onRetry={res.reload} next={res.next} />;
  const { on, kinds, problem } = res.data;
  return (
    <View className="card push-status">
      <View className="row">
        <Text className="item-row__name">微信提醒</Text>
        <Text className={`tag ${on ? 'tag--ok' : 'tag--warn'}`}>{on ? '已开启' : '未开启'}</Text>
      </View>
      {on && kinds.length > 0 && <View className="muted">已配置模板的提醒:{kinds.map((k) => NOTICE_KIND_LABELS[k]).join('、')}</View>}
      {problem && <View className="muted">原因:{problem}</View>}
      {!on && !problem && <View className="muted">原因:尚未配置微信订阅消息模板,提醒目前只在站内“消息通知”中送达。请联系部署人员配置后再试。</View>}
    </View>
  );
}

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
      <PushStatus />
      <View className="muted">这些提醒已送达站内消息,但微信消息多次发送失败。请电话告知相关人员,或重新发送。</View>
      <TapButton onTap={() => void act(async () => {
        const r = await api.inbox.dispatch({});
        setMessage(`已发送${r.sent}条,${r.retried}条稍后重试,${r.skipped}条仅站内送达。`);
      }, '')}>
        立即发送待发的微信消息
      </TapButton>
      {message && <View className="card">{message}</View>}
      <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} next={res.next} empty={res.data?.entries.length === 0 ? '没有未送达的微信提醒。' : null} />
      {res.data?.entries.map((e) => (
        <View key={e.id} className="card">
          <View className="item-row__name">
            {e.title} → {e.userName}
          </View>
          <View>{e.body}</View>
          <Text className="muted">
            {instantLabel(e.createdAt)} · 已尝试{e.attempts}次 · {e.lastError ?? ''}
          </Text>
          <View className="actions">
            <TapButton onTap={() => void act(() => api.inbox.retryParked({ outboxId: e.id }), '已重新排队发送。')}>
              重新发送
            </TapButton>
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
