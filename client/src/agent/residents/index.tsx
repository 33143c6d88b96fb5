import { View, Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import StateView from '../../components/state-view';
import { api } from '../../services/api';
import { AUTH_METHOD_LABELS, AUTH_STATE_LABELS, dateLabel } from '../../services/format';
import { useLoad } from '../../services/use-load';
import Tap, { TapButton } from '../../components/tap';

/** The agent's residents (own village), each with the state of their authorisation (R-BOOK-4). */
function Residents() {
  const [tick, setTick] = useState(0);
  useDidShow(() => setTick((t) => t + 1));
  const res = useLoad(() => api.residents.list({}), String(tick));
  return (
    <PageShell>
      <TapButton type="primary" onTap={() => Taro.navigateTo({ url: '/agent/resident-new/index' })}>
        登记新的代办群众
      </TapButton>
      <View className="muted">为群众代办前,须取得本人授权(签字授权书、当面授权或本人在小程序中确认)。预约时在办事指南中点“预约办理”,再选择群众。</View>
      <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} next={res.next} empty={res.data?.residents.length === 0 ? '您还没有登记代办群众。' : null} />
      {res.data && res.data.residents.length > 0 && (
        <View className="card">
          {res.data.residents.map((r) => {
            const a = r.authorization;
            return (
              <View key={r.id} className="row resident-row">
                <View>
                  <View className="item-row__name">
                    {r.name} {r.onWechat && <Text className="tag">已用微信</Text>}
                  </View>
                  <View className="muted">
                    {r.villageName} · {r.idNumber} · {r.phone}
                  </View>
                  <View className={a?.state === 'active' ? 'muted' : 'error'}>
                    {a ? `${AUTH_METHOD_LABELS[a.method]},${dateLabel(a.givenOn)} 至 ${dateLabel(a.validUntil)},${AUTH_STATE_LABELS[a.state]}` : '尚未登记授权'}
                  </View>
                </View>
                <Tap role="link" label={`${a?.state === 'active' ? '续授权' : a?.state === 'revoked' ? '重新授权' : '补录授权'}:${r.name}`} onTap={() => Taro.navigateTo({ url: `/agent/authorize/index?residentId=${encodeURIComponent(r.id)}&name=${encodeURIComponent(r.name)}&wechat=${r.onWechat ? '1' : '0'}` })} className="link">
                  {a?.state === 'active' ? '续授权' : a?.state === 'revoked' ? '重新授权' : '补录授权'} ›
                </Tap>
              </View>
            );
          })}
        </View>
      )}
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['agent']} who="村代办员">
      <Residents />
    </RoleGate>
  );
}
