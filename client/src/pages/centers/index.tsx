import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { api, messageOf } from '../../services/api';
import { signInAtCenter } from '../../services/boot';
import { getCenterId, getSession, setCenterId } from '../../services/session';
import { useLoad } from '../../services/use-load';
import Tap from '../../components/tap';

/**
 * Choose the township center whose guides to read (a county runs many on one environment). In
 * WeChat, a first visit without a center code ends here: choosing signs the villager in at that
 * center (`account.me({ centerId })`, issue 7).
 */
export default function Centers() {
  const res = useLoad(() => api.catalog.listCenters({}), 'centers');
  const current = getCenterId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const choose = async (centerId: string) => {
    if (busy) return;
    if (process.env.TARO_ENV === 'weapp' && !getSession()) {
      setBusy(true);
      setError(null);
      try {
        await signInAtCenter(centerId);
      } catch (e) {
        setError(messageOf(e));
        return;
      } finally {
        setBusy(false);
      }
    }
    setCenterId(centerId);
    Taro.reLaunch({ url: '/pages/index/index' });
  };

  return (
    <PageShell>
      <View className="card">
        <View className="hero">您好,请选择您所在乡镇的便民服务中心</View>
      </View>
      {error && (
        <View className="card">
          <Text className="error">{error}</Text>
        </View>
      )}
      <StateView loading={res.loading} error={res.error} onRetry={res.reload} next={res.next} />
      {res.data?.districts.map((d) => (
        <View className="card" key={d.id}>
          <View className="title">{d.name}</View>
          {d.centers.map((c) => (
            <Tap role="link"
              key={c.id}
              className="row"
              onTap={() => void choose(c.id)}
            >
              <View>
                <View className="item-row__name">{c.name}</View>
                <Text className="muted">{c.address}</Text>
              </View>
              <Text className="link">{c.id === current ? '当前 ✓' : '选择 ›'}</Text>
            </Tap>
          ))}
        </View>
      ))}
    </PageShell>
  );
}
