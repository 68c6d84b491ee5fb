using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Delivery;
using PolicyBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Delivery;

/// <summary>Administrator download links served by the real app at GET /downloads/{token}.</summary>
public sealed class DownloadLinkTests(ITestOutputHelper output)
{
    private static readonly byte[] Csv = Encoding.UTF8.GetBytes("recipient,status\nada,sent\n");

    [Fact]
    public async Task A_link_serves_its_file_once_then_answers_410_and_each_use_is_logged()
    {
        await using var host = await BotHost.StartAsync(new BotHostOptions { Output = output });
        var link = await Links(host).CreateAsync(Csv, "text/csv; charset=utf-8", "campaign-12.csv", "aad-admin-1", CancellationToken.None);

        using var first = await BotHost.Http.GetAsync(host.Url(link.Path));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(Csv, await first.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/csv; charset=utf-8", first.Content.Headers.ContentType?.ToString());
        Assert.Equal("campaign-12.csv", first.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("attachment", first.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(first.Headers.CacheControl?.NoStore);

        using var second = await BotHost.Http.GetAsync(host.Url(link.Path));
        Assert.Equal(HttpStatusCode.Gone, second.StatusCode);
        Assert.Contains(host.Logs, l => l.Message.Contains("used (campaign-12.csv)", StringComparison.Ordinal) && l.Message.Contains("aad-admin-1", StringComparison.Ordinal));
        Assert.Contains(host.Logs, l => l.Message.Contains("already used", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs, l => l.Message.Contains(link.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_expired_link_answers_410_and_an_unknown_one_404()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 7, 0, 0, TimeSpan.Zero));
        await using var host = await BotHost.StartAsync(new BotHostOptions
        {
            Output = output,
        }.UseClock(clock));
        var link = await Links(host).CreateAsync(Csv, "text/csv", "r.csv", "aad-admin-1", CancellationToken.None);
        Assert.Equal(clock.GetUtcNow().AddMinutes(15), link.ExpiresAt); // the default lifetime

        clock.Advance(TimeSpan.FromMinutes(15));
        using var expired = await BotHost.Http.GetAsync(host.Url(link.Path));
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);

        using var unknown = await BotHost.Http.GetAsync(host.Url("/downloads/" + new string('A', 43)));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Tokens_are_256_bit_url_safe_and_unique()
    {
        await using var host = await BotHost.StartAsync(new BotHostOptions { Output = output });
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 50; i++)
        {
            var link = await Links(host).CreateAsync(Csv, "text/csv", "r.csv", "aad", CancellationToken.None);
            Assert.Matches("^[A-Za-z0-9_-]{43}$", link.Token); // 32 bytes, base64url without padding
            Assert.Equal("/downloads/" + link.Token, link.Path);
            Assert.True(tokens.Add(link.Token));
        }
    }

    [Fact]
    public async Task Two_simultaneous_requests_get_the_file_once()
    {
        await using var host = await BotHost.StartAsync(new BotHostOptions { Output = output });
        var link = await Links(host).CreateAsync(Csv, "text/csv", "r.csv", "aad", CancellationToken.None);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => BotHost.Http.GetAsync(host.Url(link.Path))));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Equal(7, answers.Count(a => a.StatusCode == HttpStatusCode.Gone));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    private static IDownloadLinks Links(BotHost host) => host.Services.GetRequiredService<IDownloadLinks>();
}
