using PolicyBot.Privacy;
using PolicyBot.Storage;

namespace PolicyBot.Feedback;

/// <summary>Registers verdict feedback: its store in the bot's SQLite file and <see cref="VerdictFeedback"/>.</summary>
public static class FeedbackServices
{
    /// <summary>Adds the feedback store (table <c>verdict_feedback</c>, created at start-up), its handler, and its place in "my data" / "forget me".</summary>
    public static IServiceCollection AddVerdictFeedback(this IServiceCollection services)
    {
        services.AddSingleton(sp => new SqliteVerdictFeedbackStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetService<TimeProvider>()));
        services.AddSingleton<VerdictFeedback>();
        services.AddSingleton<IPersonalData, FeedbackPersonalData>();
        return services;
    }
}
