/**
 * Where an exported CSV goes (issue 10.7). In H5 the browser downloads it as a file (a Blob and
 * a link with `download`). In WeChat there is no download folder: the file is written under the
 * mini-program's own folder (wx.env.USER_DATA_PATH), then the person sends it to a chat with
 * wx.shareFileMessage — which WeChat accepts only straight from a tap, so it is a second button.
 */
import Taro from '@tarojs/taro';

/** H5: the browser saves `csv` as `fileName` (UTF-8; the text starts with its BOM). */
export function downloadInBrowser(fileName: string, csv: string): void {
  const blob = new Blob([csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started from the URL; free it once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** WeChat: writes the file into the mini-program's folder and returns its path. */
export function writeInWeapp(fileName: string, csv: string): Promise<string> {
  const filePath = `${Taro.env.USER_DATA_PATH ?? ''}/${fileName}`;
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: csv,
      encoding: 'utf8',
      success: () => resolve(filePath),
      fail: (e) => reject(new Error(`对不起,文件没有保存成功(${e.errMsg});请检查手机存储空间后再试。`)),
    });
  });
}

/** WeChat: sends the written file to a chat the person picks; call it straight from a tap. */
export function shareInWeapp(filePath: string, fileName: string): Promise<unknown> {
  return Taro.shareFileMessage({ filePath, fileName });
}
