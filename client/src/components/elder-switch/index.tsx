import { View } from '@tarojs/components';
import { getPrefs, setPrefs, usePrefs } from '../../services/prefs';
import Tap from '../tap';

/**
 * The 长辈版 switch (长辈模式, R-UX-2; issue 11): a real switch (role switch, named 长辈版, its state
 * in aria-checked and in words, not colour alone), sized from the tokens so it grows with the
 * mode it turns on. The choice is remembered (services/prefs.ts) and every page follows it.
 */
export default function ElderSwitch() {
  const { elderly } = usePrefs();
  return (
    <Tap
      role="switch"
      className={`elder-switch${elderly ? ' elder-switch--on' : ''}`}
      label="长辈版(大字体)"
      checked={elderly}
      onTap={() => setPrefs({ ...getPrefs(), elderly: !elderly })}
    >
      <View className="elder-switch__text">长辈版</View>
      <View className="elder-switch__state">{elderly ? '已开' : '已关'}</View>
      <View className="elder-switch__track">
        <View className="elder-switch__knob" />
      </View>
    </Tap>
  );
}
