using Microsoft.AspNetCore.Connections;
using PolicyBot.Hosting;
using PolicyBot.Rules.Loading;

// All construction lives in PolicyBotApp so tests and benchmarks start the very same app.
try
{
    var builder = PolicyBotApp.CreateBuilder(args);

    // A taken port gets one line before anything starts (Kestrel's own failure comes with a logged stack trace).
    if (PortCheck.FindTaken(builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey)) is { } taken)
    {
        Console.Error.WriteLine(PortCheck.Message(taken));
        return 1;
    }

    await PolicyBotApp.Build(builder).RunAsync();
    return 0;
}
catch (Exception e) when (e is AddressInUseException || e.InnerException is AddressInUseException)
{
    // Taken between the check and the bind.
    Console.Error.WriteLine($"PolicyBot could not start: {e.Message} Stop the program using that port, or start PolicyBot on another port with --urls.");
    return 1;
}
catch (Exception e) when (e is PolicyLoadException or InvalidOperationException)
{
    // A broken policy or lexicon file (LexiconLoadException is a PolicyLoadException), or incomplete settings:
    // the message names the file and line, or the keys.
    Console.Error.WriteLine($"PolicyBot could not start: {e.Message}");
    return 1;
}
