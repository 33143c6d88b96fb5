import { View, Text } from '@tarojs/components';
import type { ComplaintView } from '@shared/contracts/complaints';
import { dateLabel, instantDay } from '../services/format';

/** The standard's steps (GB/T 36113: 受理 → 登记 → 调查 → 处理 → 反馈 → 执行 → 归档) as a row of marks. */
export function Progress({ c }: { c: ComplaintView }) {
  return (
    <View className="cmp-steps" aria-label={`办理进度:${c.stateLabel}`}>
      {c.progress.map((p) => (
        <View key={p.state} className={`cmp-step${p.done ? ' cmp-step--done' : ''}${p.current ? ' cmp-step--now' : ''}`}>
          {p.label}
        </View>
      ))}
    </View>
  );
}

/** When the reply is due: the limit, or the extended date with its reason. */
export function DueLine({ c }: { c: ComplaintView }) {
  // A review asked after the reply (R-CMP-4): the office answers again by the new limit.
  if (c.reviewRequestedAt && (!c.reply || c.reply.at < c.reviewRequestedAt)) return <Text className="muted">复核中,将于{dateLabel(c.deadline)}前重新答复</Text>;
  if (c.reply) return <Text className="muted">已于{instantDay(c.reply.at)}答复</Text>;
  if (c.extension) return <Text className="muted">答复日期延至{dateLabel(c.extension.newDate)}(原因:{c.extension.reason})</Text>;
  return <Text className="muted">答复期限:{dateLabel(c.deadline)}前</Text>;
}
