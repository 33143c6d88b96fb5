import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { api } from '../../services/api';
import { getCenterId, setCenterId } from '../../services/session';
import { useLoad } from '../../services/use-load';

/** Choose the township center whose guides to read (a county runs many on one environment). */
export default function Centers() {
  const res = useLoad(() => api.catalog.listCenters({}), 'centers');
  const current = getCenterId();
  return (
    <PageShell>
      <View className="card">
        <View className="hero">您好,请选择您所在乡镇的便民服务中心</View>
      </View>
      <StateView loading={res.loading} error={res.error} onRetry={res.reload} />
      {res.data?.districts.map((d) => (
        <View className="card" key={d.id}>
          <View className="title">{d.name}</View>
          {d.centers.map((c) => (
            <View
              key={c.id}
              className="row"
              onClick={() => {
                setCenterId(c.id);
                Taro.reLaunch({ url: '/pages/index/index' });
              }}
            >
              <View>
                <View className="item-row__name">{c.name}</View>
                <Text className="muted">{c.address}</Text>
              </View>
              <Text className="link">{c.id === current ? '当前 ✓' : '选择 ›'}</Text>
            </View>
          ))}
        </View>
      ))}
    </PageShell>
  );
}
