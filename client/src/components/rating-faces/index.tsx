import { Text, View } from '@tarojs/components';
import { RATING_LEVEL_LABELS, RATING_LEVELS, SUB_INDICATOR_LABELS, SUB_INDICATORS, type RatingLevel, type SubIndicator } from '@shared/domain/ratings';
import { tapAttrs } from '../tap';
import './index.scss';

/**
 * The five levels as large faces with their words (R-RATE-1): drawn with plain elements, so a
 * person who cannot read well still sees at a glance which is which, in the weapp and in H5.
 * `huge` is the pad's size. Each face is one radio (on the pad, one button) for screen readers.
 */
export default function RatingFaces({ value, onPick, huge, disabled }: { value: RatingLevel | null; onPick: (l: RatingLevel) => void; huge?: boolean; disabled?: boolean }) {
  return (
    <View className={`faces${huge ? ' faces--huge' : ''}`} role={huge ? undefined : 'radiogroup'} aria-label={huge ? undefined : '总体评价'}>
      {RATING_LEVELS.map((l) => (
        <View
          key={l}
          className={`face-btn face-btn--${l}${value === l ? ' face-btn--on' : ''}`}
          // A choice among five (issue 11: role, name, state); on the pad one tap rates at once: a button.
          {...tapAttrs({ role: huge ? 'button' : 'radio', label: RATING_LEVEL_LABELS[l], checked: value === l, disabled, onTap: () => onPick(l) })}
        >
          <View className="face">
            <View className="face__eyes">
              <View className="face__eye" />
              <View className="face__eye" />
            </View>
            <View className="face__mouth" />
          </View>
          <Text className="face-btn__word">{RATING_LEVEL_LABELS[l]}</Text>
        </View>
      ))}
    </View>
  );
}

/** Three plain choices per sub-indicator (R-RATE-1, optional): 满意, 基本满意, 不满意. */
export const SUB_CHOICES: ReadonlyArray<{ level: RatingLevel; label: string }> = [
  { level: 'satisfied', label: '满意' },
  { level: 'basically_satisfied', label: '一般' },
  { level: 'unsatisfied', label: '不满意' },
];

export type SubPicks = Partial<Record<SubIndicator, RatingLevel>>;

/** The four sub-indicators, each optional: a tap chooses, a second tap clears. */
export function SubIndicatorRows({ value, onChange }: { value: SubPicks; onChange: (v: SubPicks) => void }) {
  return (
    <View>
      {SUB_INDICATORS.map((s) => (
        <View key={s} className="sub-row" role="radiogroup" aria-label={SUB_INDICATOR_LABELS[s]}>
          <Text className="sub-row__name">{SUB_INDICATOR_LABELS[s]}</Text>
          {SUB_CHOICES.map((c) => {
            const on = value[s] === c.level;
            const next = { ...value };
            if (on) delete next[s];
            else next[s] = c.level;
            return (
              <View key={c.level} className={`sub-chip${on ? ' sub-chip--on' : ''}`} {...tapAttrs({ role: 'radio', label: `${SUB_INDICATOR_LABELS[s]}:${c.label}`, checked: on, onTap: () => onChange(next) })}>
                {c.label}
              </View>
            );
          })}
        </View>
      ))}
    </View>
  );
}
