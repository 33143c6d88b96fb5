export default definePageConfig({ navigationBarTitleText: '信访登记簿' });
