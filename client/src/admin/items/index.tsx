import { View, Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { promiseLabel } from '@shared/domain/catalog';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import StateView from '../../components/state-view';
import { api } from '../../services/api';
import { getSession } from '../../services/session';
import { useLoad } from '../../services/use-load';
import { useState } from 'react';
import Tap, { TapButton } from '../../components/tap';

/** The admin's list of their center's items, with the way to add and edit them. */
function AdminItems() {
  const session = getSession();
  const centerId = session?.user.centerId ?? '';
  const [tick, setTick] = useState(0);
  useDidShow(() => setTick((t) => t + 1));
  const list = useLoad(() => api.catalog.listItems({ centerId }), `${centerId}|${tick}`);

  return (
    <PageShell>
      <TapButton type="primary" onTap={() => Taro.navigateTo({ url: '/admin/item-edit/index' })}>
        新增事项
      </TapButton>
      <View className="card" style={{ marginTop: 'var(--space)' }}>
        <StateView loading={list.loading} error={list.error} onRetry={list.reload} next={list.next} />
        {list.data?.items.map((i) => (
          <Tap role="link" onTap={() => Taro.navigateTo({ url: `/admin/item-edit/index?id=${encodeURIComponent(i.id)}` })}
            key={i.id}
            className="row"
          >
            <View>
              <View className="item-row__name">{i.name}</View>
              <Text className="muted">
                {i.code} · {promiseLabel(i.promisedDays)}
              </Text>
            </View>
            <Text className="link">修改 ›</Text>
          </Tap>
        ))}
      </View>
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['admin']} who="中心管理员">
      <AdminItems />
    </RoleGate>
  );
}
