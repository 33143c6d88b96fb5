export default definePageConfig({ navigationBarTitleText: '导出月度数据' });
