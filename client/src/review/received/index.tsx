import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { StaffRatingView } from '@shared/contracts/ratings';
import { SUB_INDICATOR_LABELS, SUB_INDICATORS, RATING_LEVEL_LABELS } from '@shared/domain/ratings';
import { dateLabel } from '@shared/domain/time';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import { ratingsApi } from '../../services/fn/ratings';
import { useAction } from '../../services/use-action';
import { useLoad } from '../../services/use-load';
import '../review.scss';
import { TapButton } from '../../components/tap';
import { LabelledTextarea } from '../../components/labelled-input';

/** The appeal form of one bad review (R-RATE-2): reasons, within 5 working days. */
function AppealForm({ r, onDone }: { r: StaffRatingView; onDone: () => void }) {
  const act = useAction();
  const [reasons, setReasons] = useState('');
  const [open, setOpen] = useState(false);
  if (!r.bad || r.appeal !== 'none') return null;
  if (r.appealProblem) return <View className="muted">{r.appealProblem}</View>;
  if (!open) {
    return (
      <TapButton onTap={() => setOpen(true)}>
        申诉(截止{r.appealLastDay ? dateLabel(r.appealLastDay) : ''})
      </TapButton>
    );
  }
  return (
    <Field label="申诉理由" hint="如认为评价恶意或与事实不符,请写明理由和可核实的依据(如监控、记录),管理办公室将审核。" errors={act.errs('reasons')}>
      <LabelledTextarea label="申诉理由" value={reasons} maxlength={500} placeholder="如:评价人当日因政策不符合条件而不满,办理过程有监控可查。" onInput={(e) => setReasons(e.detail.value)} />
      <TapButton type="primary" loading={act.busy} onTap={() => void act.run(() => ratingsApi.appeal({ ratingId: r.id, reasons }), '已提交申诉,请等待管理办公室审核。').then((ok) => ok && onDone())}>
        提交申诉
      </TapButton>
      {act.message && <View className="error">{act.message}</View>}
    </Field>
  );
}

/**
 * 我收到的评价 (R-RATE-1..2): the ratings of the matters I handled or first received — the level,
 * the sub-indicators and the comment; of who rated only the masked name. A bad review may be appealed.
 */
export default function ReceivedRatings() {
  const [tick, setTick] = useState(0);
  const res = useLoad(async () => (await ratingsApi.received({})).ratings, `received|${tick}`);
  const list = res.data ?? [];
  return (
    <RoleGate roles={['staff']} who="窗口工作人员">
      <PageShell>
        <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} next={res.next} empty={res.data && list.length === 0 ? '您办理的事项还没有收到评价。' : null} />
        {list.length > 0 && (
          <Section title={`收到的评价(${list.length}条)`}>
            {list.map((r) => (
              <View key={r.id} className="rv-item">
                <View className="row">
                  <Text className="item-row__name">{r.itemName}</Text>
                  <Text className={`tag${r.bad ? ' tag--warn' : ' tag--ok'}`}>{r.levelLabel}</Text>
                </View>
                <View className="muted">
                  {r.caseNumber} · 评价人 {r.applicantMasked} · {r.channelLabel} · {dateLabel(r.ratedOn)}
                </View>
                {SUB_INDICATORS.some((s) => r.subIndicators[s]) && (
                  <View className="muted">{SUB_INDICATORS.filter((s) => r.subIndicators[s]).map((s) => `${SUB_INDICATOR_LABELS[s]}:${RATING_LEVEL_LABELS[r.subIndicators[s]!]}`).join(' · ')}</View>
                )}
                {r.comment && <View className="rv-text">“{r.comment}”</View>}
                {r.appeal !== 'none' && <View className="muted">申诉:{r.appealLabel}{r.excludedFromFigures ? '(不计入考核统计,记录保留)' : ''}</View>}
                <AppealForm r={r} onDone={() => setTick((t) => t + 1)} />
              </View>
            ))}
          </Section>
        )}
      </PageShell>
    </RoleGate>
  );
}
