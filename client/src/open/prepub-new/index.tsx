import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import Tap, { TapButton } from '../../components/tap';
import { MIN_COMMENT_WORKING_DAYS, PREPUB_KINDS, PREPUB_KIND_LABELS, type PrepubKind } from '@shared/domain/disclosure';
import { addDays, dateLabel } from '@shared/domain/time';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import StateView from '../../components/state-view';
import { disclosureApi } from '../../services/fn/disclosure';
import { getSession } from '../../services/session';
import { useAction } from '../../services/use-action';
import { useLoad } from '../../services/use-load';
import '../open.scss';
import LabelledInput, { LabelledTextarea } from '../../components/labelled-input';

/** A large tappable choice, marked when chosen. */
function Chip({ label, on, onTap }: { label: string; on: boolean; onTap: () => void }) {
  return (
    <Tap className={`choice${on ? ' choice--on' : ''}`} role="radio" label={label} checked={on} onTap={onTap}>
      <Text className="item-row__name">
        {on ? '✓ ' : ''}
        {label}
      </Text>
    </Tap>
  );
}

/**
 * The admin puts a major item out for comments (预公开, R-CAT-5): what kind, the title, the plan,
 * and the end date — at least 5 working days ahead, offered as choices.
 */
function NewPrepub() {
  const centerId = getSession()?.user.centerId ?? '';
  const bounds = useLoad(async () => (await disclosureApi.prepubs({ centerId })).endBounds, centerId);
  const [kind, setKind] = useState<PrepubKind | null>(null);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [endsOn, setEndsOn] = useState<string | null>(null);
  const act = useAction();
  const b = bounds.data;
  const ends = b ? [b.earliest, addDays(b.earliest, 7), addDays(b.earliest, 14), addDays(b.earliest, 28)].filter((d) => d <= b.latest) : [];
  const send = () =>
    void act.run(async () => {
      const { prepub } = await disclosureApi.prepublish({ kind: kind ?? ('' as PrepubKind), title, text, endsOn: endsOn ?? '' });
      void Taro.redirectTo({ url: `/open/prepub/index?id=${encodeURIComponent(prepub.id)}` });
    });
  return (
    <PageShell>
      <StateView loading={bounds.loading && !b} error={bounds.error} onRetry={bounds.reload} next={bounds.next} />
      <View className="card">
        <Field label="事项类别" errors={act.errs('kind')}>
          {PREPUB_KINDS.map((k) => (
            <Chip key={k} label={PREPUB_KIND_LABELS[k]} on={kind === k} onTap={() => setKind(k)} />
          ))}
        </Field>
        <Field label="标题" errors={act.errs('title')}>
          <LabelledInput label="标题" value={title} maxlength={60} placeholder="如:新增老年人优待证办理事项" onInput={(e) => setTitle(e.detail.value)} />
        </Field>
        <Field label="方案内容" hint="写明拟办事项、对象、条件、期限或收费标准及执行日期" errors={act.errs('text')}>
          <LabelledTextarea label="方案内容" value={text} maxlength={5000} placeholder="如:拟在民政窗口新增……" onInput={(e) => setText(e.detail.value)} />
        </Field>
        <Field label="征求意见截止日期" hint={`至少${MIN_COMMENT_WORKING_DAYS}个工作日,让每周来一次中心的群众也有完整的一周`} errors={act.errs('endsOn')}>
          <View className="open-chips">
            {ends.map((d) => (
              <Chip key={d} label={dateLabel(d)} on={endsOn === d} onTap={() => setEndsOn(d)} />
            ))}
          </View>
        </Field>
        {act.message && <View className="error">{act.message}</View>}
        <TapButton type="primary" loading={act.busy} onTap={send}>
          发布征求意见稿
        </TapButton>
      </View>
    </PageShell>
  );
}

export default function NewPrepubPage() {
  return (
    <RoleGate roles={['admin']} who="中心管理员">
      <NewPrepub />
    </RoleGate>
  );
}
