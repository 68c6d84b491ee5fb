using Microsoft.Data.Sqlite;
using PolicyBot.Storage;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Privacy;

/// <summary>Reads the bot's SQLite file directly, as an IT administrator's tool would, to see what is really stored.</summary>
internal static class StoredFile
{
    /// <summary>The per-user conversation state keys (situations) of <paramref name="user"/> in the file.</summary>
    public static List<string> SituationKeys(BotHost host, TeamsUser user)
    {
        using var connection = OpenReadOnly(host);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key FROM store_items WHERE key LIKE '%/conversations/%' AND key LIKE '%/users/' || $user ORDER BY key";
        command.Parameters.AddWithValue("$user", user.Id);
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }
        return keys;
    }

    /// <summary>
    /// Waits (real time, up to 10 s) until the stored situations of <paramref name="user"/> have not changed for half a
    /// second: a turn may write its state more than once, and a write after a test moves a fake clock is stamped with the
    /// moved time.
    /// </summary>
    public static async Task SettledAsync(BotHost host, TeamsUser user)
    {
        var (last, since) = (Fingerprint(host, user), DateTime.UtcNow);
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline && DateTime.UtcNow - since < TimeSpan.FromMilliseconds(500); await Task.Delay(50))
        {
            var now = Fingerprint(host, user);
            if (now != last)
            {
                (last, since) = (now, DateTime.UtcNow);
            }
        }
    }

    private static string Fingerprint(BotHost host, TeamsUser user)
    {
        using var connection = OpenReadOnly(host);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(key || ':' || etag || ':' || updated, '|') FROM store_items WHERE key LIKE '%/users/' || $user";
        command.Parameters.AddWithValue("$user", user.Id);
        return command.ExecuteScalar() as string ?? "";
    }

    /// <summary>The bot's SQLite file, opened read-only and unpooled (so the bot's own writes are never held up).</summary>
    private static SqliteConnection OpenReadOnly(BotHost host)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(host.DataFolder, SqliteStorage.FileName),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Waits (real time, up to 10 s) until <paramref name="condition"/> holds; false if it never does.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline; await Task.Delay(50))
        {
            if (condition())
            {
                return true;
            }
        }
        return condition();
    }
}
