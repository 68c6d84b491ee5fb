using System.Globalization;
using PolicyBot.Hosting;
using PolicyBot.Understanding;

namespace PolicyBot.Privacy;

/// <summary>
/// What may go into the log about a person. By default nothing they typed and no names: log lines carry ids, the
/// situation's facts, the verdict and its rule instead. An administrator who needs the words to troubleshoot sets
/// <see cref="SettingsKeys.TroubleshootingLogTypedTextUntil"/> to a UTC time; until then typed text (with phone numbers
/// and e-mail addresses still replaced) and display names are logged, after it they are not, without a restart.
/// Thread-safe.
/// </summary>
public sealed class LogPrivacy
{
    /// <summary>Longest stretch of typed text logged while troubleshooting, in characters.</summary>
    public const int MaxLoggedText = 200;

    private readonly TimeProvider _time;
    private readonly Redactor _redactor;

    /// <summary>Creates the policy.</summary>
    /// <param name="until">End of the troubleshooting window (UTC), or null for none.</param>
    /// <param name="time">The clock the window is checked against.</param>
    /// <param name="redactor">Replaces phone numbers and e-mail addresses in logged text.</param>
    public LogPrivacy(DateTimeOffset? until, TimeProvider time, Redactor redactor)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(redactor);
        TypedTextUntil = until?.ToUniversalTime();
        _time = time;
        _redactor = redactor;
    }

    /// <summary>The end of the troubleshooting window (UTC), or null when none is configured.</summary>
    public DateTimeOffset? TypedTextUntil { get; }

    /// <summary>True while typed text and names may be logged (before <see cref="TypedTextUntil"/>).</summary>
    public bool TypedTextOn => TypedTextUntil is { } until && _time.GetUtcNow() < until;

    /// <summary>Reads <see cref="SettingsKeys.TroubleshootingLogTypedTextUntil"/>.</summary>
    /// <param name="configuration">App configuration.</param>
    /// <param name="time">The clock.</param>
    /// <param name="redactor">The redactor for logged text.</param>
    /// <exception cref="InvalidOperationException">The setting is not a date and time (the message names the setting and the format).</exception>
    public static LogPrivacy From(IConfiguration configuration, TimeProvider time, Redactor redactor)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[SettingsKeys.TroubleshootingLogTypedTextUntil]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return new LogPrivacy(null, time, redactor);
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var until))
        {
            throw new InvalidOperationException(
                $"{SettingsKeys.TroubleshootingLogTypedTextUntil} '{text}' is not a date and time. Give the UTC time at which typed text " +
                "stops being logged, e.g. 2026-12-03T18:00:00Z, or leave it empty (the default: typed text is never logged).");
        }
        return new LogPrivacy(until, time, redactor);
    }

    /// <summary>
    /// Typed text for a log line: while troubleshooting, the text (shortened to <see cref="MaxLoggedText"/>, phone
    /// numbers and e-mail addresses replaced); otherwise only its length.
    /// </summary>
    /// <param name="text">What the person typed (or a card carried as their words).</param>
    public string Text(string? text)
    {
        text ??= "";
        if (!TypedTextOn)
        {
            return $"({text.Length} characters, not logged)";
        }
        var shortened = text.Length <= MaxLoggedText ? text : text[..MaxLoggedText] + "…";
        return "\"" + _redactor.Redact(shortened) + "\"";
    }

    /// <summary>A display name for a log line: the name while troubleshooting, otherwise a placeholder (log the object id beside it).</summary>
    /// <param name="name">The display name, or null.</param>
    public string Name(string? name) => TypedTextOn ? name ?? "(no name)" : "(name not logged)";

    /// <summary>
    /// An exception for a log line. Outside the troubleshooting window the message of <paramref name="exception"/> and of
    /// its inner exceptions may quote what a person typed (a parser quoting its input, a store naming a value), so they
    /// are replaced: the types and stack traces stay, which is what locates a bug.
    /// </summary>
    /// <param name="exception">The exception caught.</param>
    public Exception Exception(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return TypedTextOn ? exception : new ScrubbedException(exception);
    }
}

/// <summary>
/// An exception as logged outside the troubleshooting window: the original's type and stack trace (and its inner
/// exceptions', likewise), without any message. Thrown never; only logged.
/// </summary>
public sealed class ScrubbedException : Exception
{
    private readonly string _stackTrace;

    /// <summary>Wraps <paramref name="original"/>.</summary>
    /// <param name="original">The exception whose messages are left out.</param>
    public ScrubbedException(Exception original)
        : base(
            $"{original?.GetType().FullName} (message not logged: it may quote what someone typed; see {SettingsKeys.TroubleshootingLogTypedTextUntil})",
            original?.InnerException is { } inner ? new ScrubbedException(inner) : null)
    {
        ArgumentNullException.ThrowIfNull(original);
        OriginalType = original.GetType().FullName ?? original.GetType().Name;
        _stackTrace = original.StackTrace ?? "";
    }

    /// <summary>Full name of the original exception's type.</summary>
    public string OriginalType { get; }

    /// <inheritdoc />
    public override string? StackTrace => _stackTrace;

    /// <inheritdoc />
    public override string ToString()
    {
        var text = Message;
        if (InnerException is not null)
        {
            text += " ---> " + InnerException + Environment.NewLine + "   --- End of inner exception stack trace ---";
        }
        return _stackTrace.Length == 0 ? text : text + Environment.NewLine + _stackTrace;
    }
}
