import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AppealView } from '@shared/contracts/ratings';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import { getSession } from '../../services/session';
import { ratingsApi } from '../../services/fn/ratings';
import { useAction } from '../../services/use-action';
import { useLoad } from '../../services/use-load';
import '../review.scss';
import { TapButton } from '../../components/tap';
import { LabelledTextarea } from '../../components/labelled-input';

/** The office's decision on one pending appeal, with its reasons. */
function Decide({ a, onDone }: { a: AppealView; onDone: () => void }) {
  const act = useAction();
  const [reasons, setReasons] = useState('');
  const decide = (outcome: 'upheld' | 'rejected') =>
    void act.run(() => ratingsApi.decideAppeal({ appealId: a.id, outcome, reasons }), outcome === 'upheld' ? '已审核为申诉成立:该评价不计入统计,记录保留。' : '已审核为申诉不成立。').then((ok) => ok && onDone());
  return (
    <Field label="审核意见" errors={act.errs('reasons')}>
      <LabelledTextarea label="审核意见" value={reasons} maxlength={500} placeholder="如:经调阅监控,工作人员解释耐心,评价与事实不符。" onInput={(e) => setReasons(e.detail.value)} />
      <View className="actions">
        <TapButton type="primary" loading={act.busy} onTap={() => decide('upheld')}>
          申诉成立
        </TapButton>
        <TapButton loading={act.busy} onTap={() => decide('rejected')}>
          申诉不成立
        </TapButton>
      </View>
      {act.message && <View className="error">{act.message}</View>}
    </Field>
  );
}

/**
 * 评价申诉审核 (R-RATE-2): the clerks' appeals, pending first; the office decides with reasons.
 * An upheld appeal takes the rating out of the figures; the rating stays on record.
 */
export default function AppealsPage() {
  const [tick, setTick] = useState(0);
  const res = useLoad(async () => (await ratingsApi.appeals({})).appeals, `appeals|${tick}`);
  const list = res.data ?? [];
  const office = getSession()?.user.role === 'office';
  return (
    <RoleGate roles={['office', 'leader']} who="管理办公室和带班领导">
      <PageShell>
        <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} next={res.next} empty={res.data && list.length === 0 ? '目前没有评价申诉。' : null} />
        {list.length > 0 && (
          <Section title={`评价申诉(${list.length}件)`}>
            {list.map((a) => (
              <View key={a.id} className="rv-item">
                <View className="row">
                  <Text className="item-row__name">{a.itemName}</Text>
                  <Text className={`tag${a.state === 'pending' ? ' tag--warn' : ''}`}>{a.stateLabel}</Text>
                </View>
                <View className="muted">
                  {a.caseNumber} · {a.windowName} · 申诉人 {a.byName}
                </View>
                <View className="rv-text">
                  <Text className="rv-bad">{a.levelLabel}</Text>
                  {a.comment ? `:“${a.comment}”` : ''}
                </View>
                <View className="rv-text">申诉理由:{a.reasons}</View>
                {a.decision && <View className="rv-text">审核意见({a.decision.byName}):{a.decision.reasons}</View>}
                {a.state === 'pending' && office && <Decide a={a} onDone={() => setTick((t) => t + 1)} />}
              </View>
            ))}
          </Section>
        )}
      </PageShell>
    </RoleGate>
  );
}
