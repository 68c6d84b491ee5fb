using PolicyBot.Hosting;

// All construction lives in PolicyBotApp so tests and benchmarks start the very same app.
await PolicyBotApp.Build(PolicyBotApp.CreateBuilder(args)).RunAsync();
