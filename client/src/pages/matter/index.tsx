import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { CASE_STATUS_LABELS } from '@shared/domain/cases';
import { dateLabel } from '@shared/domain/time';
import PageShell from '../../components/page-shell';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import TrailList from '../../components/trail-list';
import { api } from '../../services/api';
import { useLoad } from '../../services/use-load';
import Tap from '../../components/tap';

/** The applicant's view of a case: status, what is still needed, and the progress timeline (R-CASE-7). */
export default function Matter() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const res = useLoad(() => api.cases.get({ caseId: id }), id);
  if (!res.data) {
    return (
      <PageShell>
        <StateView loading={res.loading} error={res.error} onRetry={res.reload} next={res.next} />
      </PageShell>
    );
  }
  const c = res.data.case;
  const notice = (kind: string, label: string) => (
    <Tap role="link" className="row" onTap={() => void Taro.navigateTo({ url: `/pages/case-notice/index?caseId=${encodeURIComponent(c.id)}&kind=${kind}` })}>
      <Text>{label}</Text>
      <Text className="link">查看 ›</Text>
    </Tap>
  );
  return (
    <PageShell>
      <View className="card">
        <View className="hero">{c.itemName}</View>
        <View className="guide-facts">
          <View>办件编号:{c.number}</View>
          <View className="title">当前状态:{CASE_STATUS_LABELS[c.status]}</View>
          {c.status === 'supplement' && c.missingMaterials && <View className="error">请补齐:{c.missingMaterials.join('、')}。这是需要补充的全部材料,补齐后请带到{c.windowName}。</View>}
          {c.deadline && c.status !== 'done' && <View>承诺办结日期:{dateLabel(c.deadline)}</View>}
          <View>承办窗口:{c.windowName}</View>
          <View>首问责任人:{c.firstAskName}(有问题可直接找他/她)</View>
          {c.result && <View>办理结果:{c.result}</View>}
        </View>
        {c.supplementIssuedAt && notice('supplement', '材料补正通知单')}
        {(c.status === 'accepted' || c.status === 'done') && c.acceptedOn && c.deadline && notice('acceptance', '受理通知书')}
        {c.status === 'forwarded' && notice('forward', '转报件告知单')}
        {c.status === 'rejected' && notice('rejection', '不予受理通知书')}
        {c.status === 'done' && notice('done', '办结通知书')}
      </View>
      <Section title="办理进度">
        <TrailList steps={res.data.trail} />
      </Section>
    </PageShell>
  );
}
