using Microsoft.AspNetCore.Connections;
using PolicyBot.Hosting;
using PolicyBot.Rules.Loading;

// All construction lives in PolicyBotApp so tests and benchmarks start the very same app.
try
{
    await PolicyBotApp.Build(PolicyBotApp.CreateBuilder(args)).RunAsync();
    return 0;
}
catch (Exception e) when (e is AddressInUseException || e.InnerException is AddressInUseException)
{
    Console.Error.WriteLine($"PolicyBot could not start: {e.Message}");
    Console.Error.WriteLine("Another program is using that port. Stop it, or start PolicyBot on another port, e.g.:");
    Console.Error.WriteLine("  dotnet run --project src/PolicyBot --urls http://localhost:3979");
    return 1;
}
catch (Exception e) when (e is PolicyLoadException or InvalidOperationException)
{
    // A broken policy or lexicon file (LexiconLoadException is a PolicyLoadException), or incomplete settings:
    // the message names the file and line, or the keys.
    Console.Error.WriteLine($"PolicyBot could not start: {e.Message}");
    return 1;
}
