import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import { ratingsApi } from '../../services/fn/ratings';
import { useLoad } from '../../services/use-load';
import Tap from '../../components/tap';

/** 我的评价 (R-RATE-1): the finished matters still to rate, with the days left, and my ratings. */
export default function MyRatings() {
  const res = useLoad(async () => {
    const [p, m] = await Promise.all([ratingsApi.pending({}), ratingsApi.mine({})]);
    return { pending: p.matters, ratings: m.ratings };
  }, 'mine');
  const d = res.data;
  return (
    <RoleGate roles={['villager', 'agent']} who="群众和代办员">
      <PageShell>
        <StateView loading={res.loading && !d} error={res.error} onRetry={res.reload} next={res.next} />
        {d && (
          <Section title={`待评价(${d.pending.length}件)`}>
            {d.pending.length === 0 && <View className="muted">没有待评价的事项。事项办结后30天内都可以评价,谢谢您的监督。</View>}
            {d.pending.map((m) => (
              <Tap role="link" key={m.caseId} className="row" onTap={() => void Taro.navigateTo({ url: `/rate/index?caseId=${encodeURIComponent(m.caseId)}` })}>
                <View>
                  <View className="item-row__name">{m.itemName}</View>
                  <View className="muted">
                    {m.windowName} · {m.handlerName}
                    {m.onBehalfOf ? ` · 代${m.onBehalfOf}评价` : ''} · 还有{m.daysLeft}天
                  </View>
                </View>
                <Text className="link">去评价 ›</Text>
              </Tap>
            ))}
          </Section>
        )}
        {d && (
          <Section title="已评价">
            {d.ratings.length === 0 && <View className="muted">您还没有评价过。</View>}
            {d.ratings.map((r) => (
              <View key={r.id} className="row">
                <View>
                  <View className="item-row__name">{r.itemName}</View>
                  <View className="muted">
                    {r.handlerName} · {r.channelLabel}
                    {r.onBehalfOf ? ` · 代${r.onBehalfOf}` : ''}
                    {r.comment ? ` · “${r.comment}”` : ''}
                  </View>
                  {r.rectification && <View className="muted">整改情况:{r.rectification.stateLabel}</View>}
                </View>
                <Text className={`tag${r.rectification ? ' tag--warn' : ' tag--ok'}`}>{r.levelLabel}</Text>
              </View>
            ))}
          </Section>
        )}
      </PageShell>
    </RoleGate>
  );
}
