import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { TapButton } from '../components/tap';
import { COMMENT_MAX, isBad, type RatingLevel } from '@shared/domain/ratings';
import { dateLabel } from '@shared/domain/time';
import Field from '../components/field';
import PageShell from '../components/page-shell';
import RatingFaces, { SubIndicatorRows, type SubPicks } from '../components/rating-faces';
import RoleGate from '../components/role-gate';
import Section from '../components/section';
import StateView from '../components/state-view';
import { ratingsApi } from '../services/fn/ratings';
import { useAction } from '../services/use-action';
import { useLoad } from '../services/use-load';
import { LabelledTextarea } from '../components/labelled-input';

/**
 * 评价 (R-RATE-1): one rating per finished matter, opened from the notice (?caseId=) or from
 * 我的评价. Five large faces with words; the four sub-indicators and a comment are optional.
 */
export default function RatePage() {
  const { params } = useRouter();
  const caseId = decodeURIComponent(params.caseId ?? '');
  const res = useLoad(async () => (await ratingsApi.pending({})).matters, 'pending');
  const act = useAction();
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [subs, setSubs] = useState<SubPicks>({});
  const [comment, setComment] = useState('');
  const [done, setDone] = useState<{ levelLabel: string; bad: boolean } | null>(null);
  const matter = res.data?.find((m) => m.caseId === caseId) ?? null;

  const submit = () => {
    if (!level) {
      act.setMessage('请先点选一个表情(非常满意至非常不满意),谢谢。');
      return;
    }
    void act.run(async () => {
      const r = await ratingsApi.rate({ caseId, level, subIndicators: subs, comment });
      setDone({ levelLabel: r.rating.levelLabel, bad: isBad(level) });
    });
  };

  return (
    <RoleGate roles={['villager', 'agent']} who="群众和代办员">
      <PageShell>
        {done ? (
          <Section title="谢谢您的评价!">
            <View className="hero">{done.levelLabel}</View>
            <View className="para">
              {done.bad ? '对不起,给您添麻烦了。中心将核实情况、督促整改,并在15个工作日内回访您。' : '您的评价已收到,我们会继续做好服务。'}
            </View>
            <View className="actions">
              <TapButton type="primary" onTap={() => Taro.redirectTo({ url: '/rate/mine/index' })}>
                查看我的评价
              </TapButton>
            </View>
          </Section>
        ) : (
          <>
            <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} next={res.next} />
            {res.data && !matter && (
              <Section title="此事项暂不能评价">
                <View className="para">对不起,此事项已经评价过、尚未办结,或已超过30天的评价期限。您可以在“我的评价”中查看待评价的事项。</View>
                <View className="actions">
                  <TapButton type="primary" onTap={() => Taro.redirectTo({ url: '/rate/mine/index' })}>
                    我的评价
                  </TapButton>
                </View>
              </Section>
            )}
            {matter && (
              <>
                <Section title="请您评价这次服务">
                  <View className="item-row__name">{matter.itemName}</View>
                  <View className="muted">
                    {matter.windowName} · 经办人 {matter.handlerName} · {matter.statusLabel}
                  </View>
                  {matter.onBehalfOf && <View className="muted">您为 {matter.onBehalfOf} 代为评价</View>}
                  <View className="muted">请在{dateLabel(matter.lastDay)}前评价(还有{matter.daysLeft}天)</View>
                  <RatingFaces value={level} onPick={setLevel} />
                  {act.errs('level').map((e) => (
                    <View key={e} className="field__error">
                      {e}
                    </View>
                  ))}
                </Section>
                <Section title="分项评价(可不填)">
                  <SubIndicatorRows value={subs} onChange={setSubs} />
                </Section>
                <Section title="意见建议(可不填)">
                  <Field label="" errors={act.errs('comment')}>
                    <LabelledTextarea label="意见建议(可不填)" value={comment} maxlength={COMMENT_MAX} placeholder="如:工作人员解释很耐心。" onInput={(e) => setComment(e.detail.value)} />
                  </Field>
                </Section>
                <View className="actions">
                  <TapButton type="primary" loading={act.busy} onTap={submit}>
                    提交评价
                  </TapButton>
                </View>
                <Text className="muted">每件事项只能评价一次。评价人信息只有中心管理办公室可见,工作人员只看到您的姓氏。</Text>
              </>
            )}
            {act.message && <View className="card">{act.message}</View>}
          </>
        )}
      </PageShell>
    </RoleGate>
  );
}
