export default definePageConfig({ navigationBarTitleText: 'A/B岗设置' });
