import { Text } from '@tarojs/components';
import Tap from '../components/tap';

/**
 * A large tappable choice (R-UX-2): one of a few, so a radio for screen readers with its state in
 * aria-checked (issue 11), and marked ✓ in words when chosen, not by colour alone.
 */
export default function Choice({ label, note, on, onTap }: { label: string; note?: string; on: boolean; onTap: () => void }) {
  return (
    <Tap className={`choice${on ? ' choice--on' : ''}`} role="radio" label={note ? `${label},${note}` : label} checked={on} onTap={onTap}>
      <Text className="item-row__name">
        {on ? '✓ ' : ''}
        {label}
      </Text>
      {note && <Text className="muted"> {note}</Text>}
    </Tap>
  );
}
