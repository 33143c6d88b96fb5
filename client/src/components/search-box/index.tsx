import { View } from '@tarojs/components';
import LabelledInput from '../labelled-input';
import { TapButton } from '../tap';

/**
 * The search of the home and the catalog (issue 11): taro-ui's AtSearchBar gives its input no
 * label (axe: critical) and keeps its type small; this is a labelled input that takes the tap
 * over its whole box and a real 搜索 button, both sized from the tokens (长辈模式 enlarges them).
 */
export default function SearchBox({
  value,
  placeholder,
  label = '搜索办事事项',
  onChange,
  onSearch,
}: {
  value: string;
  placeholder: string;
  label?: string;
  onChange: (v: string) => void;
  onSearch: () => void;
}) {
  return (
    <View className="search-box" role="search">
      <LabelledInput
        label={label}
        className="search-box__input"
        type="text"
        confirmType="search"
        value={value}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
        onConfirm={onSearch}
      />
      <TapButton type="primary" className="search-box__go" onTap={onSearch}>
        搜索
      </TapButton>
    </View>
  );
}
