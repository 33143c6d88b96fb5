import { View, Text } from '@tarojs/components';

/** A large tappable choice (R-UX-2): a button for screen readers, marked when chosen. */
export default function Choice({ label, note, on, onTap }: { label: string; note?: string; on: boolean; onTap: () => void }) {
  return (
    <View className={`choice${on ? ' choice--on' : ''}`} role="button" aria-label={note ? `${label},${note}` : label} aria-selected={on} onClick={onTap}>
      <Text className="item-row__name">
        {on ? '✓ ' : ''}
        {label}
      </Text>
      {note && <Text className="muted"> {note}</Text>}
    </View>
  );
}
