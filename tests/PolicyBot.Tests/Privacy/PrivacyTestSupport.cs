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
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(host.DataFolder, SqliteStorage.FileName),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
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
