import { View, Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import Tap, { TapButton } from '../../components/tap';
import { instantLabel } from '../../services/format';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { api, messageOf } from '../../services/api';
import { useLoad } from '../../services/use-load';

/** The in-app inbox: notices about bookings, authorisations and door-to-door requests. */
export default function Inbox() {
  const [tick, setTick] = useState(0);
  useDidShow(() => setTick((t) => t + 1));
  const res = useLoad(() => api.inbox.list({}), String(tick));

  const open = async (id: string, link?: string) => {
    try {
      await api.inbox.markRead({ noticeId: id });
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' });
    }
    if (link) Taro.navigateTo({ url: link });
    else setTick((t) => t + 1);
  };

  return (
    <PageShell>
      <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} next={res.next} empty={res.data?.notices.length === 0 ? '暂时没有新消息。' : null} />
      {res.data && res.data.unread > 0 && (
        <TapButton type="secondary" onTap={() => void api.inbox.markRead({}).then(() => setTick((t) => t + 1))}>
          全部标为已读({res.data.unread}条未读)
        </TapButton>
      )}
      {res.data && res.data.notices.length > 0 && (
        <View className="card">
          {res.data.notices.map((n) => (
            <Tap role="link" key={n.id} className={`para notice${n.readAt ? '' : ' notice--unread'}`} onTap={() => void open(n.id, n.link)}>
              <View className="item-row__name">{n.title}</View>
              <View>{n.body}</View>
              <Text className="muted">
                {instantLabel(n.createdAt)}
              </Text>
            </Tap>
          ))}
        </View>
      )}
    </PageShell>
  );
}
