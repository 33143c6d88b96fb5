import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Tap, { TapButton } from '../../components/tap';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import StateView from '../../components/state-view';
import { complaintsApi } from '../../services/fn/complaints';
import { useLoad } from '../../services/use-load';
import { DueLine, Progress } from '../steps';
import '../complaint.scss';

/** 我的投诉 (R-CMP-1): each complaint with its step along the standard, the due date, a tap to the detail. */
export default function MyComplaints() {
  const res = useLoad(async () => (await complaintsApi.mine({})).complaints, 'mine');
  const list = res.data ?? [];
  return (
    <RoleGate roles={['villager', 'agent']} who="群众和代办员">
      <PageShell>
        <View className="actions">
          <TapButton type="primary" onTap={() => Taro.navigateTo({ url: '/complaint/file/index' })}>
            我要投诉
          </TapButton>
          <TapButton type="secondary" onTap={() => Taro.navigateTo({ url: '/complaint/track/index' })}>
            投诉查询
          </TapButton>
        </View>
        <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} next={res.next} empty={res.data && list.length === 0 ? '您还没有投诉记录。对服务有意见,欢迎点“我要投诉”告诉我们,谢谢。' : null} />
        {list.map((c) => (
          <Tap role="link" key={c.id} className="card" onTap={() => void Taro.navigateTo({ url: `/complaint/detail/index?id=${encodeURIComponent(c.id)}` })}>
            <View className="row">
              <Text className="item-row__name">{c.subject.label}</Text>
              <Text className="link">详情 ›</Text>
            </View>
            <View className="muted">
              编号 {c.number}
              {c.anonymous ? ' · 匿名' : ''}
            </View>
            <Progress c={c} />
            <DueLine c={c} />
          </Tap>
        ))}
        <View className="muted">匿名投诉不显示在这里,请凭投诉编号和查询码查询。</View>
      </PageShell>
    </RoleGate>
  );
}
