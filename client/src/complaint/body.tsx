import { View, Text } from '@tarojs/components';
import type { ComplaintView } from '@shared/contracts/complaints';
import type { ComplaintStep } from '@shared/domain/complaints';
import Section from '../components/section';
import { instantDay } from '../services/format';
import { DueLine, Progress } from './steps';

/**
 * One complaint as its complainant sees it (R-CMP-4): what it is about, the steps, the facts, the
 * public trail and the reply. Shared by 投诉详情 and 投诉查询 (which has no identity).
 */
export default function ComplaintBody({ c, steps }: { c: ComplaintView; steps: ComplaintStep[] }) {
  const shown = steps.filter((s) => s.public);
  return (
    <>
      <View className="card">
        <View className="muted">投诉编号</View>
        <View className="cmp-big">{c.number}</View>
        <View className="title">{c.subject.label}</View>
        <View>
          <Text className="tag">{c.stateLabel}</Text> <Text className="muted">{c.channelLabel}{c.anonymous ? ' · 匿名' : ''}</Text>
        </View>
        <Progress c={c} />
        <DueLine c={c} />
      </View>
      {c.reply && (
        <Section title={c.reply.form === 'written' ? '书面答复' : '答复记录'}>
          <View className="cmp-text">{c.reply.text}</View>
          <View className="muted">
            {c.reply.byName} · {instantDay(c.reply.at)}
          </View>
        </Section>
      )}
      <Section title="投诉内容">
        <View className="muted">事情经过</View>
        <View className="cmp-text">{c.facts}</View>
        <View className="muted">诉求</View>
        <View className="cmp-text">{c.wants}</View>
      </Section>
      {shown.length > 0 && (
        <Section title="办理记录">
          {shown.map((s) => (
            <View key={s.id} className="cmp-log">
              <View>{s.text}</View>
              <View className="muted">
                {s.actorName} · {instantDay(s.at)}
              </View>
            </View>
          ))}
        </Section>
      )}
    </>
  );
}
