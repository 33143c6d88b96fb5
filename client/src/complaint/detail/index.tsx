import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { TapButton } from '../../components/tap';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import { complaintsApi } from '../../services/fn/complaints';
import { useAction } from '../../services/use-action';
import { useLoad } from '../../services/use-load';
import ComplaintBody from '../body';
import '../complaint.scss';
import { LabelledTextarea } from '../../components/labelled-input';

/**
 * 投诉详情 (R-CMP-4): the steps and the reply; a written reply prints as the 答复书 on A4; the
 * complainant says 满意 or 不满意 and, when unsatisfied, may ask the office to review once.
 */
export default function ComplaintDetail() {
  const { params } = useRouter();
  const complaintId = decodeURIComponent(params.id ?? '');
  const [tick, setTick] = useState(0);
  const res = useLoad(() => complaintsApi.get({ complaintId }), `${complaintId}|${tick}`);
  const act = useAction();
  const [reason, setReason] = useState('');
  const reload = () => setTick((t) => t + 1);

  if (!res.data) {
    return (
      <PageShell>
        <StateView loading={res.loading} error={res.error} onRetry={res.reload} next={res.next} />
      </PageShell>
    );
  }
  const { complaint: c, steps } = res.data;
  const rate = (satisfied: boolean) =>
    void act.run(() => complaintsApi.rate({ complaintId, satisfied }), satisfied ? '谢谢您的评价!' : '谢谢您告诉我们。如需中心重新核查,可以申请复核一次。').then((ok) => ok && reload());
  const review = () => void act.run(() => complaintsApi.requestReview({ complaintId, reason }), '已申请复核,中心办公室将重新核查并答复您,谢谢。').then((ok) => ok && reload());

  return (
    <PageShell>
      <ComplaintBody c={c} steps={steps} />
      {/* The one 答复书 page (A4), shared with the office, which prints it for those without phones. */}
      {c.reply?.form === 'written' && (
        <View className="actions">
          <TapButton type="secondary" onTap={() => Taro.navigateTo({ url: `/office/complaint-doc/index?id=${encodeURIComponent(c.id)}` })}>
            查看、打印答复书
          </TapButton>
        </View>
      )}
      {c.reply && (
        <Section title="您对答复满意吗?">
          {c.rating ? (
            <View className="cmp-text">您的评价:{c.rating === 'satisfied' ? '满意' : '不满意'}</View>
          ) : (
            <View className="actions">
              <TapButton type="primary" loading={act.busy} onTap={() => rate(true)}>
                满意
              </TapButton>
              <TapButton type="secondary" loading={act.busy} onTap={() => rate(false)}>
                不满意
              </TapButton>
            </View>
          )}
          {c.rating === 'unsatisfied' && !c.reviewRequestedAt && (
            <Field label="申请复核(只能申请一次)" hint="请写明您不满意的地方,中心办公室将重新核查并答复。" errors={act.errs('reason')}>
              <LabelledTextarea label="申请复核(只能申请一次)" value={reason} maxlength={500} placeholder="如:答复没有说明为什么不能当场办理。" onInput={(e) => setReason(e.detail.value)} />
              <TapButton type="primary" loading={act.busy} onTap={review}>
                申请复核
              </TapButton>
            </Field>
          )}
          {c.reviewRequestedAt && <View className="muted">您已申请复核,中心办公室正在重新核查,请留意消息通知。</View>}
        </Section>
      )}
      {act.message && <View className="card">{act.message}</View>}
    </PageShell>
  );
}
