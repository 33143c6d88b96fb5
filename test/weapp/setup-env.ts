// The weapp tests run the client as the mini-program build does (issue 7).
process.env.TARO_ENV = 'weapp';
