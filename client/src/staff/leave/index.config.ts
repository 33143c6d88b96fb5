export default definePageConfig({ navigationBarTitleText: '请假登记' });
