using ScottPlot;

namespace PolicyBot.Campaigns;

/// <summary>
/// The report's chart: one bar per figure (targeted, delivered, unreachable, failed, acknowledged, pending), drawn with
/// ScottPlot (SkiaSharp; its Linux native library comes from the SkiaSharp.NativeAssets.Linux.NoDependencies package) as
/// a small PNG for the card, as a <c>data:</c> URI. Text needs a font file: the first of <see cref="FontFiles"/> found is
/// registered (Debian's <c>fonts-dejavu-core</c>, which the project's scripts install); with none, the chart is left out
/// and the card still gives every figure. A Teams message must stay under about 28 KB, card included, so a chart larger
/// than <see cref="MaxPngBytes"/> is left out too.
/// </summary>
public sealed class ReportChart
{
    /// <summary>Largest PNG put on a card (its base64 is a third larger; the rest of the card needs the remaining room).</summary>
    public const int MaxPngBytes = 14 * 1024;

    /// <summary>Font files tried, in order.</summary>
    public static readonly IReadOnlyList<string> FontFiles =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/Library/Fonts/Arial.ttf",
        "C:\\Windows\\Fonts\\arial.ttf",
    ];

    private const string FontName = "PolicyBot Chart Sans";
    private static readonly Lock Gate = new();
    private static bool? _fontReady;
    private readonly ILogger<ReportChart> _logger;

    /// <summary>Creates the chart maker.</summary>
    /// <param name="logger">Says once when no font is found.</param>
    public ReportChart(ILogger<ReportChart> logger) => _logger = logger;

    /// <summary>The chart's PNG bytes, or null when no font is available or drawing failed (logged).</summary>
    /// <param name="report">The figures.</param>
    public byte[]? Png(CampaignReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!EnsureFont())
        {
            return null;
        }
        try
        {
            var failed = report.FailedByReason.Sum(f => f.Count);
            var bars = new List<(string Label, double Value, string Color)>
            {
                ("Targeted", report.Targeted, "#5B5FC7"),
                ("Delivered", report.Delivered, "#2E7D32"),
                ("Unreachable", report.Unreachable, "#9E9E9E"),
                ("Failed", failed, "#C62828"),
            };
            if (report.Campaign.AcknowledgementRequired)
            {
                bars.Add(("Acknowledged", report.Acknowledged, "#1565C0"));
                bars.Add(("Pending", report.Pending.Count, "#EF6C00"));
            }

            var plot = new Plot();
            plot.Font.Set(FontName);
            var plotted = plot.Add.Bars(bars.Select((b, i) => new Bar
            {
                Position = i,
                Value = b.Value,
                FillColor = Color.FromHex(b.Color),
                Label = b.Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            }).ToList());
            plotted.ValueLabelStyle.FontName = FontName;
            plotted.ValueLabelStyle.FontSize = 14;
            plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, bars.Count).Select(i => (double)i)], [.. bars.Select(b => b.Label)]);
            plot.Axes.Bottom.MajorTickStyle.Length = 0;
            plot.Axes.Margins(bottom: 0, top: 0.2);
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };   // people are counted whole
            plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.08);
            plot.Title(report.Campaign.AcknowledgementRequired
                ? $"{report.AcknowledgedPercent:0.#} % acknowledged"
                : $"{report.Delivered:N0} of {report.Targeted:N0} delivered");
            plot.Font.Set(FontName);
            var png = plot.GetImageBytes(560, 240, ImageFormat.Png);
            if (png.Length > MaxPngBytes)
            {
                _logger.LogWarning("The report chart is {Bytes} bytes, over the {Max} bytes a Teams card has room for: left out.", png.Length, MaxPngBytes);
                return null;
            }
            return png;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or InvalidOperationException)
        {
            _logger.LogError(e, "The report chart could not be drawn; the card shows the figures without it.");
            return null;
        }
    }

    /// <summary>The chart as a data URI for an Adaptive Card Image, or null.</summary>
    /// <param name="report">The figures.</param>
    public string? DataUri(CampaignReport report) => Png(report) is { } png ? "data:image/png;base64," + Convert.ToBase64String(png) : null;

    private bool EnsureFont()
    {
        lock (Gate)
        {
            if (_fontReady is { } ready)
            {
                return ready;
            }
            var file = FontFiles.FirstOrDefault(File.Exists);
            if (file is null)
            {
                _logger.LogWarning("No font file for the report chart (looked for {Files}); install fonts-dejavu-core. Reports show figures without the chart.", string.Join(", ", FontFiles));
                _fontReady = false;
                return false;
            }
            Fonts.AddFontFile(FontName, file);
            Fonts.Default = FontName;
            _fontReady = true;
            return true;
        }
    }
}
