import { View, Text } from '@tarojs/components';
import { instantLabel } from '../../services/format';

interface Step {
  id: string;
  at: string;
  actorName: string;
  text: string;
  public: boolean;
}

/** The case's trail as a timeline (R-CASE-7): who did what, when — the day written out with its weekday (issue 11: one date format). */
export default function TrailList({ steps }: { steps: Step[] }) {
  return (
    <View className="timeline">
      {steps.map((s) => (
        <View key={s.id} className={`timeline__step${s.public ? '' : ' timeline__step--internal'}`}>
          <View className="muted">
            {instantLabel(s.at)} · {s.actorName}
            {s.public ? '' : ' · 内部'}
          </View>
          <Text>{s.text}</Text>
        </View>
      ))}
    </View>
  );
}
