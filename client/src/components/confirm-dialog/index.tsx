import { View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
// The large confirmation dialog of the account's erase: one look for every irreversible step.
import '../../account/my-data/index.scss';

/** Asks before an irreversible step (提交后不能撤回): 确定 runs it, 再检查一下 closes the dialog. */
export default function ConfirmDialog({ title, busy, onConfirm, onCancel }: { title: string; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <View className="erase-dialog" role="dialog" aria-label={title}>
      <View className="erase-dialog__box">
        <View className="erase-dialog__title">{title}</View>
        <View className="para">提交后不能撤回或修改,请核对无误后再确定。</View>
        <AtButton type="primary" loading={busy} onClick={onConfirm}>
          确定
        </AtButton>
        <AtButton onClick={onCancel}>再检查一下</AtButton>
      </View>
    </View>
  );
}
