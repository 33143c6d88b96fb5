import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { RectificationView } from '@shared/contracts/ratings';
import { CALLBACK_RESULT_LABELS, CALLBACK_RESULTS, type CallbackResult } from '@shared/domain/ratings';
import { DEADLINE_BADGE_LABELS } from '@shared/domain/cases';
import { dateLabel } from '@shared/domain/time';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import { ratingsApi } from '../../services/fn/ratings';
import { useAction } from '../../services/use-action';
import { useLoad } from '../../services/use-load';
import '../../components/rating-faces/index.scss';
import '../review.scss';
import Tap, { TapButton } from '../../components/tap';
import { LabelledTextarea } from '../../components/labelled-input';

/** The next step of an item as a small form: 核实 → 整改 → 回访 → 办结 (R-RATE-2). */
function NextStep({ item, onDone }: { item: RectificationView; onDone: () => void }) {
  const act = useAction();
  const [text, setText] = useState('');
  const [result, setResult] = useState<CallbackResult | null>(null);
  const next = item.actions[0];
  if (!next) return null;
  const rectificationId = item.id;
  const go = (fn: () => Promise<unknown>, done: string) => void act.run(fn, done).then((ok) => ok && onDone());
  if (next === 'close') {
    return (
      <View className="actions">
        <TapButton type="primary" loading={act.busy} onTap={() => go(() => ratingsApi.close({ rectificationId }), '已办结,谢谢。')}>
          办结
        </TapButton>
        {act.message && <View className="error">{act.message}</View>}
      </View>
    );
  }
  const labels = { verify: ['核实情况', '如:经调阅记录,当日排队较长,工作人员解释不够。'], rectify: ['整改措施', '如:高峰时段增开窗口,加强解释。'], callback: ['回访情况', '如:电话回访,群众表示理解。'] } as const;
  const [label, placeholder] = labels[next];
  const submit = () => {
    if (next === 'verify') go(() => ratingsApi.verify({ rectificationId, text }), '已登记核实情况。');
    if (next === 'rectify') go(() => ratingsApi.rectify({ rectificationId, measures: text }), '已登记整改措施,请回访评价人。');
    if (next === 'callback') {
      if (!result) {
        act.setMessage('请选择回访结果,谢谢。');
        return;
      }
      go(() => ratingsApi.callback({ rectificationId, result, note: text }), '已登记回访结果,可以办结。');
    }
  };
  return (
    <View>
      {next === 'callback' && (
        <Field label="回访结果" errors={act.errs('result')}>
          <View className="faces">
            {CALLBACK_RESULTS.map((r) => (
              <Tap role="radio" checked={result === r} onTap={() => setResult(r)} key={r} className={`sub-chip${result === r ? ' sub-chip--on' : ''}`}>
                {CALLBACK_RESULT_LABELS[r]}
              </Tap>
            ))}
          </View>
        </Field>
      )}
      <Field label={label} errors={act.errs(next === 'rectify' ? 'measures' : next === 'callback' ? 'note' : 'text')}>
        <LabelledTextarea label={label} value={text} maxlength={500} placeholder={placeholder} onInput={(e) => setText(e.detail.value)} />
      </Field>
      <TapButton type="primary" loading={act.busy} onTap={submit}>
        {next === 'verify' ? '登记核实' : next === 'rectify' ? '登记整改' : '登记回访'}
      </TapButton>
      {act.message && <View className="error">{act.message}</View>}
    </View>
  );
}

/**
 * 差评整改 (R-RATE-2): the window head's queue (the office and leaders see the center's), overdue
 * first; each item with the rating, the comment, the masked rater and the next step.
 */
export default function RectifyQueue() {
  const { params } = useRouter();
  const focus = decodeURIComponent(params.id ?? '');
  const [all, setAll] = useState(false);
  const [tick, setTick] = useState(0);
  const res = useLoad(async () => (await ratingsApi.rectifications({ open: !all })).items, `${all}|${tick}`);
  const items = res.data ?? [];
  return (
    <RoleGate roles={['staff', 'office', 'leader']} who="窗口负责人、管理办公室和带班领导">
      <PageShell>
        <View className="actions">
          <TapButton type={all ? 'secondary' : 'primary'} onTap={() => setAll(false)}>
            待办结
          </TapButton>
          <TapButton type={all ? 'primary' : 'secondary'} onTap={() => setAll(true)}>
            全部
          </TapButton>
        </View>
        <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} next={res.next} empty={res.data && items.length === 0 ? '目前没有需要整改的差评,谢谢您的辛勤工作。' : null} />
        {items.length > 0 && (
          <Section title={`差评整改(${items.length}件)`}>
            {items.map((i) => (
              <View key={i.id} className={`rv-item${i.id === focus ? ' rv-item--focus' : ''}`}>
                <View className="row">
                  <Text className="item-row__name">{i.itemName}</Text>
                  <Text className={`tag${i.badge === 'overdue' ? ' tag--warn' : ''}`}>{i.badge ? DEADLINE_BADGE_LABELS[i.badge] : i.stateLabel}</Text>
                </View>
                <View className="muted">
                  {i.caseNumber} · {i.windowName} · 经办人 {i.handlerName} · 评价人 {i.applicantMasked}
                </View>
                <View className="rv-text">
                  <Text className="rv-bad">{i.levelLabel}</Text>
                  {i.comment ? `:“${i.comment}”` : '(未留言)'}
                </View>
                <View className="muted">
                  {i.stateLabel} · 整改期限 {dateLabel(i.deadline)} · 负责人 {i.headName}
                </View>
                {i.contactPhone && <View className="muted">回访电话:{i.contactPhone}</View>}
                {i.verification && <View className="rv-text">核实:{i.verification}</View>}
                {i.measures && <View className="rv-text">整改:{i.measures}</View>}
                {i.callback && <View className="rv-text">回访:{i.callback.resultLabel},{i.callback.note}{i.callback.onTime ? '' : '(超期回访)'}</View>}
                {i.closedByAppeal && <View className="muted">该评价经申诉审核成立,整改事项已终止(评价记录保留)。</View>}
                <NextStep item={i} onDone={() => setTick((t) => t + 1)} />
              </View>
            ))}
          </Section>
        )}
      </PageShell>
    </RoleGate>
  );
}
