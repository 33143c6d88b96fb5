import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { TapButton } from '../../components/tap';
import type { CommentView } from '@shared/contracts/disclosure';
import { PREPUB_KIND_LABELS, PREPUB_STATE_LABELS } from '@shared/domain/disclosure';
import { dateLabel } from '@shared/domain/time';
import { instantDay } from '../../services/format';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { disclosureApi } from '../../services/fn/disclosure';
import { getSession } from '../../services/session';
import { useAction } from '../../services/use-action';
import { useLoad } from '../../services/use-load';
import '../open.scss';
import { LabelledTextarea } from '../../components/labelled-input';

// The center's day of an instant, written out with its weekday (issue 11: one date format; the
// UTC text's first ten characters would be the day before after 16:00 UTC).
const day = (iso: string) => instantDay(iso);

/** The admin's answer to one comment: attached to it for good (R-CAT-5). */
function AnswerForm({ c, onDone }: { c: CommentView; onDone: () => void }) {
  const [text, setText] = useState(c.answer?.text ?? '');
  const act = useAction();
  const send = () => void act.run(() => disclosureApi.answer({ commentId: c.id, text }), '答复已保存。').then((ok) => ok && onDone());
  return (
    <View>
      <Field label={c.answer ? '修改答复' : '答复这条意见'} errors={act.errs('text')}>
        <LabelledTextarea label={c.answer ? '修改答复' : '答复这条意见'} value={text} maxlength={500} placeholder="如:感谢您的意见,已采纳……" onInput={(e) => setText(e.detail.value)} />
      </Field>
      {act.message && <View className="muted">{act.message}</View>}
      <TapButton type="secondary" loading={act.busy} onTap={send}>
        {c.answer ? '保存修改' : '提交答复'}
      </TapButton>
    </View>
  );
}

/**
 * One pre-publication (预公开, R-CAT-5): the plan, every comment (the writer masked) with the
 * center's answer, the final version once published; villagers and agents write or edit their
 * one comment until the end date; the admin answers and, after the end date, publishes the final
 * version.
 */
export default function Prepub() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  const session = getSession();
  const role = session?.user.role;
  const res = useLoad(() => disclosureApi.prepub({ id }), `${id}|${session?.user.id ?? ''}`);
  const d = res.data;
  const [mine, setMine] = useState('');
  const [finalText, setFinalText] = useState('');
  const act = useAction();
  const fin = useAction();
  const [sent, setSent] = useState(true);
  useEffect(() => {
    if (!d) return;
    setMine(d.mine?.text ?? '');
    setFinalText(d.prepub.final?.text ?? d.prepub.text);
  }, [d]);

  const sendComment = () => void act.run(() => disclosureApi.comment({ id, text: mine }), d?.mine ? '您的意见已修改,谢谢!' : '您的意见已提交,谢谢!').then((ok) => {
        setSent(ok);
        if (ok) res.reload();
      });
  const publishFinal = () => void fin.run(() => disclosureApi.publishFinal({ id, text: finalText }), '已正式公布,意见和答复随之存档。').then((ok) => ok && res.reload());

  if (!d) {
    return (
      <PageShell>
        <StateView loading={res.loading} error={res.error} next="back" />
      </PageShell>
    );
  }
  const p = d.prepub;
  const isAdmin = role === 'admin';
  return (
    <PageShell>
      <View className="card">
        <View>
          <Text className="open-tag">{PREPUB_KIND_LABELS[p.kind]}</Text>
          <Text className="open-tag">{PREPUB_STATE_LABELS[p.state]}</Text>
        </View>
        <View className="title">{p.title}</View>
        <View className="muted">
          {day(p.publishedAt)}发布 · 发布人:{p.publisherName} · 意见截止:{dateLabel(p.endsOn)}
        </View>
      </View>
      {p.final && (
        <View className="card">
          <View className="title">正式公布内容</View>
          <View className="muted">
            {day(p.final.publishedAt)}正式公布 · 发布人:{p.final.publisherName}
          </View>
          <View className="open-text">{p.final.text}</View>
        </View>
      )}
      <View className="card">
        <View className="title">{p.final ? '征求意见稿(存档)' : '方案内容'}</View>
        <View className="open-text">{p.text}</View>
      </View>

      {d.canComment && d.mine?.answer && <View className="card muted">中心已经答复了您的意见(见下方),答复针对您原来的意见,所以不能再修改;如有新的意见,请拨打中心监督电话或到中心当面反映,谢谢。</View>}
      {d.canComment && !d.mine?.answer && (
        <View className="card">
          <View className="title">{d.mine ? '我的意见(截止前可以修改)' : '发表我的意见'}</View>
          <Field label="意见内容" hint="请不要填写电话、身份证号等个人信息;公开显示时会隐去。" errors={act.errs('text')}>
            <LabelledTextarea label="意见内容" value={mine} maxlength={500} placeholder="请写下您的意见或建议" onInput={(e) => setMine(e.detail.value)} />
          </Field>
          {act.message && <View className={sent ? 'muted' : 'error'}>{act.message}</View>}
          <TapButton type="primary" loading={act.busy} onTap={sendComment}>
            {d.mine ? '修改我的意见' : '提交意见'}
          </TapButton>
        </View>
      )}
      {!d.canComment && p.state !== 'open' && (role === 'villager' || role === 'agent') && (
        <View className="card muted">本次意见征集已于{dateLabel(p.endsOn)}结束,不再接收意见。如您还有意见,请拨打中心监督电话或到中心当面反映,谢谢您的关心。</View>
      )}
      {!session && p.state === 'open' && <View className="card muted">如需发表意见,请先在“我的”中登录,谢谢。</View>}

      <View className="card">
        <View className="title">群众意见及答复({d.comments.length}条)</View>
        {d.comments.length === 0 && <View className="muted">暂时还没有意见。</View>}
        {d.comments.map((c) => (
          <View key={c.id} className="open-entry">
            <View className="item-row__name">
              {c.commenter}
              {c.mine ? '(我)' : ''}
              <Text className="muted"> {day(c.updatedAt)}</Text>
            </View>
            <View className="open-text">{c.text}</View>
            {c.answer && (
              <View className="open-answer">
                中心答复({c.answer.byName},{day(c.answer.at)}):{c.answer.text}
              </View>
            )}
            {isAdmin && !p.final && <AnswerForm c={c} onDone={res.reload} />}
          </View>
        ))}
      </View>

      {isAdmin && p.state === 'closed' && (
        <View className="card">
          <View className="title">正式公布</View>
          <View className="muted">征求意见期已结束。请逐条答复意见后,根据意见调整方案并正式公布;意见和答复随记录存档。</View>
          <Field label="正式公布内容" errors={fin.errs('text')}>
            <LabelledTextarea label="正式公布内容" value={finalText} maxlength={5000} onInput={(e) => setFinalText(e.detail.value)} />
          </Field>
          {fin.message && <View className="error">{fin.message}</View>}
          <TapButton type="primary" loading={fin.busy} onTap={publishFinal}>
            正式公布
          </TapButton>
        </View>
      )}
      {isAdmin && p.state === 'open' && <View className="card muted">征求意见期到{dateLabel(p.endsOn)}结束,之后可以正式公布。</View>}
    </PageShell>
  );
}
