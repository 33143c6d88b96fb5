import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PREPUB_KIND_LABELS, PREPUB_STATE_LABELS } from '@shared/domain/disclosure';
import { dateLabel } from '@shared/domain/time';
import NavRow from '../../components/nav-row';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { disclosureApi } from '../../services/fn/disclosure';
import ChooseCenter from '../../components/choose-center';
import { usePublicCenter } from '../../services/public-center';
import { getSession } from '../../services/session';
import { useLoad } from '../../services/use-load';
import '../open.scss';
import Tap from '../../components/tap';

/**
 * 意见征集 (预公开, R-CAT-5): the major items the center puts out for comments before deciding —
 * a new service item, a changed commitment, a fee — newest first, each with its end date.
 */
export default function Prepubs() {
  const session = getSession();
  const centerId = usePublicCenter();
  const res = useLoad(async () => (centerId ? disclosureApi.prepubs({ centerId }) : null), centerId ?? '');
  const list = res.data?.prepubs ?? [];
  if (!centerId) {
    return (
      <PageShell>
        <ChooseCenter />
      </PageShell>
    );
  }
  return (
    <PageShell>
      <View className="muted">您好!涉及群众切身利益的重要事项,中心在正式决定前先公布方案,听取您的意见。每人对每个事项可提一条意见,截止前可以修改。</View>
      {session?.user.role === 'admin' && session.user.centerId === centerId && (
        <View className="card">
          <NavRow label="发起意见征集(管理员)" url="/open/prepub-new/index" />
        </View>
      )}
      <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} next={res.next} empty={res.data && list.length === 0 ? '目前没有正在征求意见的事项,谢谢您的关心。' : null} />
      {list.map((p) => (
        <Tap role="link" key={p.id} className="card" label={p.title} onTap={() => void Taro.navigateTo({ url: `/open/prepub/index?id=${encodeURIComponent(p.id)}` })}>
          <View>
            <Text className="open-tag">{PREPUB_KIND_LABELS[p.kind]}</Text>
            <Text className="open-tag">{PREPUB_STATE_LABELS[p.state]}</Text>
          </View>
          <View className="item-row__name">{p.title}</View>
          <View className="muted">
            意见截止:{dateLabel(p.endsOn)} · 已收到意见{p.commentCount}条{p.unanswered && session?.user.role === 'admin' ? `(${p.unanswered}条待答复)` : ''}
          </View>
          <View className="link">查看详情 ›</View>
        </Tap>
      ))}
    </PageShell>
  );
}
